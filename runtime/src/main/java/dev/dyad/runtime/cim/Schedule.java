package dev.dyad.runtime.cim;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.dialect.meta.SwitchOp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * A timed run: every op's start and end, the segments and their phases, and what the event
 * replay of the timeline accumulates — each resource's busy cycles, each array's cycles in memory
 * mode, and the trace lane of every (op, resource) pair.
 */
public final class Schedule {
  /** One phase of a segment. {@code bottleneck} is the resource of the throughput term (null if none). */
  public record PhaseTiming(int index, long start, long cycles, Rational throughput, Rational fillDrain,
      Resource bottleneck) {}

  /** One segment: where it starts, how long it takes, its phases. */
  public record SegmentTiming(long id, String location, long start, long cycles, List<PhaseTiming> phases) {}

  /**
   * One executed op.
   *
   * @param segment the segment's id, or -1 at the top level
   * @param ownCycles the op's latency on its own, {@code ⌈largest demand⌉}
   * @param lanes for each resource it uses, the trace lane (0 for the resource's first track)
   */
  public record OpTiming(String name, String location, String category, long segment, int phase, Rational start,
      Rational end, long ownCycles, Map<Resource, Rational> demands, Map<Resource, Integer> lanes) {}

  private final HardwareDescription arch;
  private final long totalCycles;
  private final List<OpTiming> ops;
  private final List<SegmentTiming> segments;
  private final long switchCycles;
  private final long weightWriteCycles;
  private final TreeMap<Resource, Rational> busy = new TreeMap<>();
  private final TreeMap<Resource, Integer> laneCounts = new TreeMap<>();
  private final Rational[] memoryCycles;
  private final List<ModeCount> memoryCounter = new ArrayList<>();

  Schedule(HardwareDescription arch, long totalCycles, List<OpRecord> records, List<SegmentTiming> segments,
      long switchCycles, long weightWriteCycles) {
    this.arch = arch;
    this.totalCycles = totalCycles;
    this.segments = List.copyOf(segments);
    this.switchCycles = switchCycles;
    this.weightWriteCycles = weightWriteCycles;
    this.memoryCycles = new Rational[arch.arrays()];
    java.util.Arrays.fill(memoryCycles, Rational.ZERO);
    for (OpRecord r : records) {
      r.demands.asMap().forEach((res, c) -> busy.merge(res, c, Rational::plus));
    }
    Map<OpRecord, Map<Resource, Integer>> lanes = replay(records);
    List<OpTiming> timings = new ArrayList<>();
    for (OpRecord r : records) {
      timings.add(new OpTiming(r.op.getNameString(), Locations.describe(r.op.getLoc()), category(r.category),
          r.segment, r.phase, r.start, r.end, r.ownLatency().ceil(), r.demands.asMap(), lanes.get(r)));
    }
    this.ops = Collections.unmodifiableList(timings);
  }

  private static String category(OpRecord.Category c) {
    return switch (c) {
      case SWITCH -> "switch";
      case WEIGHT_WRITE -> "weight write";
      case MVM -> "mvm";
      case DATA_MOVEMENT -> "data movement";
      case VECTOR -> "vector";
    };
  }

  /**
   * An event of the replay: an op starts or ends on its resources. At one time ends come before
   * starts; an op that takes no time ends right at its start.
   */
  private record Event(Rational time, boolean start, int seq, OpRecord op) {}

  /**
   * Replays the timeline in time order: at each op's end the arrays a switch lists change mode
   * (memory-mode time is counted from one such event to the next), and at each start the op
   * takes the first free lane of every resource it uses (so that overlapping ops of one resource
   * land on separate trace tracks).
   */
  private Map<OpRecord, Map<Resource, Integer>> replay(List<OpRecord> records) {
    PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> {
      int c = a.time().compareTo(b.time());
      if (c != 0) {
        return c;
      }
      if (a.start() != b.start()) {
        return a.start() ? 1 : -1;
      }
      return Integer.compare(a.seq(), b.seq());
    });
    for (int i = 0; i < records.size(); i++) {
      queue.add(new Event(records.get(i).start, true, i, records.get(i)));
    }
    Map<OpRecord, Map<Resource, Integer>> lanes = new IdentityHashMap<>();
    Map<Resource, List<Boolean>> laneBusy = new TreeMap<>();
    Rational[] memorySince = new Rational[arch.arrays()];
    int inMemory = 0;
    memoryCounter.add(new ModeCount(Rational.ZERO, 0));
    while (!queue.isEmpty()) {
      Event e = queue.poll();
      OpRecord r = e.op();
      if (e.start()) {
        Map<Resource, Integer> mine = new TreeMap<>();
        for (Resource res : r.demands.asMap().keySet()) {
          List<Boolean> l = laneBusy.computeIfAbsent(res, k -> new ArrayList<>());
          int lane = l.indexOf(Boolean.FALSE);
          if (lane < 0) {
            lane = l.size();
            l.add(Boolean.TRUE);
          } else {
            l.set(lane, Boolean.TRUE);
          }
          mine.put(res, lane);
          laneCounts.merge(res, l.size(), Math::max);
        }
        lanes.put(r, mine);
        if (r.end.compareTo(r.start) > 0) {
          queue.add(new Event(r.end, false, e.seq(), r));
          continue;
        }
      }
      for (Map.Entry<Resource, Integer> m : lanes.get(r).entrySet()) {
        laneBusy.get(m.getKey()).set(m.getValue(), Boolean.FALSE);
      }
      if (r.category != OpRecord.Category.SWITCH) {
        continue;
      }
      SwitchOp s = new SwitchOp(r.op);
      Rational time = r.end;
      for (long a : s.arrays()) {
        int id = (int) a;
        if (!s.toCompute() && memorySince[id] == null) {
          memorySince[id] = time;
          inMemory++;
        } else if (s.toCompute() && memorySince[id] != null) {
          memoryCycles[id] = memoryCycles[id].plus(time.minus(memorySince[id]));
          memorySince[id] = null;
          inMemory--;
        }
      }
      memoryCounter.add(new ModeCount(time, inMemory));
    }
    Rational end = Rational.of(totalCycles);
    for (int id = 0; id < memorySince.length; id++) {
      if (memorySince[id] != null) {
        memoryCycles[id] = memoryCycles[id].plus(end.minus(memorySince[id]));
      }
    }
    return lanes;
  }

  public HardwareDescription arch() {
    return arch;
  }

  /** The program's latency in cycles. */
  public long totalCycles() {
    return totalCycles;
  }

  /** Every executed meta op (not barriers, yields or constants), in program order. */
  public List<OpTiming> ops() {
    return ops;
  }

  public List<SegmentTiming> segments() {
    return segments;
  }

  /** The switch controller's busy cycles, phase by phase: what the switches take by themselves. */
  public long switchCycles() {
    return switchCycles;
  }

  /** The cycles the weight writes take by themselves, phase by phase (the phase rule on them alone). */
  public long weightWriteCycles() {
    return weightWriteCycles;
  }

  /** The summed demands on each resource the program used. */
  public Map<Resource, Rational> busy() {
    return Collections.unmodifiableMap(busy);
  }

  public Rational busy(Resource r) {
    return busy.getOrDefault(r, Rational.ZERO);
  }

  /** Cycles array {@code id} spent in memory mode (from the end of its switch to memory mode). */
  public Rational memoryModeCycles(int id) {
    return memoryCycles[id];
  }

  /** The time-weighted share of array-cycles in memory mode: Σ memory-mode cycles / (arrays · total). */
  public Rational memoryModeShare() {
    if (totalCycles == 0) {
      return Rational.ZERO;
    }
    Rational sum = Rational.ZERO;
    for (Rational r : memoryCycles) {
      sum = sum.plus(r);
    }
    return sum.dividedBy(Rational.of(totalCycles).times(arch.arrays()));
  }

  /** How many trace lanes resource {@code r} needs (its most ops at once). */
  public Map<Resource, Integer> laneCounts() {
    return Collections.unmodifiableMap(laneCounts);
  }

  /** How many arrays are in memory mode from {@code time} on. */
  public record ModeCount(Rational time, int arrays) {}

  /** The number of arrays in memory mode after every switch's end, starting with none at cycle 0. */
  public List<ModeCount> memoryModeCounter() {
    return Collections.unmodifiableList(memoryCounter);
  }
}

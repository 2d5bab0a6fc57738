package dev.dyad.runtime.cim;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.ir.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timing model of docs/dialects/meta.md ("Timing") with pipeline fill and drain inside a
 * segment's phases (docs/cim-interpreter.md): top-level ops run one after another, a segment's
 * phases one after another, and a phase's ops concurrently, its latency
 * {@code ⌈max over resources of the summed demands + fill/drain⌉}.
 */
final class TimingModel {
  private TimingModel() {}

  /** What the top level of a program runs, in order. */
  sealed interface Item permits TopOp, Segment {}

  /** An op of the function body: it runs alone. */
  record TopOp(OpRecord op) implements Item {}

  /** A segment: its ops by phase (the barriers between them removed). */
  record Segment(long id, Operation op, List<List<OpRecord>> phases) implements Item {}

  /** Schedules {@code items}: fills in every record's start and end and times the segments. */
  static Schedule schedule(HardwareDescription arch, List<Item> items) {
    long t = 0;
    List<OpRecord> ops = new ArrayList<>();
    List<Schedule.SegmentTiming> segments = new ArrayList<>();
    long switchCycles = 0;
    long weightWriteCycles = 0;
    for (Item item : items) {
      if (item instanceof TopOp top) {
        OpRecord r = top.op();
        long latency = r.ownLatency().ceil();
        r.start = Rational.of(t);
        r.end = Rational.of(t + latency);
        ops.add(r);
        switchCycles += categoryCycles(List.of(r), OpRecord.Category.SWITCH);
        weightWriteCycles += categoryCycles(List.of(r), OpRecord.Category.WEIGHT_WRITE);
        t += latency;
        continue;
      }
      Segment seg = (Segment) item;
      long segStart = t;
      List<Schedule.PhaseTiming> phases = new ArrayList<>();
      for (List<OpRecord> phase : seg.phases()) {
        Schedule.PhaseTiming p = phase(phases.size(), phase, t);
        phases.add(p);
        ops.addAll(phase);
        switchCycles += categoryCycles(phase, OpRecord.Category.SWITCH);
        weightWriteCycles += categoryCycles(phase, OpRecord.Category.WEIGHT_WRITE);
        t += p.cycles();
      }
      segments.add(new Schedule.SegmentTiming(seg.id(), Locations.describe(seg.op().getLoc()), segStart, t - segStart,
          phases));
    }
    return new Schedule(arch, t, ops, segments, switchCycles, weightWriteCycles);
  }

  /**
   * The phase rule applied to the ops of one category alone: how long they would take by
   * themselves (for the switch and weight-write breakdowns).
   */
  private static long categoryCycles(List<OpRecord> phase, OpRecord.Category category) {
    Demands sum = new Demands();
    for (OpRecord r : phase) {
      if (r.category == category) {
        sum.addAll(r.demands);
      }
    }
    return sum.max().ceil();
  }

  /**
   * Times one phase starting at cycle {@code start}: its latency is the throughput term (the
   * largest summed demand on any resource, meta.md's rule) plus the fill and drain of its longest
   * producer→consumer chain, rounded up; each op starts when the first row block reaches it and
   * ends after its own work and the last block from its producers.
   */
  static Schedule.PhaseTiming phase(int index, List<OpRecord> ops, long start) {
    Demands sum = new Demands();
    for (OpRecord r : ops) {
      sum.addAll(r.demands);
    }
    Rational throughput = sum.max();
    Rational fillDrain = Rational.ZERO;
    Map<OpRecord, Long> blocks = blockCounts(ops);
    for (List<OpRecord> component : components(ops)) {
      fillDrain = fillDrain.max(fillDrain(component, blocks.get(component.get(0))));
    }
    long cycles = throughput.plus(fillDrain).ceil();
    Rational limit = Rational.of(cycles);
    Map<OpRecord, Rational> first = new IdentityHashMap<>();
    Map<OpRecord, Rational> last = new IdentityHashMap<>();
    for (OpRecord r : ops) {
      Rational n = Rational.of(blocks.get(r));
      Rational own = r.ownLatency();
      Rational a = Rational.ZERO;
      Rational e = own;
      for (OpRecord p : r.producers) {
        a = a.max(first.get(p).plus(p.ownLatency().dividedBy(n)));
        e = e.max(last.get(p).plus(own.dividedBy(n)));
      }
      e = e.max(a.plus(own)).min(limit);
      first.put(r, a);
      last.put(r, e);
      r.start = Rational.of(start).plus(a);
      r.end = Rational.of(start).plus(e);
    }
    return new Schedule.PhaseTiming(index, start, cycles, throughput, fillDrain, sum.argMax());
  }

  /** The weakly connected components of the phase's pipeline edges, each in program order. */
  private static List<List<OpRecord>> components(List<OpRecord> ops) {
    Map<OpRecord, OpRecord> parent = new IdentityHashMap<>();
    for (OpRecord r : ops) {
      parent.put(r, r);
    }
    for (OpRecord r : ops) {
      for (OpRecord p : r.producers) {
        parent.put(root(parent, r), root(parent, p));
      }
    }
    Map<OpRecord, List<OpRecord>> byRoot = new IdentityHashMap<>();
    List<List<OpRecord>> out = new ArrayList<>();
    for (OpRecord r : ops) {
      List<OpRecord> c = byRoot.computeIfAbsent(root(parent, r), k -> {
        List<OpRecord> list = new ArrayList<>();
        out.add(list);
        return list;
      });
      c.add(r);
    }
    return out;
  }

  private static OpRecord root(Map<OpRecord, OpRecord> parent, OpRecord r) {
    while (parent.get(r) != r) {
      r = parent.get(r);
    }
    return r;
  }

  /** Every op's block count: the fewest row blocks among the ops of its component. */
  private static Map<OpRecord, Long> blockCounts(List<OpRecord> ops) {
    Map<OpRecord, Long> out = new IdentityHashMap<>();
    for (List<OpRecord> c : components(ops)) {
      long n = Long.MAX_VALUE;
      for (OpRecord r : c) {
        n = Math.min(n, r.rows);
      }
      for (OpRecord r : c) {
        out.put(r, n);
      }
    }
    return out;
  }

  /**
   * {@code max over chains P of (Σ_{s∈P} T_s − max_{s∈P} T_s) / n}: the time one block needs to
   * pass the chain's stages other than its slowest. For each candidate slowest stage b, the
   * longest chain through b among the stages no slower than b (ties broken by program order).
   */
  static Rational fillDrain(List<OpRecord> component, long blocks) {
    if (component.size() < 2) {
      return Rational.ZERO;
    }
    Map<OpRecord, Integer> order = new HashMap<>();
    Map<OpRecord, List<OpRecord>> consumers = new IdentityHashMap<>();
    for (OpRecord r : component) {
      order.put(r, order.size());
      consumers.put(r, new ArrayList<>());
    }
    for (OpRecord r : component) {
      for (OpRecord p : r.producers) {
        consumers.get(p).add(r);
      }
    }
    Rational best = Rational.ZERO;
    for (OpRecord b : component) {
      Rational tb = b.ownLatency();
      int ob = order.get(b);
      Map<OpRecord, Rational> into = new IdentityHashMap<>();
      for (OpRecord s : component) {
        if (!noSlower(s, order.get(s), tb, ob)) {
          continue;
        }
        Rational longest = Rational.ZERO;
        for (OpRecord p : s.producers) {
          Rational v = into.get(p);
          if (v != null) {
            longest = longest.max(v);
          }
        }
        into.put(s, longest.plus(s.ownLatency()));
      }
      Map<OpRecord, Rational> outOf = new IdentityHashMap<>();
      for (int i = component.size() - 1; i >= 0; i--) {
        OpRecord s = component.get(i);
        if (!into.containsKey(s)) {
          continue;
        }
        Rational longest = Rational.ZERO;
        for (OpRecord q : consumers.get(s)) {
          Rational v = outOf.get(q);
          if (v != null) {
            longest = longest.max(v);
          }
        }
        outOf.put(s, longest.plus(s.ownLatency()));
      }
      Rational through = into.get(b).plus(outOf.get(b)).minus(tb);
      best = best.max(through.minus(tb));
    }
    return best.dividedBy(blocks);
  }

  private static boolean noSlower(OpRecord s, int os, Rational tb, int ob) {
    int c = s.ownLatency().compareTo(tb);
    return c < 0 || (c == 0 && os <= ob);
  }
}

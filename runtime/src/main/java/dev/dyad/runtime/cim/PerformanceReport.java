package dev.dyad.runtime.cim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dyad.arch.HardwareDescription;
import java.util.Locale;
import java.util.Map;

/**
 * The performance report of a run, as text and as JSON: total cycles and time at the clock,
 * segments with their phases, every op's start, end and own latency, the switch and weight-write
 * cycles, the memory-mode share, and each unit's and array's busy cycles and utilisation
 * (docs/cim-interpreter.md defines every number).
 */
public final class PerformanceReport {
  /** How the memory-mode share is defined (the report states it, since definitions differ up to 5x). */
  public static final String MEMORY_MODE_SHARE_DEFINITION = "time-weighted: the cycles each array spends in"
      + " memory mode, summed over the arrays, divided by arrays x total cycles";

  private final Schedule schedule;
  private final ChipState chip;
  private final HardwareDescription arch;

  public PerformanceReport(Schedule schedule, ChipState chip) {
    this.schedule = schedule;
    this.chip = chip;
    this.arch = schedule.arch();
  }

  public Schedule schedule() {
    return schedule;
  }

  // ---- text ---------------------------------------------------------------------------------------

  public String text() {
    StringBuilder sb = new StringBuilder();
    long total = schedule.totalCycles();
    sb.append("performance on ").append(arch.name()).append(" (").append(arch.arrays()).append(" arrays of ")
        .append(arch.rows()).append('x').append(arch.cols()).append(", ").append(clock()).append("):\n");
    sb.append("  total: ").append(total).append(" cycles = ").append(time(total)).append('\n');
    for (Schedule.SegmentTiming s : schedule.segments()) {
      sb.append("  segment ").append(s.id()).append(": ").append(s.cycles()).append(" cycles from cycle ")
          .append(s.start()).append(" (").append(s.location()).append(")\n");
      for (Schedule.PhaseTiming p : s.phases()) {
        sb.append("    phase ").append(p.index()).append(": ").append(p.cycles()).append(" cycles = throughput ")
            .append(p.throughput().toDecimal(2));
        if (p.bottleneck() != null) {
          sb.append(" (").append(p.bottleneck().describe()).append(')');
        }
        sb.append(" + fill/drain ").append(p.fillDrain().toDecimal(2)).append('\n');
      }
    }
    sb.append("  ops (start, end and own latency in cycles):\n");
    for (Schedule.OpTiming o : schedule.ops()) {
      sb.append(String.format(Locale.ROOT, "    %12s %12s %10d  %-18s %s  %s%n", o.start().toDecimal(2),
          o.end().toDecimal(2), o.ownCycles(), o.name(), where(o), o.location()));
    }
    sb.append("  switches: ").append(schedule.switchCycles()).append(" cycles (")
        .append(percent(schedule.switchCycles(), total)).append(" of the total) on the switch controller\n");
    sb.append("  weight writes: ").append(schedule.weightWriteCycles()).append(" cycles (")
        .append(percent(schedule.weightWriteCycles(), total)).append(" of the total) under the ")
        .append(arch.weightReloadModel().spelling()).append(" model\n");
    sb.append("  memory-mode share: ").append(percent(schedule.memoryModeShare())).append(" (")
        .append(MEMORY_MODE_SHARE_DEFINITION).append(")\n");
    sb.append("  units (busy cycles, utilisation):\n");
    for (Map.Entry<Resource, Rational> e : schedule.busy().entrySet()) {
      if (e.getKey().kind() != Resource.Kind.ARRAY) {
        sb.append(String.format(Locale.ROOT, "    %-28s %14s %8s%n", e.getKey().describe(), e.getValue().toDecimal(2),
            percent(utilisation(e.getValue()))));
      }
    }
    sb.append("  arrays (busy cycles, utilisation, cycles in memory mode, peak bits held in memory mode):\n");
    int idle = 0;
    for (int id = 0; id < arch.arrays(); id++) {
      Rational busy = schedule.busy(Resource.array(id));
      Rational memory = schedule.memoryModeCycles(id);
      if (busy.signum() == 0 && memory.signum() == 0) {
        idle++;
        continue;
      }
      sb.append(String.format(Locale.ROOT, "    array %-6d %14s %8s %14s %10d%n", id, busy.toDecimal(2),
          percent(utilisation(busy)), memory.toDecimal(2), chip.peakArrayBits(id)));
    }
    if (idle > 0) {
      sb.append("    (").append(idle).append(idle == 1 ? " array" : " arrays").append(" never used)\n");
    }
    sb.append("  buffer: peak ").append(chip.peakBufferBits()).append(" of ").append(arch.bufferBits())
        .append(" bits\n");
    return sb.toString();
  }

  private static String where(Schedule.OpTiming o) {
    return o.segment() < 0 ? "top      " : String.format(Locale.ROOT, "s%-3d p%-3d", o.segment(), o.phase());
  }

  private String clock() {
    long hz = arch.clockHz();
    if (hz % 1_000_000_000L == 0) {
      return hz / 1_000_000_000L + " GHz";
    }
    return hz % 1_000_000L == 0 ? hz / 1_000_000L + " MHz" : hz + " Hz";
  }

  /** {@code cycles} at the clock, in ns, us or ms (three significant decimals). */
  String time(long cycles) {
    double ns = arch.nanoseconds(cycles);
    if (ns < 1e3) {
      return String.format(Locale.ROOT, "%.3f ns", ns);
    }
    if (ns < 1e6) {
      return String.format(Locale.ROOT, "%.3f us", ns / 1e3);
    }
    return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
  }

  private Rational utilisation(Rational busy) {
    return schedule.totalCycles() == 0 ? Rational.ZERO : busy.dividedBy(schedule.totalCycles());
  }

  private static String percent(long part, long whole) {
    return percent(whole == 0 ? Rational.ZERO : Rational.of(part, whole));
  }

  private static String percent(Rational share) {
    return share.times(100).toDecimal(2) + "%";
  }

  // ---- JSON ---------------------------------------------------------------------------------------

  public ObjectNode json() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    long total = schedule.totalCycles();
    ObjectNode a = root.putObject("arch");
    a.put("name", arch.name()).put("arrays", arch.arrays()).put("rows", arch.rows()).put("cols", arch.cols())
        .put("clock_hz", arch.clockHz()).put("weight_reload_model", arch.weightReloadModel().spelling());
    root.put("total_cycles", total);
    root.put("total_ns", arch.nanoseconds(total));
    ArrayNode segments = root.putArray("segments");
    for (Schedule.SegmentTiming s : schedule.segments()) {
      ObjectNode sn = segments.addObject().put("id", s.id()).put("location", s.location()).put("start_cycle", s.start())
          .put("cycles", s.cycles());
      ArrayNode phases = sn.putArray("phases");
      for (Schedule.PhaseTiming p : s.phases()) {
        phases.addObject().put("index", p.index()).put("start_cycle", p.start()).put("cycles", p.cycles())
            .put("throughput_cycles", p.throughput().toDouble()).put("fill_drain_cycles", p.fillDrain().toDouble())
            .put("bottleneck", p.bottleneck() == null ? null : p.bottleneck().describe());
      }
    }
    ArrayNode ops = root.putArray("ops");
    for (Schedule.OpTiming o : schedule.ops()) {
      ObjectNode on = ops.addObject().put("op", o.name()).put("location", o.location()).put("category", o.category());
      if (o.segment() < 0) {
        on.putNull("segment");
      } else {
        on.put("segment", o.segment()).put("phase", o.phase());
      }
      on.put("start_cycle", o.start().toDouble()).put("end_cycle", o.end().toDouble()).put("own_cycles", o.ownCycles());
      ObjectNode demands = on.putObject("demands");
      o.demands().forEach((r, c) -> demands.put(r.describe(), c.toDouble()));
    }
    root.putObject("switch").put("cycles", schedule.switchCycles())
        .put("share", ratio(schedule.switchCycles(), total));
    root.putObject("weight_write").put("cycles", schedule.weightWriteCycles())
        .put("share", ratio(schedule.weightWriteCycles(), total));
    root.putObject("memory_mode").put("share", schedule.memoryModeShare().toDouble())
        .put("definition", MEMORY_MODE_SHARE_DEFINITION);
    ArrayNode units = root.putArray("units");
    for (Map.Entry<Resource, Rational> e : schedule.busy().entrySet()) {
      if (e.getKey().kind() != Resource.Kind.ARRAY) {
        units.addObject().put("resource", e.getKey().describe()).put("busy_cycles", e.getValue().toDouble())
            .put("utilisation", utilisation(e.getValue()).toDouble());
      }
    }
    ArrayNode arrays = root.putArray("arrays");
    for (int id = 0; id < arch.arrays(); id++) {
      Rational busy = schedule.busy(Resource.array(id));
      arrays.addObject().put("id", id).put("busy_cycles", busy.toDouble())
          .put("utilisation", utilisation(busy).toDouble())
          .put("memory_mode_cycles", schedule.memoryModeCycles(id).toDouble())
          .put("peak_memory_bits", chip.peakArrayBits(id));
    }
    root.putObject("buffer").put("capacity_bits", arch.bufferBits()).put("peak_bits", chip.peakBufferBits());
    return root;
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** The JSON report, pretty-printed. */
  public String jsonText() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}

package dev.dyad.runtime.cim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dyad.arch.HardwareDescription;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a schedule as Chrome/Perfetto trace-event JSON: one track per unit (external link, bus,
 * vector unit, switch controller), per array the program uses and per weight port, with extra
 * lanes where ops overlap on one resource; a "program" track with the segments, their phases and
 * the top-level ops; and a counter of the arrays in memory mode. Times are microseconds at the
 * chip's clock; every event also carries its cycles.
 */
public final class TraceWriter {
  private static final int PID = 1;
  private static final int PROGRAM_TID = 1;

  private TraceWriter() {}

  /** Writes the trace of {@code schedule} to {@code out} (not closed). */
  public static void write(Schedule schedule, Writer out) throws IOException {
    HardwareDescription arch = schedule.arch();
    Map<Resource, Integer> lanes = new TreeMap<>(schedule.laneCounts());
    for (Resource unit : List.of(Resource.EXTERNAL_LINK, Resource.BUS, Resource.VECTOR_UNIT,
        Resource.SWITCH_CONTROLLER)) {
      lanes.putIfAbsent(unit, 1);
    }
    Map<Resource, Integer> firstTid = new LinkedHashMap<>();
    int tid = PROGRAM_TID + 1;
    for (Map.Entry<Resource, Integer> e : lanes.entrySet()) {
      firstTid.put(e.getKey(), tid);
      tid += e.getValue();
    }
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("displayTimeUnit", "ns");
      g.writeArrayFieldStart("traceEvents");
      metadata(g, "process_name", -1, "name", "chip " + arch.name());
      metadata(g, "thread_name", PROGRAM_TID, "name", "program");
      sortIndex(g, PROGRAM_TID);
      for (Map.Entry<Resource, Integer> e : lanes.entrySet()) {
        for (int lane = 0; lane < e.getValue(); lane++) {
          int t = firstTid.get(e.getKey()) + lane;
          String name = e.getKey().describe() + (lane == 0 ? "" : " (" + (lane + 1) + ")");
          metadata(g, "thread_name", t, "name", name);
          sortIndex(g, t);
        }
      }
      for (Schedule.SegmentTiming s : schedule.segments()) {
        Map<String, Object> segmentArgs = new LinkedHashMap<>();
        segmentArgs.put("location", s.location());
        segmentArgs.put("cycles", s.cycles());
        complete(g, arch, "segment " + s.id(), "segment", PROGRAM_TID, Rational.of(s.start()),
            Rational.of(s.start() + s.cycles()), segmentArgs);
        for (Schedule.PhaseTiming p : s.phases()) {
          Map<String, Object> args = new LinkedHashMap<>();
          args.put("cycles", p.cycles());
          args.put("throughput_cycles", p.throughput().toDouble());
          args.put("fill_drain_cycles", p.fillDrain().toDouble());
          args.put("bottleneck", p.bottleneck() == null ? "none" : p.bottleneck().describe());
          complete(g, arch, "phase " + p.index(), "phase", PROGRAM_TID, Rational.of(p.start()),
              Rational.of(p.start() + p.cycles()), args);
        }
      }
      for (Schedule.OpTiming o : schedule.ops()) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("location", o.location());
        if (o.segment() >= 0) {
          args.put("segment", o.segment());
          args.put("phase", o.phase());
        }
        args.put("start_cycle", o.start().toDouble());
        args.put("end_cycle", o.end().toDouble());
        args.put("own_cycles", o.ownCycles());
        if (o.segment() < 0) {
          complete(g, arch, o.name(), o.category(), PROGRAM_TID, o.start(), o.end(), args);
        }
        for (Map.Entry<Resource, Rational> d : o.demands().entrySet()) {
          Map<String, Object> withDemand = new LinkedHashMap<>(args);
          withDemand.put("demand_cycles", d.getValue().toDouble());
          int t = firstTid.get(d.getKey()) + o.lanes().get(d.getKey());
          complete(g, arch, o.name(), o.category(), t, o.start(), o.end(), withDemand);
        }
      }
      for (Schedule.ModeCount c : schedule.memoryModeCounter()) {
        g.writeStartObject();
        g.writeStringField("name", "arrays in memory mode");
        g.writeStringField("ph", "C");
        g.writeNumberField("pid", PID);
        g.writeNumberField("ts", micros(arch, c.time()));
        g.writeObjectFieldStart("args");
        g.writeNumberField("arrays", c.arrays());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.flush();
  }

  private static double micros(HardwareDescription arch, Rational cycles) {
    return cycles.times(1_000_000).dividedBy(arch.clockHz()).toDouble();
  }

  private static void complete(JsonGenerator g, HardwareDescription arch, String name, String category, int tid,
      Rational start, Rational end, Map<String, Object> args) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("cat", category);
    g.writeStringField("ph", "X");
    g.writeNumberField("pid", PID);
    g.writeNumberField("tid", tid);
    g.writeNumberField("ts", micros(arch, start));
    g.writeNumberField("dur", micros(arch, end.minus(start)));
    g.writeObjectFieldStart("args");
    for (Map.Entry<String, Object> a : args.entrySet()) {
      Object v = a.getValue();
      if (v instanceof Long l) {
        g.writeNumberField(a.getKey(), l);
      } else if (v instanceof Integer i) {
        g.writeNumberField(a.getKey(), i);
      } else if (v instanceof Double d) {
        g.writeNumberField(a.getKey(), d);
      } else {
        g.writeStringField(a.getKey(), String.valueOf(v));
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void metadata(JsonGenerator g, String name, int tid, String key, String value) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("ph", "M");
    g.writeNumberField("pid", PID);
    if (tid >= 0) {
      g.writeNumberField("tid", tid);
    }
    g.writeObjectFieldStart("args");
    g.writeStringField(key, value);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void sortIndex(JsonGenerator g, int tid) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", "thread_sort_index");
    g.writeStringField("ph", "M");
    g.writeNumberField("pid", PID);
    g.writeNumberField("tid", tid);
    g.writeObjectFieldStart("args");
    g.writeNumberField("sort_index", tid);
    g.writeEndObject();
    g.writeEndObject();
  }
}

package dev.dyad.pass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** MLIR's pass statistics report, in pipeline form (the default) or as a list merged by pass. */
public final class PassStatistics {
  private static final String RULE = "===" + "-".repeat(73) + "===\n";

  /** How {@code --pass-statistics-display} lays the report out. */
  public enum Display { PIPELINE, LIST }

  private PassStatistics() {}

  public static String report(OpPassManager pm, Display display) {
    StringBuilder sb = new StringBuilder();
    sb.append(RULE).append(" ".repeat(25)).append("... Pass statistics report ...\n").append(RULE);
    if (display == Display.LIST) {
      printList(sb, pm);
    } else {
      for (Pass p : pm.passes()) {
        printPipeline(sb, p, 0);
      }
    }
    return sb.append('\n').toString();
  }

  private static void printPipeline(StringBuilder sb, Pass pass, int indent) {
    if (!(pass instanceof PassAdaptor adaptor)) {
      printEntry(sb, indent, pass.name(), snapshot(pass.statistics()));
      return;
    }
    List<OpPassManager> managers = adaptor.managers();
    if (managers.size() > 1) {
      printEntry(sb, indent, adaptor.name(), List.of());
      indent += 2;
    }
    for (OpPassManager pm : managers) {
      printEntry(sb, indent, "'" + pm.anchor() + "' Pipeline", List.of());
      for (Pass p : pm.passes()) {
        printPipeline(sb, p, indent + 2);
      }
    }
  }

  /** Every pass's statistics summed by pass name, sorted by name. */
  private static void printList(StringBuilder sb, OpPassManager pm) {
    Map<String, List<Stat>> merged = new TreeMap<>();
    collect(pm, merged);
    merged.forEach((name, stats) -> printEntry(sb, 2, name, stats));
  }

  private static void collect(OpPassManager pm, Map<String, List<Stat>> merged) {
    for (Pass p : pm.passes()) {
      if (p instanceof PassAdaptor a) {
        a.managers().forEach(m -> collect(m, merged));
      } else if (!p.statistics().isEmpty()) {
        List<Stat> now = snapshot(p.statistics());
        merged.merge(p.name(), now, PassStatistics::sum);
      }
    }
  }

  private static List<Stat> sum(List<Stat> a, List<Stat> b) {
    List<Stat> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Stat s = a.get(i);
      out.add(new Stat(s.name(), s.description(), s.value() + b.get(i).value()));
    }
    return out;
  }

  private record Stat(String name, String description, long value) {}

  private static List<Stat> snapshot(List<Statistic> stats) {
    List<Stat> out = new ArrayList<>();
    for (Statistic s : stats) {
      out.add(new Stat(s.name(), s.description(), s.get()));
    }
    return out;
  }

  private static void printEntry(StringBuilder sb, int indent, String name, List<Stat> stats) {
    sb.append(" ".repeat(indent)).append(name).append('\n');
    if (stats.isEmpty()) {
      return;
    }
    List<Stat> sorted = new ArrayList<>(stats);
    sorted.sort(Comparator.comparing(Stat::name));
    int nameWidth = 0;
    int valueWidth = 0;
    for (Stat s : sorted) {
      nameWidth = Math.max(nameWidth, s.name().length());
      valueWidth = Math.max(valueWidth, Long.toString(s.value()).length());
    }
    for (Stat s : sorted) {
      sb.append(" ".repeat(indent + 2));
      sb.append(String.format(Locale.ROOT, "(S) %" + valueWidth + "d %-" + nameWidth + "s - %s\n",
          s.value(), s.name(), s.description()));
    }
  }
}

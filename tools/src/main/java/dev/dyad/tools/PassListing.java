package dev.dyad.tools;

import dev.dyad.pass.ListOption;
import dev.dyad.pass.OptionBase;
import dev.dyad.pass.OptionType;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassOptions;
import dev.dyad.pass.PassPipeline;
import dev.dyad.pass.PassRegistry;
import dev.dyad.pass.testing.TestPasses;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code --list-passes}: every pass and named pipeline with its summary and options
 * (type, description, default, enum values), laid out like mlir-opt's {@code --help}. Test passes
 * come last, apart.
 */
final class PassListing {
  private static final int MAX_NAME_COLUMN = 40;

  /** One line: an indented name and its description. */
  private record Row(int indent, String name, String description) {}

  private PassListing() {}

  static String render(PassRegistry registry) {
    List<Row> passes = new ArrayList<>();
    List<Row> pipelines = new ArrayList<>();
    List<Row> tests = new ArrayList<>();
    for (Pass p : registry.passes()) {
      List<Row> into = TestPasses.isTestPass(p.argument()) ? tests : passes;
      String anchor = Pass.ANY.equals(p.anchor()) ? "" : " (runs on " + p.anchor() + ")";
      into.add(new Row(2, p.argument(), p.summary() + anchor));
      addOptions(into, p.options());
    }
    for (PassPipeline p : registry.pipelines()) {
      List<Row> into = TestPasses.isTestPass(p.argument()) ? tests : pipelines;
      into.add(new Row(2, p.argument(), p.summary()));
      addOptions(into, p.options());
    }
    int width = 0;
    for (List<Row> rows : List.of(passes, pipelines, tests)) {
      for (Row r : rows) {
        int w = r.indent() + r.name().length();
        if (w <= MAX_NAME_COLUMN) {
          width = Math.max(width, w);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    section(sb, "Passes:", passes, width);
    section(sb, "Pass pipelines:", pipelines, width);
    section(sb, "Test passes (registered in every build; MLIR has them only in test builds):", tests, width);
    return sb.toString();
  }

  private static void addOptions(List<Row> rows, PassOptions options) {
    for (OptionBase o : options.all()) {
      OptionType<?> type = o.type();
      boolean list = o instanceof ListOption<?>;
      String name = o.name() + "=<" + type.name() + (list ? ",..." : "") + ">";
      String dflt = o.defaultText();
      String description = o.description() + (dflt.isEmpty() ? "" : " (default: " + dflt + ")");
      rows.add(new Row(4, name, description));
      for (OptionType.EnumValue v : type.values()) {
        rows.add(new Row(6, "=" + v.spelling(), v.description()));
      }
    }
  }

  private static void section(StringBuilder sb, String title, List<Row> rows, int width) {
    if (rows.isEmpty()) {
      return;
    }
    if (sb.length() > 0) {
      sb.append('\n');
    }
    sb.append(title).append('\n');
    for (Row r : rows) {
      String left = " ".repeat(r.indent()) + r.name();
      sb.append(left);
      if (!r.description().isEmpty()) {
        sb.append(" ".repeat(Math.max(1, width - left.length() + 2))).append("- ").append(r.description());
      }
      sb.append('\n');
    }
  }
}

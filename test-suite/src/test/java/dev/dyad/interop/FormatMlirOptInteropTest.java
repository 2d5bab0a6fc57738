package dev.dyad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.roundtrip.RandomFmtIr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The custom forms of the {@code fmt.format_*} test ops against mlir-opt-22, whose {@code test}
 * dialect has ops of the same names, formats and constraints (TestOpsSyntax.td): for random
 * modules of them, Dyad's custom form is mlir-opt's (value names aside), mlir-opt reads Dyad's
 * custom form back to the same IR, and Dyad reads mlir-opt's. Skipped when mlir-opt-22 is not
 * installed.
 */
class FormatMlirOptInteropTest {
  private static final int MODULES = Integer.getInteger("interop.format.modules", 300);
  private static final long SEED = Long.getLong("interop.format.seed", 4242);

  /** The generated modules: Dyad's generic and custom prints. */
  private record Module(String name, String generic, String custom) {}

  private static List<Module> modules() {
    List<Module> out = new ArrayList<>();
    for (int i = 0; i < MODULES; i++) {
      long seed = SEED + i;
      int size = 1 + (int) Math.floorMod(seed * 31, 25);
      Context ctx = RandomFmtIr.context();
      Operation m = new RandomFmtIr(ctx, seed, size, true).module();
      if (!new Verifier(ctx).run(m)) {
        throw new AssertionError("generator made invalid IR: " + ctx.diagnostics().takeAll());
      }
      out.add(new Module("RandomFmtIr(seed=" + seed + "L, size=" + size + ", mlir)",
          OperationPrinter.printTopLevel(m, PrintOptions.GENERIC),
          OperationPrinter.printTopLevel(m, PrintOptions.DEFAULT)));
    }
    return out;
  }

  private static String toMlir(String text) {
    return text.replace("fmt.", "test.");
  }

  private static String fromMlir(String text) {
    return text.replace("test.", "fmt.");
  }

  /** mlir-opt's custom form of each module is Dyad's, up to the names of values. */
  @Test
  void dyadPrintsWhatMlirOptPrints() {
    MlirOpt.assumeInstalled();
    List<Module> modules = modules();
    MlirOpt.Result r = MlirOpt.runBatch(modules.stream().map(m -> toMlir(m.generic())).toList(),
        "--allow-unregistered-dialect");
    for (int i = 0; i < modules.size(); i++) {
      Module m = modules.get(i);
      assertEquals("", r.errorsOf(i), m.name());
      // Every op has a custom form here: none falls back to the generic form.
      assertTrue(!m.custom().contains("\"fmt."), m.name() + "\n" + m.custom());
      assertEquals(body(m.custom()), body(fromMlir(r.outputs().get(i))), m.name() + "\n" + m.generic());
    }
  }

  /**
   * mlir-opt reads Dyad's custom form back to the IR of the generic form, whenever it reads its
   * own custom form back (it does not always: it prints an absent unit attribute followed by an
   * attribute dictionary, then takes the dictionary for the unit attribute).
   */
  @Test
  void mlirOptReadsDyadsCustomForm() {
    MlirOpt.assumeInstalled();
    List<Module> modules = modules();
    MlirOpt.Result own = MlirOpt.runBatch(modules.stream().map(m -> toMlir(m.generic())).toList(),
        "--allow-unregistered-dialect");
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < modules.size(); i++) {
      inputs.add(toMlir(modules.get(i).generic()));
      inputs.add(toMlir(modules.get(i).custom()));
      inputs.add(own.outputs().get(i));
    }
    MlirOpt.Result r = MlirOpt.runBatch(inputs, "--allow-unregistered-dialect", "--mlir-print-op-generic");
    int compared = 0;
    for (int i = 0; i < modules.size(); i++) {
      Module m = modules.get(i);
      if (!r.errorsOf(3 * i + 2).isEmpty()) {
        continue;
      }
      compared++;
      assertEquals("", r.errorsOf(3 * i + 1), m.name() + "\n" + m.custom());
      assertEquals(r.outputs().get(3 * i), r.outputs().get(3 * i + 1), m.name() + "\n" + m.custom());
    }
    assertTrue(compared > modules.size() * 3 / 4, "mlir-opt read back only " + compared + " of its own forms");
  }

  /** Dyad reads mlir-opt's custom form (with its result names) back to the same IR. */
  @Test
  void dyadReadsMlirOptsCustomForm() {
    MlirOpt.assumeInstalled();
    List<Module> modules = modules();
    MlirOpt.Result r = MlirOpt.runBatch(modules.stream().map(m -> toMlir(m.generic())).toList(),
        "--allow-unregistered-dialect");
    for (int i = 0; i < modules.size(); i++) {
      Module m = modules.get(i);
      // mlir-opt prints the module itself in its custom form too: swap in the generic wrapper.
      String text = fromMlir(r.outputs().get(i)).replaceFirst("(?m)^module \\{$", "\"builtin.module\"() ({")
          .replaceFirst("(?m)^}\\s*\\z", "}) : () -> ()\n");
      assertEquals(m.generic(), reprint(text, m.name()), m.name() + "\n" + text);
    }
  }

  private static String reprint(String text, String name) {
    Context ctx = RandomFmtIr.context();
    ctx.sources().add("mlir.cir", text);
    Operation module = Parser.parse(ctx, text, "mlir.cir");
    StringBuilder errors = new StringBuilder();
    for (Diagnostic d : ctx.diagnostics().takeAll()) {
      errors.append(ctx.sources().render(d));
    }
    assertTrue(module != null && new Verifier(ctx).run(module), name + ": " + errors + "\n" + text);
    return OperationPrinter.printTopLevel(module, PrintOptions.GENERIC);
  }

  private static final Pattern RESULTS = Pattern.compile("^(\\s*)%[^=\"]*? = ");
  private static final Pattern VALUE = Pattern.compile("%[\\w$.-]+(#\\d+)?");

  /**
   * The alias definitions and the lines inside the module, with value names blanked (mlir-opt
   * names results after the ODS and numbers values per region).
   */
  private static List<String> body(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    int start = 0;
    while (start < lines.size() && !lines.get(start).contains("module")) {
      start++;
    }
    int end = lines.size() - 1;
    while (end > start && !lines.get(end).startsWith("}")) {
      end--;
    }
    List<String> out = new ArrayList<>(lines.subList(0, start));
    for (String line : lines.subList(start + 1, end)) {
      String l = RESULTS.matcher(line).replaceFirst("$1% = ");
      out.add(VALUE.matcher(l).replaceAll("%"));
    }
    return out;
  }
}

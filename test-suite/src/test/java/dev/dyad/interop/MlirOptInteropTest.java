package dev.dyad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.roundtrip.RandomIr;
import dev.dyad.tools.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Interop with MLIR 22 in both directions, run live against {@code mlir-opt-22} (skipped with a
 * visible reason where it is not installed):
 *
 * <ul>
 *   <li>Dyad's output is mlir-opt's input: for every corpus file and for a few hundred random
 *       modules, Dyad's print (plain, with locations, with locations and no aliases) is accepted by
 *       {@code mlir-opt-22 --allow-unregistered-dialect --mlir-print-op-generic} and printed back
 *       byte for byte;
 *   <li>Dyad's dialects in MLIR's generic form: every round-trip file under
 *       {@code src/test/lit/dialects} ({@code ops.cir} generic, {@code pretty.cir} in custom forms),
 *       parsed and verified with Dyad's dialects registered (so the printed properties include
 *       their materialised defaults) and printed generically, is printed back byte for byte by
 *       {@code mlir-opt-22 --allow-unregistered-dialect}, to which these dialects are unknown;
 *   <li>mlir-opt's output is Dyad's input: every {@code mlir-syntax/*.mlir} file (custom syntax of
 *       registered dialects) goes through mlir-opt live, and cim-opt, given that generic output,
 *       reproduces it byte for byte.
 * </ul>
 *
 * <p>Modules are batched through {@code --split-input-file}, one mlir-opt process per batch.
 */
class MlirOptInteropTest {
  /** How many random modules; raise it to fuzz ({@code -Dinterop.random=20000}). */
  private static final int RANDOM_MODULES = Integer.getInteger("interop.random", 300);
  /** Where the random seeds start; change it to fuzz other modules ({@code -Dinterop.seed=...}). */
  private static final long SEED_BASE = Long.getLong("interop.seed", 0x1000L);

  /** The print modes checked, with the mlir-opt flags that print the same way. */
  private enum Mode {
    // Generic: mlir-opt cannot read the custom forms of Dyad's dialects.
    PLAIN(PrintOptions.GENERIC),
    DEBUG(PrintOptions.GENERIC.withDebugInfo(true), "--mlir-print-debuginfo"),
    DEBUG_LOCAL(PrintOptions.GENERIC.withDebugInfo(true).withLocalScope(true),
        "--mlir-print-debuginfo", "--mlir-print-local-scope");

    final PrintOptions options;
    final String[] flags;

    Mode(PrintOptions options, String... flags) {
      this.options = options;
      this.flags = flags;
    }

    String[] mlirOptArgs(boolean allowUnregistered) {
      List<String> args = new ArrayList<>();
      if (allowUnregistered) {
        args.add("--allow-unregistered-dialect");
      }
      args.add("--mlir-print-op-generic");
      args.addAll(List.of(flags));
      return args.toArray(new String[0]);
    }
  }

  // ---- Dyad -> mlir-opt: corpus ---------------------------------------------------------------

  /** Every corpus file Dyad parses (generic outputs, mlir-opt outputs with locations, their inputs). */
  private static Map<String, String> corpus() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    List<Path> paths = new ArrayList<>(CorpusRoundTripTest.all());
    // The debuginfo inputs (*.mlir) partly use custom syntax; their mlir-opt outputs are generic.
    CorpusRoundTripTest.files("debuginfo", ".out").forEach(paths::add);
    for (Path p : paths) {
      String name = p.getParent().getFileName() + "/" + p.getFileName();
      files.put(name, Files.readString(p, StandardCharsets.UTF_8));
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> corpusPrintedByDyadIsAFixpointOfMlirOpt() throws IOException {
    MlirOpt.assumeInstalled();
    Map<String, String> files = corpus();
    List<DynamicTest> tests = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      List<String> names = new ArrayList<>();
      List<String> printed = new ArrayList<>();
      for (Map.Entry<String, String> e : files.entrySet()) {
        names.add(e.getKey());
        printed.add(print(e.getKey(), e.getValue(), mode.options));
      }
      MlirOpt.Result r = MlirOpt.runBatch(printed, mode.mlirOptArgs(true));
      for (int i = 0; i < names.size(); i++) {
        int index = i;
        tests.add(DynamicTest.dynamicTest(mode + " " + names.get(i),
            () -> assertAcceptedUnchanged(names.get(index), printed.get(index), r, index)));
      }
    }
    return tests.stream();
  }

  // ---- Dyad -> mlir-opt: random modules -------------------------------------------------------

  @Test
  void randomModulesPrintedByDyadAreAFixpointOfMlirOpt() {
    MlirOpt.assumeInstalled();
    List<String> failures = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      List<String> printed = new ArrayList<>();
      for (int i = 0; i < RANDOM_MODULES; i++) {
        printed.add(RandomIr.print(seed(i), size(i), mode.options));
      }
      MlirOpt.Result r = MlirOpt.runBatch(printed, mode.mlirOptArgs(true));
      for (int i = 0; i < RANDOM_MODULES; i++) {
        String problem = problem(printed.get(i), r, i);
        if (problem != null) {
          failures.add(RandomIr.describe(seed(i), size(i)) + " in mode " + mode + ": " + problem);
        }
      }
    }
    if (!failures.isEmpty()) {
      StringBuilder summary = new StringBuilder();
      for (String f : failures.subList(0, Math.min(Integer.getInteger("interop.failures", 20), failures.size()))) {
        String[] lines = f.split("\n");
        summary.append("  ");
        for (int i = 0; i < Math.min(4, lines.length) && !lines[i].startsWith("----"); i++) {
          summary.append(i == 0 ? "" : "\n    ").append(lines[i].strip());
        }
        summary.append('\n');
      }
      fail(failures.size() + " random module(s) not printed back unchanged by " + MlirOpt.NAME + ":\n" + summary
          + "the first in full:\n" + failures.get(0));
    }
  }

  /** Seeds and sizes of the random modules: a fixed, varied set (sizes 1..40). */
  private static long seed(int i) {
    return SEED_BASE + i * 7919L;
  }

  private static int size(int i) {
    return 1 + (i * 13) % 40;
  }

  // ---- Dyad's dialects -> mlir-opt ------------------------------------------------------------

  /** The lit files of Dyad's dialects that hold valid IR (the invalid*.cir ones test diagnostics). */
  private static List<Path> dialectRoundTripFiles() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("src/test/lit/dialects"))) {
      return s.filter(p -> p.toString().endsWith(".cir") && !p.getFileName().toString().startsWith("invalid"))
          .sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> dialectsPrintedByDyadAreAFixpointOfMlirOpt() throws IOException {
    MlirOpt.assumeInstalled();
    List<Path> files = dialectRoundTripFiles();
    List<DynamicTest> tests = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      List<String> printed = new ArrayList<>();
      for (Path f : files) {
        printed.add(printRegistered(f, mode.options));
      }
      MlirOpt.Result r = MlirOpt.runBatch(printed, mode.mlirOptArgs(true));
      for (int i = 0; i < files.size(); i++) {
        int index = i;
        String name = files.get(i).getParent().getFileName() + "/" + files.get(i).getFileName();
        tests.add(DynamicTest.dynamicTest(mode + " " + name,
            () -> assertAcceptedUnchanged(name, printed.get(index), r, index)));
      }
    }
    return tests.stream();
  }

  /** {@code file} parsed and verified with the dialects cim-opt registers, then printed. */
  private static String printRegistered(Path file, PrintOptions options) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Context ctx = Dialects.newContext();
    Operation module = Parser.parse(ctx, text, file.getFileName().toString());
    if (module == null || !Verifier.verify(ctx, module)) {
      StringBuilder sb = new StringBuilder();
      ctx.sources().add(file.getFileName().toString(), text);
      for (Diagnostic d : ctx.diagnostics().takeAll()) {
        sb.append(ctx.sources().render(d));
      }
      throw new AssertionError("Dyad rejects " + file + ":\n" + sb);
    }
    return OperationPrinter.printTopLevel(module, options);
  }

  // ---- mlir-opt -> Dyad: custom syntax of registered dialects ---------------------------------

  @TestFactory
  Stream<DynamicTest> mlirOptGenericOutputIsReproducedByCimOpt() throws IOException {
    MlirOpt.assumeInstalled();
    List<Path> sources;
    try (Stream<Path> s = Files.list(CorpusRoundTripTest.CORPUS.resolve("mlir-syntax"))) {
      sources = s.filter(p -> p.toString().endsWith(".mlir") && !p.toString().endsWith(".generic.mlir")).sorted().toList();
    }
    List<String> texts = new ArrayList<>();
    for (Path p : sources) {
      texts.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      // The custom syntax needs mlir-opt's registered dialects; no --allow-unregistered-dialect.
      MlirOpt.Result r = MlirOpt.runBatch(texts, mode.mlirOptArgs(false));
      for (int i = 0; i < sources.size(); i++) {
        int index = i;
        String name = sources.get(i).getFileName().toString();
        tests.add(DynamicTest.dynamicTest(mode + " " + name, () -> {
          String generic = r.outputs().get(index);
          if (generic.isEmpty()) {
            fail(MlirOpt.NAME + " rejected " + name + ":\n" + r.errorsOf(index));
          }
          // Parse and print only: Dyad registers func but not scf, so verifying a func.call
          // inside an scf.for fails exactly as it would in an MLIR without scf (an unknown op
          // with one region might be a symbol table, so symbol lookup stops there).
          assertEquals(generic, print(name, generic, mode.options), "Dyad's print of mlir-opt's generic form of " + name);
        }));
      }
    }
    return tests.stream();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static String print(String name, String text, PrintOptions options) {
    Context ctx = new Context();
    ctx.setAllowUnregisteredDialects(true);
    Operation module = Parser.parse(ctx, text, Path.of(name).getFileName().toString());
    if (module == null) {
      StringBuilder sb = new StringBuilder();
      ctx.sources().add(Path.of(name).getFileName().toString(), text);
      for (Diagnostic d : ctx.diagnostics().takeAll()) {
        sb.append(ctx.sources().render(d));
      }
      throw new AssertionError("Dyad cannot parse corpus file " + name + ":\n" + sb);
    }
    return OperationPrinter.printTopLevel(module, options);
  }

  private static void assertAcceptedUnchanged(String name, String printed, MlirOpt.Result r, int i) {
    String problem = problem(printed, r, i);
    if (problem != null) {
      fail(name + ": " + problem);
    }
  }

  /** Why mlir-opt's output for chunk {@code i} is not {@code printed}, or null when it is. */
  private static String problem(String printed, MlirOpt.Result r, int i) {
    String back = r.outputs().get(i);
    if (back.equals(printed)) {
      return null;
    }
    if (back.isEmpty()) {
      return MlirOpt.NAME + " rejected Dyad's output:\n" + r.errorsOf(i) + "---- Dyad's output ----\n" + printed;
    }
    return MlirOpt.NAME + " printed it differently:\n" + firstDifference(printed, back)
        + "---- Dyad's output ----\n" + printed + "---- " + MlirOpt.NAME + "'s output ----\n" + back;
  }

  /** The first differing line of two texts, for a readable failure message. */
  static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end of text>";
      String y = i < b.length ? b[i] : "<end of text>";
      if (!x.equals(y)) {
        return "first difference at line " + (i + 1) + ":\n  Dyad:     " + x + "\n  mlir-opt: " + y + "\n";
      }
    }
    return "texts differ only in line endings\n";
  }
}

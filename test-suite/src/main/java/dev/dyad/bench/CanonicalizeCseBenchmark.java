package dev.dyad.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The pass benchmark: {@code canonicalize,cse} over a function of N arith ops (constant chains
 * that fold, duplicated expressions that CSE removes), run by {@code cim-opt} and by
 * {@code mlir-opt-22 --canonicalize --cse} on the same file in the same run, as whole processes.
 * Reports wall time and peak RSS of each, the ratios, and whether the outputs are identical.
 *
 * <p>Usage: {@code bin/cim-bench canonicalize-cse [--ops N] [--runs R] [--keep DIR]}
 */
public final class CanonicalizeCseBenchmark {
  private CanonicalizeCseBenchmark() {}

  public static void main(String[] args) throws Exception {
    int ops = 400_000;
    int runs = 3;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--ops" -> ops = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--keep" -> dir = Path.of(args[++i]);
        default -> {
          System.err.println("usage: cim-bench canonicalize-cse [--ops N] [--runs R] [--keep DIR]");
          System.exit(2);
        }
      }
    }
    Path root = Path.of(System.getenv().getOrDefault("DYAD_ROOT", "."));
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("dyad-bench");
    Path input = work.resolve("arith.mlir");
    generate(input, ops);
    System.out.printf("input: %s, %d arith ops, %.1f MB%n", input, ops, Files.size(input) / 1e6);

    List<String> dyad = List.of(root.resolve("bin/cim-opt").toString(), "-p", "builtin.module(canonicalize,cse)",
        input.toString());
    List<String> mlir = List.of("mlir-opt-22", "--canonicalize", "--cse", "--mlir-print-op-generic", input.toString());
    boolean haveMlir = ParsePrintBenchmark.Tools.onPath("mlir-opt-22");
    double[] dyadTimes = new double[runs];
    double[] mlirTimes = new double[runs];
    long dyadRss = 0;
    long mlirRss = 0;
    for (int r = 0; r < runs; r++) {
      ParsePrintBenchmark.Tools.Measurement d = ParsePrintBenchmark.Tools.measure(dyad, work.resolve("dyad.out"));
      dyadTimes[r] = d.seconds();
      dyadRss = Math.max(dyadRss, d.peakRssKb());
      if (haveMlir) {
        ParsePrintBenchmark.Tools.Measurement m = ParsePrintBenchmark.Tools.measure(mlir, work.resolve("mlir.out"));
        mlirTimes[r] = m.seconds();
        mlirRss = Math.max(mlirRss, m.peakRssKb());
      }
      System.out.printf("run %d: dyad %.2f s%s%n", r + 1, dyadTimes[r],
          haveMlir ? String.format(", mlir-opt-22 %.2f s", mlirTimes[r]) : "");
    }
    double dyadMedian = ParsePrintBenchmark.median(dyadTimes);
    System.out.printf("cim-opt      : median %.2f s, peak RSS %d MB%n", dyadMedian, dyadRss / 1024);
    if (!haveMlir) {
      System.out.println("mlir-opt-22 not installed: no reference measured");
      return;
    }
    double mlirMedian = ParsePrintBenchmark.median(mlirTimes);
    System.out.printf("mlir-opt-22  : median %.2f s, peak RSS %d MB%n", mlirMedian, mlirRss / 1024);
    System.out.printf("speed ratio (mlir-opt time / dyad time): %.2fx; peak RSS ratio (dyad / mlir-opt): %.2f%n",
        mlirMedian / dyadMedian, (double) dyadRss / mlirRss);
    boolean same = Arrays.equals(Files.readAllBytes(work.resolve("dyad.out")), Files.readAllBytes(work.resolve("mlir.out")));
    System.out.println("outputs identical: " + same);
  }

  /**
   * A function of groups of six arith ops: two constants whose sum folds, two identical products
   * (one is removed by CSE), and their sum, which feeds the next group.
   */
  static void generate(Path file, int ops) throws IOException {
    int groups = Math.max(1, ops / 6);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("\"builtin.module\"() ({\n");
      w.write("  \"func.func\"() <{function_type = (i64) -> i64, sym_name = \"chain\"}> ({\n");
      w.write("  ^bb0(%arg0: i64):\n");
      String prev = "%arg0";
      for (int g = 0; g < groups; g++) {
        String p = "%g" + g + "_";
        w.write("    " + p + "c1 = \"arith.constant\"() <{value = " + (g % 97) + " : i64}> : () -> i64\n");
        w.write("    " + p + "c2 = \"arith.constant\"() <{value = " + (g % 89 + 1) + " : i64}> : () -> i64\n");
        w.write("    " + p + "k = \"arith.addi\"(" + p + "c1, " + p + "c2) : (i64, i64) -> i64\n");
        w.write("    " + p + "a = \"arith.muli\"(" + prev + ", " + p + "k) : (i64, i64) -> i64\n");
        w.write("    " + p + "b = \"arith.muli\"(" + prev + ", " + p + "k) : (i64, i64) -> i64\n");
        w.write("    " + p + "s = \"arith.addi\"(" + p + "a, " + p + "b) : (i64, i64) -> i64\n");
        prev = p + "s";
      }
      w.write("    \"func.return\"(" + prev + ") : (i64) -> ()\n");
      w.write("  }) : () -> ()\n");
      w.write("}) : () -> ()\n");
    }
  }
}

package dev.dyad.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parse-and-print benchmark of the foundation: a generated generic-form module of N
 * unregistered ops (a chain with attributes and tensor types, ~43 MB for 400,000 ops) is run
 * through {@code cim-opt --allow-unregistered-dialect --print-op-generic} and through
 * {@code mlir-opt-22 --allow-unregistered-dialect --mlir-print-op-generic}, in the same run,
 * as whole processes (JVM start included). Reports wall time and peak RSS of each (via GNU time)
 * and the ratios, and checks that both outputs are identical.
 *
 * <p>Usage: {@code bin/cim-bench parse-print [--ops N] [--runs R] [--keep DIR]}
 */
public final class ParsePrintBenchmark {
  private ParsePrintBenchmark() {}

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
          System.err.println("usage: cim-bench parse-print [--ops N] [--runs R] [--keep DIR]");
          System.exit(2);
        }
      }
    }
    Path root = Path.of(System.getenv().getOrDefault("DYAD_ROOT", "."));
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("dyad-bench");
    Path input = work.resolve("chain.mlir");
    generate(input, ops);
    System.out.printf("input: %s, %d ops, %.1f MB%n", input, ops, Files.size(input) / 1e6);

    List<String> dyad = List.of(root.resolve("bin/cim-opt").toString(), "--allow-unregistered-dialect",
        "--print-op-generic", input.toString());
    List<String> mlir = List.of("mlir-opt-22", "--allow-unregistered-dialect", "--mlir-print-op-generic",
        input.toString());
    boolean haveMlir = Tools.onPath("mlir-opt-22");
    double[] dyadTimes = new double[runs];
    double[] mlirTimes = new double[runs];
    long dyadRss = 0;
    long mlirRss = 0;
    for (int r = 0; r < runs; r++) {
      Tools.Measurement d = Tools.measure(dyad, work.resolve("dyad.out"));
      dyadTimes[r] = d.seconds();
      dyadRss = Math.max(dyadRss, d.peakRssKb());
      if (haveMlir) {
        Tools.Measurement m = Tools.measure(mlir, work.resolve("mlir.out"));
        mlirTimes[r] = m.seconds();
        mlirRss = Math.max(mlirRss, m.peakRssKb());
      }
      System.out.printf("run %d: dyad %.2f s%s%n", r + 1, dyadTimes[r],
          haveMlir ? String.format(", mlir-opt-22 %.2f s", mlirTimes[r]) : "");
    }
    double dyadMedian = median(dyadTimes);
    System.out.printf("cim-opt      : median %.2f s, peak RSS %d MB, throughput %.1f MB/s%n", dyadMedian,
        dyadRss / 1024, Files.size(input) / 1e6 / dyadMedian);
    if (!haveMlir) {
      System.out.println("mlir-opt-22 not installed: no reference measured");
      return;
    }
    double mlirMedian = median(mlirTimes);
    System.out.printf("mlir-opt-22  : median %.2f s, peak RSS %d MB, throughput %.1f MB/s%n", mlirMedian,
        mlirRss / 1024, Files.size(input) / 1e6 / mlirMedian);
    System.out.printf("throughput ratio (dyad / mlir-opt): %.2fx; peak RSS ratio (dyad / mlir-opt): %.2f%n",
        mlirMedian / dyadMedian, (double) dyadRss / mlirRss);
    boolean same = Arrays.equals(Files.readAllBytes(work.resolve("dyad.out")), Files.readAllBytes(work.resolve("mlir.out")));
    System.out.println("outputs identical: " + same);
  }

  /** Writes the chain module, exactly as mlir-opt prints it (so the output equals the input). */
  static void generate(Path file, int ops) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("\"builtin.module\"() ({\n");
      w.write("  %0 = \"bench.source\"() {i = 0 : i64} : () -> tensor<4x8xf32>\n");
      for (int i = 1; i < ops; i++) {
        w.write("  %" + i + " = \"bench.op\"(%" + (i - 1) + ") {i = " + i + " : i64, s = 1.500000e+00 : f32}"
            + " : (tensor<4x8xf32>) -> tensor<4x8xf32>\n");
      }
      w.write("}) : () -> ()\n\n");
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** Process measurement helpers shared by the benchmarks. */
  static final class Tools {
    record Measurement(double seconds, long peakRssKb) {}

    static boolean onPath(String tool) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        if (Files.isExecutable(Path.of(dir, tool))) {
          return true;
        }
      }
      return false;
    }

    /** Runs {@code cmd} under GNU time (if present) with stdout to {@code out}. */
    static Measurement measure(List<String> cmd, Path out) throws IOException, InterruptedException {
      Path timeFile = Files.createTempFile("dyad-time", ".txt");
      List<String> full = new ArrayList<>();
      boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
      if (gnuTime) {
        full.addAll(List.of("/usr/bin/time", "-f", "%e %M", "-o", timeFile.toString()));
      }
      full.addAll(cmd);
      long start = System.nanoTime();
      Process p = new ProcessBuilder(full).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      int code = p.waitFor();
      double wall = (System.nanoTime() - start) / 1e9;
      if (code != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed with exit code " + code);
      }
      long rss = 0;
      if (gnuTime) {
        String[] f = Files.readString(timeFile).trim().split("\\s+");
        rss = Long.parseLong(f[f.length - 1]);
      }
      Files.deleteIfExists(timeFile);
      return new Measurement(wall, rss);
    }
  }
}

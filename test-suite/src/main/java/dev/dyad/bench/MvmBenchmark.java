package dev.dyad.bench;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.runtime.cim.CimInterpreter;
import dev.dyad.runtime.cim.CimResult;
import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import dev.dyad.tools.Dialects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The MVM throughput benchmark: an int8 matrix product M×K by K×N (by default a ResNet 3×3
 * convolution's 3136×576 by 576×64) as a meta program tiled over the chip's arrays (K-tiles
 * accumulated through {@code %acc}), run on the CIM interpreter, next to a plain Java int8
 * matrix-multiply loop on the same data in the same run. Prints both in MAC/s, their ratio, and
 * whether the results are identical.
 *
 * <p>Usage: {@code bin/cim-bench mvm [--m M] [--k K] [--n N] [--arch NAME|FILE] [--runs R]}
 */
public final class MvmBenchmark {
  private MvmBenchmark() {}

  public static void main(String[] args) throws Exception {
    int m = 3136;
    int k = 576;
    int n = 64;
    int runs = 5;
    String archName = "puma";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--m" -> m = Integer.parseInt(args[++i]);
        case "--k" -> k = Integer.parseInt(args[++i]);
        case "--n" -> n = Integer.parseInt(args[++i]);
        case "--arch" -> archName = args[++i];
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: cim-bench mvm [--m M] [--k K] [--n N] [--arch NAME|FILE] [--runs R]");
          System.exit(2);
        }
      }
    }
    HardwareDescription arch = HardwareDescriptions.resolve(archName);
    int zx = -3;
    int zw = 2;
    String text = program(arch, m, k, n, zx, zw);
    Context ctx = Dialects.newContext();
    Operation module = Parser.parse(ctx, text, "mvm-benchmark.cir");
    if (module == null || !new Verifier(ctx).run(module)) {
      throw new IllegalStateException("generated program is invalid: " + ctx.diagnostics().takeAll());
    }
    Operation func = module.getRegion(0).front().front();
    Tensor x = RandomInit.uniform(DType.I8, new int[] {m, k}, 1);
    byte[] xb = x.toI8Array();
    byte[] wb = RandomInit.uniform(DType.I8, new int[] {k, n}, 2).toI8Array();
    double macs = (double) m * k * n;
    System.out.printf(Locale.ROOT, "int8 %dx%d by %dx%d (%.1f M MACs) on %s: %d K-tiles of up to %d rows x %d N-tiles"
        + " of up to %d columns%n", m, k, k, n, macs / 1e6, arch.name(), ceil(k, arch.rows()), arch.rows(),
        ceil(n, arch.weightCols()), arch.weightCols());

    CimInterpreter interpreter = new CimInterpreter(arch, null, false);
    double[] cimTimes = new double[runs];
    double[] plainTimes = new double[runs];
    CimResult result = null;
    int[] plain = null;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      result = interpreter.run(func, List.of(x));
      cimTimes[r] = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      plain = plainMatmul(xb, wb, m, k, n, zx, zw);
      plainTimes[r] = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: interpreter %.3f s (%.2f GMAC/s), plain loop %.3f s (%.2f GMAC/s)%n",
          r + 1, cimTimes[r], macs / cimTimes[r] / 1e9, plainTimes[r], macs / plainTimes[r] / 1e9);
    }
    double cim = macs / ParsePrintBenchmark.median(cimTimes);
    double loop = macs / ParsePrintBenchmark.median(plainTimes);
    System.out.printf(Locale.ROOT, "CIM interpreter (whole run: load, mvm tiles, stores): median %.3f GMAC/s%n",
        cim / 1e9);
    System.out.printf(Locale.ROOT, "plain Java int8 loop (i-k-j, bytes):                  median %.3f GMAC/s%n",
        loop / 1e9);
    System.out.printf(Locale.ROOT, "ratio (interpreter / plain loop): %.2fx%n", cim / loop);
    System.out.println("results identical: " + Arrays.equals(plain, gather(result.outputs(), m, n, arch)));
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }

  /** What a simple implementation writes: i-k-j loops on the bytes, zero points subtracted in the loop. */
  static int[] plainMatmul(byte[] x, byte[] w, int m, int k, int n, int zx, int zw) {
    int[] y = new int[m * n];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        int xv = x[i * k + p] - zx;
        for (int j = 0; j < n; j++) {
          y[i * n + j] += xv * (w[p * n + j] - zw);
        }
      }
    }
    return y;
  }

  /** The N-tiles the program returns, side by side. */
  private static int[] gather(List<Tensor> tiles, int m, int n, HardwareDescription arch) {
    int[] y = new int[m * n];
    int col = 0;
    for (Tensor t : tiles) {
      int cols = t.dim(1);
      int[] v = t.toIntArray();
      for (int i = 0; i < m; i++) {
        System.arraycopy(v, i * cols, y, i * n + col, cols);
      }
      col += cols;
    }
    return y;
  }

  /**
   * The meta program: x loaded to the buffer; per N-tile, its K-tiles written to one array each
   * and multiplied in a chain of {@code %acc}; each N-tile stored and returned.
   */
  static String program(HardwareDescription arch, int m, int k, int n, int zx, int zw) {
    int kTiles = ceil(k, arch.rows());
    int nTiles = ceil(n, arch.weightCols());
    if (kTiles * nTiles > arch.arrays()) {
      throw new IllegalArgumentException("the product needs " + kTiles * nTiles + " arrays, the chip has "
          + arch.arrays());
    }
    StringBuilder results = new StringBuilder();
    List<String> types = new ArrayList<>();
    for (int j = 0; j < nTiles; j++) {
      types.add("tensor<" + m + "x" + Math.min(arch.weightCols(), n - j * arch.weightCols()) + "xi32>");
    }
    String xt = "tensor<" + m + "x" + k + "xi8>";
    String wt = "tensor<" + k + "x" + n + "xi8>";
    StringBuilder sb = new StringBuilder();
    sb.append("\"func.func\"() <{function_type = (").append(xt).append(") -> (").append(String.join(", ", types))
        .append("), sym_name = \"main\"}> ({\n^bb0(%x: ").append(xt).append("):\n");
    sb.append("  %w = \"nn.constant\"() <{value = #nn.random<2>}> : () -> ").append(wt).append('\n');
    sb.append("  %r:").append(nTiles).append(" = \"meta.segment\"() <{id = 0 : i64}> ({\n");
    int array = 0;
    for (int j = 0; j < nTiles; j++) {
      int c0 = j * arch.weightCols();
      int cols = Math.min(arch.weightCols(), n - c0);
      for (int i = 0; i < kTiles; i++) {
        int r0 = i * arch.rows();
        sb.append("    \"meta.write_weights\"(%w) <{arrays = array<i64: ").append(array + i).append(">, row_offset = ")
            .append(r0).append(", rows = ").append(Math.min(arch.rows(), k - r0)).append(", col_offset = ").append(c0)
            .append(", cols = ").append(cols).append("}> : (").append(wt).append(") -> ()\n");
      }
      array += kTiles;
    }
    sb.append("    \"meta.barrier\"() : () -> ()\n");
    sb.append("    %l = \"meta.load\"(%x) <{to = #meta.place<buffer>}> : (").append(xt).append(") -> ").append(xt)
        .append('\n');
    array = 0;
    for (int j = 0; j < nTiles; j++) {
      String yt = types.get(j);
      int c0 = j * arch.weightCols();
      int cols = Math.min(arch.weightCols(), n - c0);
      String acc = null;
      for (int i = 0; i < kTiles; i++) {
        int r0 = i * arch.rows();
        String name = "%p" + j + "_" + i;
        sb.append("    ").append(name).append(" = \"meta.mvm\"(%l").append(acc == null ? "" : ", " + acc)
            .append(") <{arrays = array<i64: ").append(array + i).append(">, row_offset = ").append(r0)
            .append(", rows = ").append(Math.min(arch.rows(), k - r0)).append(", col_offset = ").append(c0)
            .append(", cols = ").append(cols).append(", input_zero_point = ").append(zx)
            .append(" : i64, weight_zero_point = ").append(zw).append(" : i64}> : (").append(xt)
            .append(acc == null ? "" : ", " + yt).append(") -> ").append(yt).append('\n');
        acc = name;
      }
      sb.append("    %s").append(j).append(" = \"meta.store\"(").append(acc)
          .append(") <{from = #meta.place<buffer>}> : (").append(yt).append(") -> ").append(yt).append('\n');
      results.append(j == 0 ? "" : ", ").append("%s").append(j);
      array += kTiles;
    }
    sb.append("    \"meta.yield\"(").append(results).append(") : (").append(String.join(", ", types))
        .append(") -> ()\n");
    sb.append("  }) : () -> (").append(String.join(", ", types)).append(")\n");
    StringBuilder ret = new StringBuilder();
    for (int j = 0; j < nTiles; j++) {
      ret.append(j == 0 ? "" : ", ").append("%r#").append(j);
    }
    sb.append("  \"func.return\"(").append(ret).append(") : (").append(String.join(", ", types)).append(") -> ()\n");
    sb.append("}) : () -> ()\n");
    return sb.toString();
  }
}

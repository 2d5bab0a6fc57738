package dev.dyad.runtime.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.Technology;
import dev.dyad.arch.WeightReloadModel;
import dev.dyad.ir.Operation;
import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-written meta programs that tile quantized linear layers and convolutions over several
 * arrays — K-tiles accumulated through {@code %acc} in a random order, N-tiles concatenated,
 * duplicated copies, grouped convolutions through {@code col_offset} — give bit for bit what the
 * nn reference interpreter gives for the equivalent nn program. Seeded random shapes and tilings.
 */
class CimBitExactTest {
  /** 64 arrays of 16 rows x 8 weights, a buffer large enough for every case. */
  private static final HardwareDescription CHIP = new HardwareDescription("bit-exact", "for tiling tests",
      Technology.SRAM, true, 64, 16, 64, 1, 8, 8, 1_000_000_000L, 10, 8.0, 1 << 16, 64.0, 64.0, 1 << 22, 1, 1, 1, 16,
      WeightReloadModel.EQ2, 8.0);

  @Test
  void tiledQuantizedLinearLayersMatchTheReference() throws Exception {
    Random rnd = new Random(20260401);
    for (int c = 0; c < 30; c++) {
      int m = 1 + rnd.nextInt(6);
      int k = 1 + rnd.nextInt(40);
      int n = 1 + rnd.nextInt(20);
      int zx = rnd.nextInt(256) - 128;
      int zw = rnd.nextInt(256) - 128;
      int[] w = randomInts(rnd, n * k, -128, 127);
      int[] bias = randomInts(rnd, n, -5000, 5000);
      double scale = 1.0 / (64 + rnd.nextInt(4096));
      String nn = linearNn(m, k, n, zx, zw, w, bias, scale);
      String meta = linearMeta(rnd, m, k, n, zx, zw, w, bias, scale);
      Tensor x = RandomInit.uniform(DType.I8, new int[] {m, k}, c);
      compare("linear case " + c + " (" + m + "x" + k + " by " + k + "x" + n + ")", nn, meta, x);
    }
  }

  @Test
  void tiledQuantizedConvolutionsMatchTheReference() throws Exception {
    Random rnd = new Random(77);
    for (int c = 0; c < 20; c++) {
      int channels = 1 + rnd.nextInt(4);
      int groups = rnd.nextBoolean() && channels % 2 == 0 ? 2 : 1;
      int out = groups * (1 + rnd.nextInt(5));
      int h = 3 + rnd.nextInt(4);
      int wd = 3 + rnd.nextInt(4);
      int kh = 1 + rnd.nextInt(3);
      int kw = 1 + rnd.nextInt(3);
      int stride = 1 + rnd.nextInt(2);
      int pad = rnd.nextInt(2);
      int zx = rnd.nextInt(256) - 128;
      int zw = rnd.nextInt(256) - 128;
      Conv conv = new Conv(channels, groups, out, h, wd, kh, kw, stride, pad, zx, zw,
          randomInts(rnd, out * (channels / groups) * kh * kw, -128, 127), randomInts(rnd, out, -3000, 3000),
          1.0 / (64 + rnd.nextInt(2048)));
      Tensor x = RandomInit.uniform(DType.I8, new int[] {1, channels, h, wd}, 100 + c);
      compare("conv case " + c + " (" + conv + ")", conv.nn(), conv.meta(rnd), x);
    }
  }

  @Test
  void anF32LinearLayerInOneKTileMatchesTheReference() throws Exception {
    // One K-tile sums each output from 0 in increasing k, as the reference does: equal bits.
    String nn = """
        ^bb0(%x: tensor<2x3xf32>):
          %w = "nn.constant"() <{value = dense<[[0.1, -0.7, 2.5], [1.25, 3.0e-3, -0.5]]> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
          %y = "nn.linear"(%x, %w) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2xf32>
          "func.return"(%y) : (tensor<2x2xf32>) -> ()""";
    String meta = """
        ^bb0(%x: tensor<2x3xf32>):
          %w = "nn.constant"() <{value = dense<[[0.1, 1.25], [-0.7, 3.0e-3], [2.5, -0.5]]> : tensor<3x2xf32>}> : () -> tensor<3x2xf32>
          "meta.write_weights"(%w) <{arrays = array<i64: 0, 1>, rows = 3, cols = 2}> : (tensor<3x2xf32>) -> ()
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0, 1>, rows = 3, cols = 2}> : (tensor<2x3xf32>) -> tensor<2x2xf32>
          %s = "meta.store"(%y) <{from = #meta.place<buffer>}> : (tensor<2x2xf32>) -> tensor<2x2xf32>
          "func.return"(%s) : (tensor<2x2xf32>) -> ()""";
    compare("f32 linear", function("(tensor<2x3xf32>) -> tensor<2x2xf32>", nn),
        function("(tensor<2x3xf32>) -> tensor<2x2xf32>", meta), RandomInit.uniform(DType.F32, new int[] {2, 3}, 9));
  }

  private static void compare(String what, String nn, String meta, Tensor x) throws Exception {
    Operation nnFunc = CimPrograms.function(signature(nn), body(nn));
    Operation metaFunc = CimPrograms.function(signature(meta), body(meta));
    compare(what, nnFunc, metaFunc, x);
  }

  private static void compare(String what, Operation nnFunc, Operation metaFunc, Tensor x) throws Exception {
    Tensor expected = new NnInterpreter(null).run(nnFunc, List.of(x)).get(0);
    Tensor actual = new CimInterpreter(CHIP, null, false).run(metaFunc, List.of(x)).outputs().get(0);
    assertEquals(expected, actual, what);
  }

  private static Operation function(String signature, String body) {
    return CimPrograms.function(signature, body);
  }

  // The generated programs carry their signature on the first line ("// SIG ...").
  private static String signature(String program) {
    return program.substring("// SIG ".length(), program.indexOf('\n'));
  }

  private static String body(String program) {
    return program.substring(program.indexOf('\n') + 1);
  }

  // ---- linear layers ------------------------------------------------------------------------------

  private static String linearNn(int m, int k, int n, int zx, int zw, int[] w, int[] bias, double scale) {
    String xt = type(m, k, "i8");
    return "// SIG (" + xt + ") -> " + type(m, n, "i8") + "\n"
        + "^bb0(%x: " + xt + "):\n"
        + "  %w = \"nn.constant\"() <{value = " + dense(w, n, k) + " : " + type(n, k, "i8") + "}> : () -> "
        + type(n, k, "i8") + "\n"
        + "  %b = \"nn.constant\"() <{value = " + dense(bias, n) + " : tensor<" + n + "xi32>}> : () -> tensor<" + n
        + "xi32>\n"
        + "  %a = \"nn.linear\"(%x, %w, %b) <{input_zero_point = " + zx + " : i64, weight_zero_point = " + zw
        + " : i64}> : (" + xt + ", " + type(n, k, "i8") + ", tensor<" + n + "xi32>) -> " + type(m, n, "i32") + "\n"
        + "  %r = \"nn.requantize\"(%a) <{scale = " + f64(scale) + ", zero_point = 3 : i64}> : (" + type(m, n, "i32")
        + ") -> " + type(m, n, "i8") + "\n"
        + "  \"func.return\"(%r) : (" + type(m, n, "i8") + ") -> ()";
  }

  /**
   * The same layer as a meta program: the K×N transpose of the weight, cut into random K- and
   * N-tiles, each tile on 1 or 2 arrays; per N-tile the K-tiles accumulate in a random order.
   */
  private static String linearMeta(Random rnd, int m, int k, int n, int zx, int zw, int[] w, int[] bias,
      double scale) {
    int[] wt = new int[k * n];
    for (int o = 0; o < n; o++) {
      for (int i = 0; i < k; i++) {
        wt[i * n + o] = w[o * k + i];
      }
    }
    String xt = type(m, k, "i8");
    String wtt = type(k, n, "i8");
    List<int[]> kTiles = cut(rnd, k, CHIP.rows());
    List<int[]> nTiles = cut(rnd, n, CHIP.weightCols());
    StringBuilder sb = new StringBuilder();
    sb.append("// SIG (").append(xt).append(") -> ").append(type(m, n, "i8")).append('\n');
    sb.append("^bb0(%x: ").append(xt).append("):\n");
    sb.append("  %w = \"nn.constant\"() <{value = ").append(dense(wt, k, n)).append(" : ").append(wtt)
        .append("}> : () -> ").append(wtt).append('\n');
    sb.append("  %b = \"nn.constant\"() <{value = ").append(dense(bias, n)).append(" : tensor<").append(n)
        .append("xi32>}> : () -> tensor<").append(n).append("xi32>\n");
    sb.append("  %r = \"meta.segment\"() <{id = 0 : i64}> ({\n");
    int nextArray = 0;
    String[][] arrays = new String[nTiles.size()][kTiles.size()];
    for (int j = 0; j < nTiles.size(); j++) {
      for (int i = 0; i < kTiles.size(); i++) {
        int copies = 1 + rnd.nextInt(2);
        StringBuilder ids = new StringBuilder();
        for (int d = 0; d < copies; d++) {
          ids.append(d == 0 ? "" : ", ").append(nextArray++);
        }
        arrays[j][i] = ids.toString();
        sb.append("    \"meta.write_weights\"(%w) <{arrays = array<i64: ").append(ids).append(">, row_offset = ")
            .append(kTiles.get(i)[0]).append(", rows = ").append(kTiles.get(i)[1]).append(", col_offset = ")
            .append(nTiles.get(j)[0]).append(", cols = ").append(nTiles.get(j)[1]).append("}> : (").append(wtt)
            .append(") -> ()\n");
      }
    }
    sb.append("    \"meta.barrier\"() : () -> ()\n");
    sb.append("    %l = \"meta.load\"(%x) <{to = #meta.place<buffer>}> : (").append(xt).append(") -> ").append(xt)
        .append('\n');
    sb.append("    %lb = \"meta.load\"(%b) <{to = #meta.place<buffer>}> : (tensor<").append(n)
        .append("xi32>) -> tensor<").append(n).append("xi32>\n");
    List<String> tiles = new ArrayList<>();
    List<String> tileTypes = new ArrayList<>();
    for (int j = 0; j < nTiles.size(); j++) {
      String yt = type(m, nTiles.get(j)[1], "i32");
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < kTiles.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, rnd);
      String acc = null;
      for (int i : order) {
        String name = "%p" + j + "_" + i;
        sb.append("    ").append(name).append(" = \"meta.mvm\"(%l").append(acc == null ? "" : ", " + acc)
            .append(") <{arrays = array<i64: ").append(arrays[j][i]).append(">, row_offset = ")
            .append(kTiles.get(i)[0]).append(", rows = ").append(kTiles.get(i)[1]).append(", col_offset = ")
            .append(nTiles.get(j)[0]).append(", cols = ").append(nTiles.get(j)[1]).append(", input_zero_point = ")
            .append(zx).append(" : i64, weight_zero_point = ").append(zw).append(" : i64}> : (").append(xt)
            .append(acc == null ? "" : ", " + yt).append(") -> ").append(yt).append('\n');
        acc = name;
      }
      tiles.add(acc);
      tileTypes.add(yt);
    }
    String yt = type(m, n, "i32");
    String cat = tiles.get(0);
    if (tiles.size() > 1) {
      sb.append("    %cat = \"meta.vector\"(").append(String.join(", ", tiles))
          .append(") <{kind = \"nn.concat\", params = {axis = 1 : i64}}> : (").append(String.join(", ", tileTypes))
          .append(") -> ").append(yt).append('\n');
      cat = "%cat";
    }
    sb.append("    %sum = \"meta.vector\"(").append(cat).append(", %lb) <{kind = \"nn.add\"}> : (").append(yt)
        .append(", tensor<").append(n).append("xi32>) -> ").append(yt).append('\n');
    sb.append("    %q = \"meta.vector\"(%sum) <{kind = \"nn.requantize\", params = {scale = ").append(f64(scale))
        .append(", zero_point = 3 : i64}}> : (").append(yt).append(") -> ").append(type(m, n, "i8")).append('\n');
    sb.append("    %s = \"meta.store\"(%q) <{from = #meta.place<buffer>}> : (").append(type(m, n, "i8"))
        .append(") -> ").append(type(m, n, "i8")).append('\n');
    sb.append("    \"meta.yield\"(%s) : (").append(type(m, n, "i8")).append(") -> ()\n");
    sb.append("  }) : () -> ").append(type(m, n, "i8")).append('\n');
    sb.append("  \"func.return\"(%r) : (").append(type(m, n, "i8")).append(") -> ()");
    return sb.toString();
  }

  // ---- convolutions --------------------------------------------------------------------------------

  /** A quantized convolution (OIHW weights, i32 bias) followed by a requantize and a ReLU. */
  private record Conv(int channels, int groups, int out, int h, int w, int kh, int kw, int stride, int pad, int zx,
      int zw, int[] weights, int[] bias, double scale) {
    int oh() {
      return (h + 2 * pad - kh) / stride + 1;
    }

    int ow() {
      return (w + 2 * pad - kw) / stride + 1;
    }

    String input() {
      return "tensor<1x" + channels + "x" + h + "x" + w + "xi8>";
    }

    String output(String element) {
      return "tensor<1x" + out + "x" + oh() + "x" + ow() + "x" + element + ">";
    }

    String nn() {
      String wt = "tensor<" + out + "x" + channels / groups + "x" + kh + "x" + kw + "xi8>";
      return "// SIG (" + input() + ") -> " + output("i8") + "\n"
          + "^bb0(%x: " + input() + "):\n"
          + "  %w = \"nn.constant\"() <{value = " + dense(weights, out, channels / groups, kh, kw) + " : " + wt
          + "}> : () -> " + wt + "\n"
          + "  %b = \"nn.constant\"() <{value = " + dense(bias, out) + " : tensor<" + out + "xi32>}> : () -> tensor<"
          + out + "xi32>\n"
          + "  %c = \"nn.conv2d\"(%x, %w, %b) <{strides = array<i64: " + stride + ", " + stride
          + ">, pads = array<i64: "
          + pad + ", " + pad + ", " + pad + ", " + pad + ">, group = " + groups + " : i64, input_zero_point = " + zx
          + " : i64, weight_zero_point = " + zw + " : i64}> : (" + input() + ", " + wt + ", tensor<" + out
          + "xi32>) -> " + output("i32") + "\n"
          + "  %q = \"nn.requantize\"(%c) <{scale = " + f64(scale) + ", zero_point = -2 : i64}> : (" + output("i32")
          + ") -> " + output("i8") + "\n"
          + "  %r = \"nn.relu\"(%q) : (" + output("i8") + ") -> " + output("i8") + "\n"
          + "  \"func.return\"(%r) : (" + output("i8") + ") -> ()";
    }

    /**
     * The meta program: one K×O weight holding every group's columns side by side (group g at
     * col_offset g·O/group); per group an im2col, random K- and N-tiles with 1 or 2 copies, the
     * K-tiles accumulated in a random order; col2im over the groups; bias, requantize and ReLU
     * on the vector unit.
     */
    String meta(Random rnd) {
      int cg = channels / groups;
      int og = out / groups;
      int k = cg * kh * kw;
      int[] wt = new int[k * out];
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < k; i++) {
          wt[i * out + o] = weights[o * k + i];
        }
      }
      int rows = oh() * ow();
      String wtt = type(k, out, "i8");
      String xt = type(rows, k, "i8");
      StringBuilder sb = new StringBuilder();
      sb.append("// SIG (").append(input()).append(") -> ").append(output("i8")).append('\n');
      sb.append("^bb0(%x: ").append(input()).append("):\n");
      sb.append("  %w = \"nn.constant\"() <{value = ").append(dense(wt, k, out)).append(" : ").append(wtt)
          .append("}> : () -> ").append(wtt).append('\n');
      sb.append("  %b = \"nn.constant\"() <{value = ").append(dense(bias, out, 1, 1)).append(" : tensor<").append(out)
          .append("x1x1xi32>}> : () -> tensor<").append(out).append("x1x1xi32>\n");
      int nextArray = 0;
      List<int[]> kTiles = cut(rnd, k, CHIP.rows());
      List<List<int[]>> nTiles = new ArrayList<>();
      List<String[][]> arrays = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        List<int[]> nt = cut(rnd, og, CHIP.weightCols());
        nTiles.add(nt);
        String[][] ids = new String[nt.size()][kTiles.size()];
        for (int j = 0; j < nt.size(); j++) {
          for (int i = 0; i < kTiles.size(); i++) {
            int copies = 1 + rnd.nextInt(2);
            StringBuilder s = new StringBuilder();
            for (int d = 0; d < copies; d++) {
              s.append(d == 0 ? "" : ", ").append(nextArray++);
            }
            ids[j][i] = s.toString();
            sb.append("  \"meta.write_weights\"(%w) <{arrays = array<i64: ").append(s).append(">, row_offset = ")
                .append(kTiles.get(i)[0]).append(", rows = ").append(kTiles.get(i)[1]).append(", col_offset = ")
                .append(g * og + nt.get(j)[0]).append(", cols = ").append(nt.get(j)[1]).append("}> : (")
                .append(wtt).append(") -> ()\n");
          }
        }
        arrays.add(ids);
      }
      sb.append("  %l = \"meta.load\"(%x) <{to = #meta.place<buffer>}> : (").append(input()).append(") -> ")
          .append(input()).append('\n');
      sb.append("  %lb = \"meta.load\"(%b) <{to = #meta.place<buffer>}> : (tensor<").append(out)
          .append("x1x1xi32>) -> tensor<").append(out).append("x1x1xi32>\n");
      List<String> groupResults = new ArrayList<>();
      List<String> groupTypes = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        sb.append("  %c").append(g).append(" = \"meta.im2col\"(%l) <{kernel_shape = array<i64: ").append(kh)
            .append(", ").append(kw).append(">, strides = array<i64: ").append(stride).append(", ").append(stride)
            .append(">, pads = array<i64: ").append(pad).append(", ").append(pad).append(", ").append(pad).append(", ")
            .append(pad).append(">, group = ").append(groups).append(" : i64, group_index = ").append(g)
            .append(" : i64, pad_value = ").append(zx).append(" : i64}> : (").append(input()).append(") -> ")
            .append(xt).append('\n');
        List<String> tiles = new ArrayList<>();
        List<String> tileTypes = new ArrayList<>();
        List<int[]> nt = nTiles.get(g);
        for (int j = 0; j < nt.size(); j++) {
          String yt = type(rows, nt.get(j)[1], "i32");
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < kTiles.size(); i++) {
            order.add(i);
          }
          Collections.shuffle(order, rnd);
          String acc = null;
          for (int i : order) {
            String name = "%p" + g + "_" + j + "_" + i;
            sb.append("  ").append(name).append(" = \"meta.mvm\"(%c").append(g).append(acc == null ? "" : ", " + acc)
                .append(") <{arrays = array<i64: ").append(arrays.get(g)[j][i]).append(">, row_offset = ")
                .append(kTiles.get(i)[0]).append(", rows = ").append(kTiles.get(i)[1]).append(", col_offset = ")
                .append(g * og + nt.get(j)[0]).append(", cols = ").append(nt.get(j)[1])
                .append(", input_zero_point = ").append(zx).append(" : i64, weight_zero_point = ").append(zw)
                .append(" : i64}> : (").append(xt).append(acc == null ? "" : ", " + yt).append(") -> ").append(yt)
                .append('\n');
            acc = name;
          }
          tiles.add(acc);
          tileTypes.add(yt);
        }
        String gt = type(rows, og, "i32");
        if (tiles.size() > 1) {
          sb.append("  %g").append(g).append(" = \"meta.vector\"(").append(String.join(", ", tiles))
              .append(") <{kind = \"nn.concat\", params = {axis = 1 : i64}}> : (")
              .append(String.join(", ", tileTypes)).append(") -> ").append(gt).append('\n');
          groupResults.add("%g" + g);
        } else {
          groupResults.add(tiles.get(0));
        }
        groupTypes.add(gt);
      }
      sb.append("  %y = \"meta.col2im\"(").append(String.join(", ", groupResults)).append(") <{shape = array<i64: 1, ")
          .append(out).append(", ").append(oh()).append(", ").append(ow()).append(">}> : (")
          .append(String.join(", ", groupTypes)).append(") -> ").append(output("i32")).append('\n');
      sb.append("  %sum = \"meta.vector\"(%y, %lb) <{kind = \"nn.add\"}> : (").append(output("i32"))
          .append(", tensor<").append(out).append("x1x1xi32>) -> ").append(output("i32")).append('\n');
      sb.append("  %q = \"meta.vector\"(%sum) <{kind = \"nn.requantize\", params = {scale = ").append(f64(scale))
          .append(", zero_point = -2 : i64}}> : (").append(output("i32")).append(") -> ").append(output("i8"))
          .append('\n');
      sb.append("  %r = \"meta.vector\"(%q) <{kind = \"nn.relu\"}> : (").append(output("i8")).append(") -> ")
          .append(output("i8")).append('\n');
      sb.append("  %s = \"meta.store\"(%r) <{from = #meta.place<buffer>}> : (").append(output("i8")).append(") -> ")
          .append(output("i8")).append('\n');
      sb.append("  \"func.return\"(%s) : (").append(output("i8")).append(") -> ()");
      return sb.toString();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "C=%d groups=%d O=%d %dx%d kernel %dx%d stride %d pad %d", channels, groups,
          out, h, w, kh, kw, stride, pad);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------

  /** Random consecutive pieces {offset, size} of [0, total), each at most {@code max} (half of them full). */
  private static List<int[]> cut(Random rnd, int total, int max) {
    List<int[]> out = new ArrayList<>();
    int at = 0;
    while (at < total) {
      int most = Math.min(max, total - at);
      int size = rnd.nextBoolean() ? most : 1 + rnd.nextInt(most);
      out.add(new int[] {at, size});
      at += size;
    }
    return out;
  }

  private static int[] randomInts(Random rnd, int n, int lo, int hi) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = lo + rnd.nextInt(hi - lo + 1);
    }
    return v;
  }

  private static String type(int rows, int cols, String element) {
    return "tensor<" + rows + "x" + cols + "x" + element + ">";
  }

  private static String f64(double v) {
    return String.format(Locale.ROOT, "%.17e : f64", v);
  }

  /** {@code dense<[[...], ...]>} of row-major {@code values} with {@code shape}. */
  private static String dense(int[] values, int... shape) {
    StringBuilder sb = new StringBuilder("dense<");
    nest(sb, values, shape, 0, 0);
    return sb.append('>').toString();
  }

  private static int nest(StringBuilder sb, int[] values, int[] shape, int axis, int at) {
    if (axis == shape.length) {
      sb.append(values[at]);
      return at + 1;
    }
    sb.append('[');
    for (int i = 0; i < shape[axis]; i++) {
      sb.append(i == 0 ? "" : ", ");
      at = nest(sb, values, shape, axis + 1, at);
    }
    sb.append(']');
    return at;
  }
}

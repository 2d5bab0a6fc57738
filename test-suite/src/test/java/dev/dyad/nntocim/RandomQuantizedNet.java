package dev.dyad.nntocim;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.Technology;
import dev.dyad.arch.WeightReloadModel;
import dev.dyad.conversion.nntocim.NnToCimPass;
import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A random small quantized nn program (chains of convolutions — plain, grouped, depthwise —,
 * linear layers and matmuls with constant weights, each requantized and sometimes rectified,
 * residual adds, pooling, an activation product) with a small random chip to lower it for, all
 * drawn from {@code seed}; {@code layers} is the chain's length. The program is .cir text, so a
 * counterexample prints as a file to run. With {@code floats} the program is f32 instead, on
 * small integer values clipped after every product, so that every sum is exact in any order.
 */
record RandomQuantizedNet(long seed, int layers, boolean floats) {
  RandomQuantizedNet(long seed, int layers) {
    this(seed, layers, false);
  }

  /** What one draw produces. */
  record Case(String program, HardwareDescription arch, NnToCimPass.GroupedConv groupedConv, List<Tensor> inputs,
      NnToCimPass.Attention attention) {}

  private record Value(String name, long[] shape, String element) {
    String type() {
      StringBuilder b = new StringBuilder("tensor<");
      for (long d : shape) {
        b.append(d).append('x');
      }
      return b.append(element).append('>').toString();
    }
  }

  Case draw() {
    Random rng = new Random(seed);
    Builder b = new Builder(rng, floats);
    long[] inShape = {1 + rng.nextInt(2), 1 + rng.nextInt(6), 2 + rng.nextInt(7), 2 + rng.nextInt(7)};
    Value x = new Value("%x", inShape, b.act);
    Value current = x;
    List<Value> history = new ArrayList<>(List.of(x));
    for (int i = 0; i < layers; i++) {
      current = b.layer(current, history);
      history.add(current);
    }
    String program = "\"func.func\"() <{function_type = (" + x.type() + ") -> " + current.type()
        + ", sym_name = \"net\"}> ({\n^bb0(%x: " + x.type() + "):\n" + b.body
        + "  \"func.return\"(" + current.name() + ") : (" + current.type() + ") -> ()\n}) : () -> ()\n";
    int[] shape = new int[inShape.length];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = (int) inShape[i];
    }
    NnToCimPass.GroupedConv mode = rng.nextBoolean() ? NnToCimPass.GroupedConv.PACKED
        : NnToCimPass.GroupedConv.PER_GROUP;
    HardwareDescription arch = arch(rng);
    List<Tensor> inputs = List.of(floats ? smallIntegers(rng, shape)
        : RandomInit.uniform(DType.I8, shape, rng.nextLong()));
    // Half the draws force products of two activations onto arrays written at run time.
    NnToCimPass.Attention attention = rng.nextBoolean() ? NnToCimPass.Attention.ARRAYS : NnToCimPass.Attention.AUTO;
    return new Case(program, arch, mode, inputs, attention);
  }

  private static Tensor smallIntegers(Random rng, int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = rng.nextInt(17) - 8;
    }
    return Tensor.wrapFloats(shape, values);
  }

  /** A small chip: few arrays of few rows and weights per row, so that products split. */
  private static HardwareDescription arch(Random rng) {
    int arrays = new int[] {1, 2, 3, 4, 6, 96}[rng.nextInt(6)];
    int rows = new int[] {2, 3, 4, 8, 16, 32, 320}[rng.nextInt(7)];
    int cellBits = new int[] {1, 2, 4, 8}[rng.nextInt(4)];
    int cols = (8 + cellBits - 1) / cellBits * (1 + rng.nextInt(8));
    return new HardwareDescription("random", "a random small chip", Technology.SRAM, true, arrays, rows, cols,
        cellBits, 8, 8, 100_000_000L, 16, 8.0, (long) rows * cols * cellBits, 32.0, 32.0, 8192, 1, 1, 1, rows,
        WeightReloadModel.EQ2, 8.0);
  }

  /** Writes the ops of the chain. */
  private static final class Builder {
    private final Random rng;
    private final boolean floats;
    /** Element types of activations (and weights) and of accumulators (and biases). */
    final String act;
    private final String acc;
    private final StringBuilder body = new StringBuilder();
    private int next;

    Builder(Random rng, boolean floats) {
      this.rng = rng;
      this.floats = floats;
      this.act = floats ? "f32" : "i8";
      this.acc = floats ? "f32" : "i32";
    }

    Value layer(Value in, List<Value> history) {
      return switch (rng.nextInt(9)) {
        case 0, 1, 2 -> requantized(conv(in));
        case 3 -> requantized(linear(in));
        case 4 -> requantized(matmul(in));
        case 5 -> residual(in, history);
        case 6 -> pool(in);
        case 7 -> head(in);
        default -> requantized(attention(in));
      };
    }

    /** A classifier head: flatten, a linear layer on [N, C·H·W], back to NCHW as [N, out, 1, 1]. */
    private Value head(Value in) {
      long[] s = in.shape();
      Value flat = new Value(fresh(), new long[] {s[0], s[1] * s[2] * s[3]}, act);
      line(flat, "nn.flatten", List.of(in), "axis = 1 : i64");
      Value y = requantized(linear(flat));
      Value out = new Value(fresh(), new long[] {s[0], y.shape()[1], 1, 1}, act);
      line(out, "nn.reshape", List.of(y), null);
      return out;
    }

    private Value conv(Value in) {
      long n = in.shape()[0];
      long c = in.shape()[1];
      long h = in.shape()[2];
      long w = in.shape()[3];
      List<Long> divisors = new ArrayList<>();
      for (long g = 1; g <= c; g++) {
        if (c % g == 0) {
          divisors.add(g);
        }
      }
      long group = rng.nextInt(5) < 2 ? c : divisors.get(rng.nextInt(divisors.size()));
      long out = group == 1 ? 1 + rng.nextInt(8) : group * (1 + rng.nextInt(3));
      long[] k;
      long[] s;
      long[] d;
      long[] p;
      long oh;
      long ow;
      do {
        k = new long[] {1 + rng.nextInt(3), 1 + rng.nextInt(3)};
        s = new long[] {1 + rng.nextInt(2), 1 + rng.nextInt(2)};
        d = new long[] {1 + rng.nextInt(2), 1 + rng.nextInt(2)};
        p = new long[] {rng.nextInt(3), rng.nextInt(3), rng.nextInt(3), rng.nextInt(3)};
        oh = Math.floorDiv(h + p[0] + p[2] - d[0] * (k[0] - 1) - 1, s[0]) + 1;
        ow = Math.floorDiv(w + p[1] + p[3] - d[1] * (k[1] - 1) - 1, s[1]) + 1;
      } while (oh < 1 || ow < 1);
      Value weight = constant(new long[] {out, c / group, k[0], k[1]}, act);
      Value bias = rng.nextBoolean() ? constant(new long[] {out}, acc) : null;
      Value result = new Value(fresh(), new long[] {n, out, oh, ow}, acc);
      line(result, "nn.conv2d", bias == null ? List.of(in, weight) : List.of(in, weight, bias),
          "dilations = " + ints(d) + ", group = " + group + " : i64, " + zeroPoints() + "pads = " + ints(p)
              + ", strides = " + ints(s));
      return result;
    }

    private Value linear(Value in) {
      long[] shape = in.shape().clone();
      long features = shape[shape.length - 1];
      long out = 1 + rng.nextInt(6);
      shape[shape.length - 1] = out;
      Value weight = constant(new long[] {out, features}, act);
      Value bias = rng.nextBoolean() ? constant(new long[] {out}, acc) : null;
      Value result = new Value(fresh(), shape, acc);
      String zp = zeroPoints();
      line(result, "nn.linear", bias == null ? List.of(in, weight) : List.of(in, weight, bias),
          zp.isEmpty() ? null : zp.substring(0, zp.length() - 2));
      return result;
    }

    /** a [N, C, H, W] (or transposed) times a constant b of rank 2, 3 or 4. */
    private Value matmul(Value in) {
      long[] a = in.shape();
      boolean ta = rng.nextBoolean();
      boolean tb = rng.nextBoolean();
      long m = ta ? a[3] : a[2];
      long k = ta ? a[2] : a[3];
      long n = 1 + rng.nextInt(5);
      long[] b = switch (rng.nextInt(4)) {
        case 0 -> new long[] {k, n};
        case 1 -> new long[] {a[1], k, n};
        case 2 -> new long[] {1, 1, k, n};
        default -> new long[] {a[0], a[1], k, n};
      };
      if (tb) {
        long t = b[b.length - 1];
        b[b.length - 1] = b[b.length - 2];
        b[b.length - 2] = t;
      }
      Value weight = constant(b, act);
      Value result = new Value(fresh(), new long[] {a[0], a[1], m, n}, acc);
      line(result, "nn.matmul", List.of(in, weight), zeroPoints() + "transpose_a = " + (ta ? 1 : 0)
          + " : i64, transpose_b = " + (tb ? 1 : 0) + " : i64");
      return result;
    }

    /** x times its own transpose: a product of two activations (the vector unit's). */
    /**
     * Attention on the activation as Q = K = V ([N, C] batches of H×W): the scores QKᵀ, and in the
     * quantized form also softmax(scores)·V — the scores requantized, dequantized, softmaxed,
     * quantized to probabilities and multiplied with V. Both products have two activation operands.
     */
    private Value attention(Value in) {
      long[] a = in.shape();
      Value scores = new Value(fresh(), new long[] {a[0], a[1], a[2], a[2]}, acc);
      line(scores, "nn.batch_matmul", List.of(in, in), zeroPoints() + "transpose_a = 0 : i64, transpose_b = 1 : i64");
      if (floats) {
        return scores;
      }
      Value q = requantized(scores);
      Value f = new Value(fresh(), q.shape(), "f32");
      line(f, "nn.dequantize", List.of(q), "scale = 1.250000e-01 : f32, zero_point = 0 : i64");
      Value p = new Value(fresh(), q.shape(), "f32");
      line(p, "nn.softmax", List.of(f), "axis = -1 : i64");
      Value pq = new Value(fresh(), q.shape(), act);
      line(pq, "nn.quantize", List.of(p), "scale = 7.812500e-03 : f32, zero_point = 0 : i64");
      Value out = new Value(fresh(), a, acc);
      line(out, "nn.batch_matmul", List.of(pq, in), "input_zero_point = 0 : i64, weight_zero_point = "
          + zeroPoint() + " : i64, transpose_a = 0 : i64, transpose_b = 0 : i64");
      return out;
    }

    private Value residual(Value in, List<Value> history) {
      for (int i = history.size() - 2; i >= 0; i--) {
        Value earlier = history.get(i);
        if (Arrays.equals(earlier.shape(), in.shape())) {
          Value result = new Value(fresh(), in.shape(), act);
          line(result, "nn.add", List.of(in, earlier), null);
          return result;
        }
      }
      Value result = new Value(fresh(), in.shape(), act);
      line(result, "nn.relu", List.of(in), null);
      return result;
    }

    private Value pool(Value in) {
      long[] s = in.shape();
      if (s[2] < 2 || s[3] < 2) {
        Value result = new Value(fresh(), s, act);
        line(result, "nn.relu6", List.of(in), null);
        return result;
      }
      long stride = 1 + rng.nextInt(2);
      Value result = new Value(fresh(), new long[] {s[0], s[1], (s[2] - 2) / stride + 1, (s[3] - 2) / stride + 1},
          act);
      line(result, "nn.max_pool2d", List.of(in), "kernel_shape = array<i64: 2, 2>, strides = " + ints(stride, stride));
      return result;
    }

    /**
     * i32 → i8 with a scale that keeps a fair share of the values unsaturated (f32: clipped to
     * [-8, 8]), then maybe relu.
     */
    private Value requantized(Value sum) {
      Value q = new Value(fresh(), sum.shape(), act);
      double scale = Math.pow(2, -(6 + rng.nextInt(10))) * (1 + rng.nextInt(3));
      if (floats) {
        line(q, "nn.clip", List.of(sum), "max = 8.000000e+00 : f32, min = -8.000000e+00 : f32");
      } else {
        line(q, "nn.requantize", List.of(sum), String.format(Locale.ROOT,
            "scale = %.6e : f64, zero_point = %d : i64", scale, rng.nextInt(21) - 10));
      }
      if (rng.nextBoolean()) {
        return q;
      }
      Value r = new Value(fresh(), sum.shape(), act);
      line(r, "nn.relu", List.of(q), null);
      return r;
    }

    /**
     * Dense values (i8 anywhere in range, i32 biases within ±2^16, f32 integers in [-4, 4]) or,
     * for i8 and i32, a #nn.random seed (i32 over its whole range, so sums overflow and wrap).
     */
    private Value constant(long[] shape, String element) {
      Value c = new Value(fresh(), shape, element);
      String value;
      if ((element.equals("i8") || element.equals("i32")) && rng.nextBoolean()) {
        value = "#nn.random<" + rng.nextInt(1000) + ">";
      } else {
        StringBuilder v = new StringBuilder("dense<");
        nest(v, shape, 0, element);
        value = v.append("> : ").append(c.type()).toString();
      }
      body.append("  ").append(c.name()).append(" = \"nn.constant\"() <{value = ").append(value)
          .append("}> : () -> ").append(c.type()).append('\n');
      return c;
    }

    /** A nested list literal of random elements for the dimensions from {@code axis} on. */
    private void nest(StringBuilder b, long[] shape, int axis, String element) {
      if (axis == shape.length) {
        b.append(switch (element) {
          case "i8" -> String.valueOf(rng.nextInt(256) - 128);
          case "f32" -> (rng.nextInt(9) - 4) + ".0";
          default -> String.valueOf(rng.nextInt(1 << 17) - (1 << 16));
        });
        return;
      }
      b.append('[');
      for (long i = 0; i < shape[axis]; i++) {
        b.append(i == 0 ? "" : ", ");
        nest(b, shape, axis + 1, element);
      }
      b.append(']');
    }

    /** Zero points: often 0, else anywhere in the i8 range; ends with ", " (none for f32). */
    private String zeroPoints() {
      if (floats) {
        return "";
      }
      return "input_zero_point = " + zeroPoint() + " : i64, weight_zero_point = " + zeroPoint() + " : i64, ";
    }

    private long zeroPoint() {
      return switch (rng.nextInt(4)) {
        case 0 -> 0;
        case 1 -> rng.nextInt(11) - 5;
        case 2 -> rng.nextBoolean() ? -128 : 127;
        default -> rng.nextInt(256) - 128;
      };
    }

    private void line(Value result, String op, List<Value> operands, String properties) {
      StringBuilder types = new StringBuilder();
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < operands.size(); i++) {
        names.append(i == 0 ? "" : ", ").append(operands.get(i).name());
        types.append(i == 0 ? "" : ", ").append(operands.get(i).type());
      }
      body.append("  ").append(result.name()).append(" = \"").append(op).append("\"(").append(names).append(')');
      if (properties != null) {
        body.append(" <{").append(properties).append("}>");
      }
      body.append(" : (").append(types).append(") -> ").append(result.type()).append('\n');
    }

    private String fresh() {
      return "%v" + next++;
    }

    private static String ints(long... values) {
      StringBuilder b = new StringBuilder("array<i64: ");
      for (int i = 0; i < values.length; i++) {
        b.append(i == 0 ? "" : ", ").append(values[i]);
      }
      return b.append('>').toString();
    }
  }
}

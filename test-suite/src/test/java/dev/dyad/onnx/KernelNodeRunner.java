package dev.dyad.onnx;

import dev.dyad.onnx.Onnx.AttributeProto;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import dev.dyad.runtime.kernels.Conv2dOptions;
import dev.dyad.runtime.kernels.Convolution;
import dev.dyad.runtime.kernels.Elementwise;
import dev.dyad.runtime.kernels.Layout;
import dev.dyad.runtime.kernels.Linalg;
import dev.dyad.runtime.kernels.Normalization;
import dev.dyad.runtime.kernels.Pool2dOptions;
import dev.dyad.runtime.kernels.Pooling;
import dev.dyad.runtime.kernels.Quantization;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Runs ONNX nodes with Dyad's runtime kernels, translating each op and its attributes into the kernels'
 * (that is, the {@code nn} dialect's) conventions: 1-D convolution and pooling become 2-D with a unit height,
 * auto_pad becomes explicit pads, per-axis quantization is done slice by slice, uint8 is shifted onto int8.
 * Anything else it cannot express exactly is reported as unsupported, never approximated.
 */
public final class KernelNodeRunner implements OnnxNodeRunner {

  @Override
  public List<OnnxValue> run(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    String op = node.opType();
    return switch (op) {
      case "Conv" -> one(conv(node, in));
      case "ConvInteger" -> one(convInteger(node, in));
      case "QLinearConv" -> one(qlinearConv(node, in));
      case "Gemm" -> one(gemm(node, in));
      case "MatMul" -> one(matmul(node, in));
      case "MatMulInteger" -> one(matmulInteger(node, in));
      case "QLinearMatMul" -> one(qlinearMatmul(node, in));
      case "Add", "Sub", "Mul", "Div" -> one(binary(node, in));
      case "Relu" -> one(relu(node, in));
      case "Clip" -> one(clip(node, in));
      case "Sigmoid", "Tanh", "Erf", "HardSwish" -> one(unaryF32(node, in));
      case "HardSigmoid" -> one(hardsigmoid(node, in));
      case "Gelu" -> one(gelu(node, in));
      case "Softmax" -> one(softmax(node, in));
      case "MaxPool", "AveragePool" -> one(pool(node, in));
      case "GlobalAveragePool" -> one(globalAveragePool(node, in));
      case "BatchNormalization" -> one(batchNorm(node, in));
      case "LayerNormalization" -> layerNorm(node, in);
      case "Reshape" -> one(reshape(node, in));
      case "Flatten" -> one(flatten(node, in));
      case "Squeeze", "Unsqueeze" -> one(squeeze(node, in));
      case "Transpose" -> one(transpose(node, in));
      case "Concat" -> one(concat(node, in));
      case "Slice" -> one(slice(node, in));
      case "Split" -> split(node, in);
      case "Pad" -> one(pad(node, in));
      case "Gather" -> one(gather(node, in));
      case "QuantizeLinear" -> one(quantizeLinear(node, in));
      case "DequantizeLinear" -> one(dequantizeLinear(node, in));
      case "Identity" -> identity(node, in);
      case "Constant" -> one(constant(node));
      default -> throw new UnsupportedOnnxException("op " + op);
    };
  }

  private static List<OnnxValue> one(OnnxValue v) {
    return Collections.singletonList(v);
  }

  // ---- convolution and matrix products ---------------------------------------------------------------------

  /** A convolution's or pooling's window, already in the kernels' 2-D form. */
  private record Window(int[] kernel, int[] strides, int[] pads, int[] dilations, boolean oneD) {}

  /**
   * Reads kernel_shape/strides/pads/dilations/auto_pad for a rank-3 (1-D) or rank-4 (2-D) input;
   * 1-D windows become 2-D ones of height 1.
   */
  private static Window window(OnnxNode node, int[] xShape, int[] kernel) throws UnsupportedOnnxException {
    int spatial = xShape.length - 2;
    if (spatial == 3) {
      throw new UnsupportedOnnxException(node.opType() + ": 3-D (rank-5) input");
    }
    if (spatial != 1 && spatial != 2) {
      throw new UnsupportedOnnxException(node.opType() + ": rank-" + xShape.length + " input");
    }
    int[] k = node.getIntArray("kernel_shape", kernel);
    if (k == null || k.length != spatial || (kernel != null && !Arrays.equals(k, kernel))) {
      throw new UnsupportedOnnxException(node.opType() + ": kernel_shape inconsistent with the weight");
    }
    int[] strides = node.getIntArray("strides", filled(spatial, 1));
    int[] dilations = node.getIntArray("dilations", filled(spatial, 1));
    int[] pads = node.getIntArray("pads", filled(2 * spatial, 0));
    String autoPad = node.getString("auto_pad", "NOTSET");
    switch (autoPad) {
      case "NOTSET" -> { }
      case "VALID" -> pads = filled(2 * spatial, 0);
      case "SAME_UPPER", "SAME_LOWER" -> {
        if (node.getInt("ceil_mode", 0) != 0) {
          throw new UnsupportedOnnxException(node.opType() + ": auto_pad with ceil_mode");
        }
        pads = new int[2 * spatial];
        for (int i = 0; i < spatial; i++) {
          int in = xShape[2 + i];
          int out = (in + strides[i] - 1) / strides[i];
          int total = Math.max(0, (out - 1) * strides[i] + (k[i] - 1) * dilations[i] + 1 - in);
          int small = total / 2;
          pads[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
          pads[i + spatial] = total - pads[i];
        }
      }
      default -> throw new UnsupportedOnnxException(node.opType() + ": auto_pad=" + autoPad);
    }
    if (spatial == 1) {
      return new Window(new int[] {1, k[0]}, new int[] {1, strides[0]}, new int[] {0, pads[0], 0, pads[1]},
          new int[] {1, dilations[0]}, true);
    }
    return new Window(k, strides, pads, dilations, false);
  }

  private static Tensor to2d(Tensor t) {
    int[] s = t.shape();
    return t.reshape(s[0], s[1], 1, s[2]);
  }

  private static Tensor from2d(Tensor t, Window w) {
    if (!w.oneD()) {
      return t;
    }
    int[] s = t.shape();
    return t.reshape(s[0], s[1], s[3]);
  }

  private static OnnxValue conv(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
    Tensor x = f32(node, in, 0);
    Tensor w = f32(node, in, 1);
    Tensor b = in.size() > 2 && in.get(2) != null ? f32(node, in, 2) : null;
    Window win = window(node, x.shape(), spatialDims(w));
    Conv2dOptions o = Conv2dOptions.of(win.strides(), win.pads(), win.dilations(), (int) node.getInt("group", 1));
    Tensor y = Convolution.conv2d(win.oneD() ? to2d(x) : x, win.oneD() ? to2d(w) : w, b, o);
    return OnnxValue.of(from2d(y, win));
  }

  private static OnnxValue convInteger(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
    OnnxValue x = quantized(node, in, 0);
    OnnxValue w = quantized(node, in, 1);
    int xZero = zeroPoint(node, input(in, 2), x);
    int wZero = zeroPoint(node, input(in, 3), w);
    return OnnxValue.of(integerConv(node, x.tensor(), w.tensor(), null, xZero, wZero));
  }

  private static Tensor integerConv(OnnxNode node, Tensor x, Tensor w, Tensor bias, int xZero, int wZero)
      throws UnsupportedOnnxException {
    Window win = window(node, x.shape(), spatialDims(w));
    Conv2dOptions o = Conv2dOptions.of(win.strides(), win.pads(), win.dilations(), (int) node.getInt("group", 1));
    Tensor y = Convolution.conv2dInteger(win.oneD() ? to2d(x) : x, win.oneD() ? to2d(w) : w, bias, xZero, wZero, o);
    return from2d(y, win);
  }

  private static OnnxValue qlinearConv(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
    OnnxValue x = quantized(node, in, 0);
    OnnxValue w = quantized(node, in, 3);
    Tensor bias = input(in, 8) == null ? null : typed(node, in, 8, DataType.INT32).tensor();
    Tensor acc = integerConv(node, x.tensor(), w.tensor(), bias, zeroPoint(node, in.get(2), x),
        zeroPoint(node, in.get(5), w));
    return requantizeOutput(node, acc, scale(node, in.get(1)), scale(node, in.get(4)), scale(node, in.get(6)),
        in.get(7));
  }

  /** Requantizes an int32 accumulator to the type of {@code yZero} with multiplier sa * sb / sy. */
  private static OnnxValue requantizeOutput(OnnxNode node, Tensor acc, float sa, float sb, float sy,
      OnnxValue yZero) throws UnsupportedOnnxException {
    if (yZero.onnxType() != DataType.INT8 && yZero.onnxType() != DataType.UINT8) {
      throw new UnsupportedOnnxException(node.opType() + ": output dtype " + yZero.onnxType());
    }
    double multiplier = (double) sa * sb / sy;
    Tensor y = Quantization.requantize(acc, multiplier, zeroPoint(node, yZero, yZero));
    return new OnnxValue(y, yZero.onnxType());
  }

  private static OnnxValue gemm(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("alpha", "beta", "transA", "transB", "broadcast");
    Tensor a = f32(node, in, 0);
    Tensor b = f32(node, in, 1);
    if (a.rank() != 2 || b.rank() != 2) {
      throw new UnsupportedOnnxException("Gemm: operands of rank other than 2");
    }
    Tensor y = Linalg.matmul(a, b, node.getInt("transA", 0) != 0, node.getInt("transB", 0) != 0);
    float alpha = node.getFloat("alpha", 1);
    float beta = node.getFloat("beta", 1);
    if (alpha != 1) {
      y = Elementwise.mul(y, Tensor.scalar(alpha));
    }
    if (input(in, 2) != null) {
      Tensor c = f32(node, in, 2);
      if (beta != 1) {
        c = Elementwise.mul(c, Tensor.scalar(beta));
      }
      y = Elementwise.add(y, c);
    }
    return OnnxValue.of(y);
  }

  private static OnnxValue matmul(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes();
    return OnnxValue.of(Linalg.matmul(f32(node, in, 0), f32(node, in, 1)));
  }

  private static OnnxValue matmulInteger(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes();
    OnnxValue a = quantized(node, in, 0);
    OnnxValue b = quantized(node, in, 1);
    return OnnxValue.of(Linalg.matmulInteger(a.tensor(), b.tensor(), false, false,
        zeroPoint(node, input(in, 2), a), zeroPoint(node, input(in, 3), b)));
  }

  private static OnnxValue qlinearMatmul(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes();
    OnnxValue a = quantized(node, in, 0);
    OnnxValue b = quantized(node, in, 3);
    Tensor acc = Linalg.matmulInteger(a.tensor(), b.tensor(), false, false, zeroPoint(node, in.get(2), a),
        zeroPoint(node, in.get(5), b));
    return requantizeOutput(node, acc, scale(node, in.get(1)), scale(node, in.get(4)), scale(node, in.get(6)),
        in.get(7));
  }

  // ---- elementwise ------------------------------------------------------------------------------------------

  private static OnnxValue binary(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes();
    OnnxValue a = typed(node, in, 0, DataType.FLOAT, DataType.INT8, DataType.INT32, DataType.INT64);
    OnnxValue b = typed(node, in, 1, a.onnxType());
    // ONNX integer arithmetic wraps where nn's saturates: results agree unless a case overflows, which then
    // fails visibly.
    Elementwise.BinaryOp op = Elementwise.BinaryOp.valueOf(node.opType().toUpperCase());
    return OnnxValue.of(Elementwise.binary(op, a.tensor(), b.tensor()));
  }

  private static OnnxValue relu(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes();
    OnnxValue x = typed(node, in, 0, DataType.FLOAT, DataType.INT8, DataType.INT32, DataType.INT64);
    return OnnxValue.of(Elementwise.relu(x.tensor()));
  }

  private static OnnxValue clip(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    OnnxValue x = typed(node, in, 0, DataType.FLOAT, DataType.INT8, DataType.INT32, DataType.INT64);
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    if (node.opset() < 11) {
      node.allowAttributes("min", "max");
      min = node.has("min") ? node.getFloat("min", 0) : -Float.MAX_VALUE;
      max = node.has("max") ? node.getFloat("max", 0) : Float.MAX_VALUE;
    } else {
      node.allowAttributes();
      if (input(in, 1) != null) {
        min = typed(node, in, 1, x.onnxType()).tensor().getAsDouble(0);
      }
      if (input(in, 2) != null) {
        max = typed(node, in, 2, x.onnxType()).tensor().getAsDouble(0);
      }
    }
    return OnnxValue.of(Elementwise.clip(x.tensor(), min, max));
  }

  private static OnnxValue unaryF32(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes();
    Tensor x = f32(node, in, 0);
    return OnnxValue.of(switch (node.opType()) {
      case "Sigmoid" -> Elementwise.sigmoid(x);
      case "Tanh" -> Elementwise.tanh(x);
      case "Erf" -> Elementwise.erf(x);
      case "HardSwish" -> Elementwise.hardswish(x);
      default -> throw new IllegalStateException(node.opType());
    });
  }

  private static OnnxValue hardsigmoid(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("alpha", "beta");
    return OnnxValue.of(Elementwise.hardsigmoid(f32(node, in, 0), node.getFloat("alpha", 0.2f),
        node.getFloat("beta", 0.5f)));
  }

  private static OnnxValue gelu(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("approximate");
    String approximate = node.getString("approximate", "none");
    Elementwise.GeluApproximation a = switch (approximate) {
      case "none" -> Elementwise.GeluApproximation.NONE;
      case "tanh" -> Elementwise.GeluApproximation.TANH;
      default -> throw new UnsupportedOnnxException("Gelu: approximate=" + approximate);
    };
    return OnnxValue.of(Elementwise.gelu(f32(node, in, 0), a));
  }

  private static OnnxValue softmax(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("axis");
    Tensor x = f32(node, in, 0);
    if (node.opset() >= 13) {
      return OnnxValue.of(Normalization.softmax(x, (int) node.getInt("axis", -1)));
    }
    // Before opset 13 the input is coerced to 2-D at axis and softmax runs over the whole second part.
    Tensor flat = Layout.flatten(x, (int) node.getInt("axis", 1));
    return OnnxValue.of(Normalization.softmax(flat, 1).reshape(x.shape()));
  }

  // ---- pooling and normalisation ---------------------------------------------------------------------------

  private static OnnxValue pool(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    boolean max = node.opType().equals("MaxPool");
    if (max) {
      node.allowAttributes("auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "storage_order", "strides");
      node.allowOutputs(1, "Indices output");
    } else {
      node.allowAttributes("auto_pad", "ceil_mode", "count_include_pad", "dilations", "kernel_shape", "pads",
          "strides");
    }
    OnnxValue x = max ? typed(node, in, 0, DataType.FLOAT, DataType.INT8, DataType.UINT8)
        : typed(node, in, 0, DataType.FLOAT);
    int[] shape = x.tensor().shape();
    if (!node.has("kernel_shape")) {
      throw new UnsupportedOnnxException(node.opType() + ": no kernel_shape");
    }
    Window win = window(node, shape, null);
    Pool2dOptions o = Pool2dOptions.of(win.kernel(), win.strides(), win.pads(), win.dilations(),
        node.getInt("ceil_mode", 0) != 0, node.getInt("count_include_pad", 0) != 0);
    Tensor t = win.oneD() ? to2d(x.tensor()) : x.tensor();
    Tensor y = max ? Pooling.maxPool2d(t, o) : Pooling.avgPool2d(t, o);
    return new OnnxValue(from2d(y, win), x.onnxType());
  }

  private static OnnxValue globalAveragePool(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes();
    return OnnxValue.of(Pooling.globalAvgPool(f32(node, in, 0)));
  }

  private static OnnxValue batchNorm(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("epsilon", "momentum", "spatial", "training_mode", "is_test", "consumed_inputs");
    if (node.getInt("training_mode", 0) != 0) {
      throw new UnsupportedOnnxException("BatchNormalization: training_mode=1");
    }
    if (node.getInt("spatial", 1) != 1) {
      throw new UnsupportedOnnxException("BatchNormalization: spatial=0");
    }
    node.allowOutputs(1, "training outputs (running mean/var)");
    return OnnxValue.of(Normalization.batchNorm(f32(node, in, 0), f32(node, in, 1), f32(node, in, 2),
        f32(node, in, 3), f32(node, in, 4), node.getFloat("epsilon", 1e-5f)));
  }

  private static List<OnnxValue> layerNorm(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("axis", "epsilon", "stash_type");
    if (node.getInt("stash_type", 1) != 1) {
      throw new UnsupportedOnnxException("LayerNormalization: stash_type other than float");
    }
    Tensor x = f32(node, in, 0);
    int axis = (int) node.getInt("axis", -1);
    float eps = node.getFloat("epsilon", 1e-5f);
    Tensor scale = f32(node, in, 1);
    Tensor bias = input(in, 2) == null ? null : f32(node, in, 2);
    List<OnnxValue> out = new ArrayList<>();
    out.add(OnnxValue.of(Normalization.layerNorm(x, axis, eps, scale, bias)));
    if (node.outputs().size() > 1) {
      // The optional statistics outputs, shaped X.shape[:axis] + [1] * (rank - axis).
      int ax = axis < 0 ? axis + x.rank() : axis;
      int[] shape = x.shape();
      int group = 1;
      for (int i = ax; i < shape.length; i++) {
        group *= shape[i];
        shape[i] = 1;
      }
      double[][] stats = Normalization.meanAndInvStd(x, group, eps, false);
      for (double[] s : stats) {
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
          f[i] = (float) s[i];
        }
        out.add(OnnxValue.of(Tensor.wrapFloats(shape, f)));
      }
    }
    return out.subList(0, node.outputs().size());
  }

  // ---- layout -----------------------------------------------------------------------------------------------

  private static OnnxValue reshape(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    OnnxValue x = in.get(0);
    long[] target;
    if (node.opset() < 5) {
      node.allowAttributes("shape");
      target = node.getInts("shape");
    } else {
      node.allowAttributes("allowzero");
      target = typed(node, in, 1, DataType.INT64).tensor().toLongArray();
    }
    boolean allowZero = node.getInt("allowzero", 0) != 0;
    int[] shape = new int[target.length];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = target[i] == 0 && !allowZero ? x.tensor().dim(i) : Math.toIntExact(target[i]);
    }
    return new OnnxValue(Layout.reshape(x.tensor(), shape), x.onnxType());
  }

  private static OnnxValue flatten(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("axis");
    OnnxValue x = in.get(0);
    return new OnnxValue(Layout.flatten(x.tensor(), (int) node.getInt("axis", 1)), x.onnxType());
  }

  /** Squeeze and Unsqueeze are reshapes. */
  private static OnnxValue squeeze(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    OnnxValue x = in.get(0);
    long[] axes;
    if (node.opset() < 13) {
      node.allowAttributes("axes");
      axes = node.getInts("axes");
    } else {
      node.allowAttributes();
      axes = input(in, 1) == null ? null : typed(node, in, 1, DataType.INT64).tensor().toLongArray();
    }
    int[] s = x.tensor().shape();
    List<Integer> shape = new ArrayList<>();
    if (node.opType().equals("Squeeze")) {
      boolean[] drop = new boolean[s.length];
      for (int i = 0; i < s.length; i++) {
        drop[i] = axes == null && s[i] == 1;
      }
      for (long a : axes == null ? new long[0] : axes) {
        drop[(int) (a < 0 ? a + s.length : a)] = true;
      }
      for (int i = 0; i < s.length; i++) {
        if (!drop[i]) {
          shape.add(s[i]);
        }
      }
    } else {
      if (axes == null) {
        throw new UnsupportedOnnxException("Unsqueeze: no axes");
      }
      int rank = s.length + axes.length;
      boolean[] inserted = new boolean[rank];
      for (long a : axes) {
        inserted[(int) (a < 0 ? a + rank : a)] = true;
      }
      for (int i = 0, j = 0; i < rank; i++) {
        shape.add(inserted[i] ? 1 : s[j++]);
      }
    }
    int[] target = shape.stream().mapToInt(Integer::intValue).toArray();
    return new OnnxValue(Layout.reshape(x.tensor(), target), x.onnxType());
  }

  private static OnnxValue transpose(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("perm");
    OnnxValue x = in.get(0);
    int rank = x.tensor().rank();
    int[] reversed = new int[rank];
    for (int i = 0; i < rank; i++) {
      reversed[i] = rank - 1 - i;
    }
    return new OnnxValue(Layout.transpose(x.tensor(), node.getIntArray("perm", reversed)), x.onnxType());
  }

  private static OnnxValue concat(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("axis");
    List<Tensor> ts = new ArrayList<>();
    for (OnnxValue v : in) {
      if (v.onnxType() != in.get(0).onnxType()) {
        throw new UnsupportedOnnxException("Concat: mixed dtypes");
      }
      ts.add(v.tensor());
    }
    return new OnnxValue(Layout.concat(ts, (int) node.getInt("axis", 1)), in.get(0).onnxType());
  }

  private static OnnxValue slice(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    OnnxValue x = in.get(0);
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps = null;
    if (node.opset() < 10) {
      node.allowAttributes("starts", "ends", "axes");
      starts = node.getInts("starts");
      ends = node.getInts("ends");
      axes = node.getInts("axes");
    } else {
      node.allowAttributes();
      starts = ints(node, in, 1);
      ends = ints(node, in, 2);
      axes = input(in, 3) == null ? null : ints(node, in, 3);
      steps = input(in, 4) == null ? null : ints(node, in, 4);
    }
    int[] ax = new int[starts.length];
    for (int i = 0; i < ax.length; i++) {
      ax[i] = axes == null ? i : Math.toIntExact(axes[i]);
    }
    if (steps == null) {
      steps = new long[starts.length];
      Arrays.fill(steps, 1);
    }
    return new OnnxValue(Layout.slice(x.tensor(), starts, ends, ax, steps), x.onnxType());
  }

  private static List<OnnxValue> split(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    OnnxValue x = in.get(0);
    long[] sizes;
    if (node.opset() < 13) {
      node.allowAttributes("axis", "split");
      sizes = node.getInts("split");
    } else {
      node.allowAttributes("axis");
      sizes = input(in, 1) == null ? null : ints(node, in, 1);
    }
    int axis = (int) node.getInt("axis", 0);
    int parts = node.outputs().size();
    List<Tensor> pieces = sizes == null ? Layout.splitEqual(x.tensor(), axis, parts)
        : Layout.split(x.tensor(), axis, Arrays.stream(sizes).mapToInt(Math::toIntExact).toArray());
    List<OnnxValue> out = new ArrayList<>();
    for (Tensor t : pieces) {
      out.add(new OnnxValue(t, x.onnxType()));
    }
    return out;
  }

  private static OnnxValue pad(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    OnnxValue x = in.get(0);
    long[] pads;
    double value = 0;
    if (node.opset() < 11) {
      node.allowAttributes("mode", "pads", "paddings", "value");
      pads = node.getInts(node.has("pads") ? "pads" : "paddings");
      value = node.getFloat("value", 0);
    } else {
      node.allowAttributes("mode");
      if (input(in, 3) != null) {
        throw new UnsupportedOnnxException("Pad: axes input");
      }
      pads = ints(node, in, 1);
      if (input(in, 2) != null) {
        value = typed(node, in, 2, x.onnxType()).tensor().getAsDouble(0);
      }
    }
    if (x.isUint8()) {
      throw new UnsupportedOnnxException("Pad: dtype UINT8");
    }
    String mode = node.getString("mode", "constant");
    Layout.PadMode m = switch (mode) {
      case "constant" -> Layout.PadMode.CONSTANT;
      case "reflect" -> Layout.PadMode.REFLECT;
      case "edge" -> Layout.PadMode.EDGE;
      default -> throw new UnsupportedOnnxException("Pad: mode=" + mode);
    };
    int[] p = Arrays.stream(pads).mapToInt(Math::toIntExact).toArray();
    return new OnnxValue(Layout.pad(x.tensor(), p, m, value), x.onnxType());
  }

  private static OnnxValue gather(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("axis");
    OnnxValue x = in.get(0);
    OnnxValue idx = typed(node, in, 1, DataType.INT32, DataType.INT64);
    return new OnnxValue(Layout.gather(x.tensor(), idx.tensor(), (int) node.getInt("axis", 0)), x.onnxType());
  }

  private static List<OnnxValue> identity(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes();
    return one(in.get(0));
  }

  private static OnnxValue constant(OnnxNode node) throws UnsupportedOnnxException {
    node.allowAttributes("value", "value_float", "value_floats", "value_int", "value_ints");
    AttributeProto a = node.proto().getAttribute(0);
    return switch (a.getName()) {
      case "value" -> OnnxValue.fromProto(a.getT());
      case "value_float" -> OnnxValue.of(Tensor.scalar(a.getF()));
      case "value_floats" -> {
        float[] f = new float[a.getFloatsCount()];
        for (int i = 0; i < f.length; i++) {
          f[i] = a.getFloats(i);
        }
        yield OnnxValue.of(Tensor.wrapFloats(new int[] {f.length}, f));
      }
      case "value_int" -> OnnxValue.of(Tensor.ofLongs(new int[0], a.getI()));
      default -> OnnxValue.of(Tensor.ofLongs(new int[] {a.getIntsCount()},
          a.getIntsList().stream().mapToLong(Long::longValue).toArray()));
    };
  }

  // ---- quantization -----------------------------------------------------------------------------------------

  private static OnnxValue quantizeLinear(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("axis");
    Tensor x = f32(node, in, 0);
    Tensor scales = f32(node, in, 1);
    OnnxValue zero = input(in, 2);
    DataType outType = zero == null ? DataType.UINT8 : zero.onnxType();
    if (outType != DataType.INT8 && outType != DataType.UINT8) {
      throw new UnsupportedOnnxException("QuantizeLinear: output dtype " + outType);
    }
    int shift = outType == DataType.UINT8 ? OnnxValue.UINT8_SHIFT : 0;
    Tensor zeros = zero == null ? Tensor.ofI8(new int[0], (byte) -shift) : zero.tensor();
    Tensor y = perAxis(node, x, scales, zeros,
        (part, i) -> Quantization.quantize(part, scales.floatAt(i), (int) zeros.getAsLong(i)));
    return new OnnxValue(y, outType);
  }

  private static OnnxValue dequantizeLinear(OnnxNode node, List<OnnxValue> in) throws UnsupportedOnnxException {
    node.allowAttributes("axis");
    OnnxValue x = typed(node, in, 0, DataType.INT8, DataType.UINT8, DataType.INT32);
    Tensor scales = f32(node, in, 1);
    OnnxValue zero = input(in, 2);
    if (zero != null && zero.onnxType() != x.onnxType()) {
      throw new UnsupportedOnnxException("DequantizeLinear: zero point dtype differs from input");
    }
    int dflt = x.isUint8() ? -OnnxValue.UINT8_SHIFT : 0;
    Tensor zeros = zero == null ? Tensor.ofInts(new int[0], dflt) : zero.tensor();
    Tensor y = perAxis(node, x.tensor(), scales, zeros,
        (part, i) -> Quantization.dequantize(part, scales.floatAt(i), (int) zeros.getAsLong(i)));
    return OnnxValue.of(y);
  }

  /** A per-tensor operation on one slice, with the index of that slice's scale and zero point. */
  private interface SliceOp {
    Tensor apply(Tensor part, int index);
  }

  /**
   * Applies a per-tensor operation once (scalar scale) or per slice along the node's axis (1-D scale), then
   * concatenates: how per-axis quantization is expressed with per-tensor {@code nn} ops.
   */
  private static Tensor perAxis(OnnxNode node, Tensor x, Tensor scales, Tensor zeros, SliceOp f)
      throws UnsupportedOnnxException {
    if (scales.size() == 1) {
      if (zeros.size() != 1) {
        throw new UnsupportedOnnxException(node.opType() + ": zero point and scale differ in shape");
      }
      return f.apply(x, 0);
    }
    if (scales.rank() != 1 || zeros.size() != scales.size()) {
      throw new UnsupportedOnnxException(node.opType() + ": scale of rank > 1");
    }
    int axis = Math.floorMod((int) node.getInt("axis", 1), x.rank());
    if (x.dim(axis) != scales.size()) {
      throw new UnsupportedOnnxException(node.opType() + ": scale length differs from the axis");
    }
    List<Tensor> parts = new ArrayList<>();
    for (int i = 0; i < scales.size(); i++) {
      parts.add(f.apply(Layout.slice(x, new long[] {i}, new long[] {i + 1}, new int[] {axis}, new long[] {1}), i));
    }
    return Layout.concat(parts, axis);
  }

  // ---- operand helpers ----------------------------------------------------------------------------------------

  private static OnnxValue input(List<OnnxValue> in, int i) {
    return i < in.size() ? in.get(i) : null;
  }

  private static OnnxValue typed(OnnxNode node, List<OnnxValue> in, int i, DataType... allowed)
      throws UnsupportedOnnxException {
    OnnxValue v = input(in, i);
    if (v == null) {
      throw new UnsupportedOnnxException(node.opType() + ": missing input " + i);
    }
    for (DataType t : allowed) {
      if (v.onnxType() == t) {
        return v;
      }
    }
    throw new UnsupportedOnnxException(node.opType() + ": dtype " + v.onnxType());
  }

  private static Tensor f32(OnnxNode node, List<OnnxValue> in, int i) throws UnsupportedOnnxException {
    return typed(node, in, i, DataType.FLOAT).tensor();
  }

  private static OnnxValue quantized(OnnxNode node, List<OnnxValue> in, int i) throws UnsupportedOnnxException {
    return typed(node, in, i, DataType.INT8, DataType.UINT8);
  }

  private static long[] ints(OnnxNode node, List<OnnxValue> in, int i) throws UnsupportedOnnxException {
    return typed(node, in, i, DataType.INT32, DataType.INT64).tensor().toLongArrayWidened();
  }

  private static float scale(OnnxNode node, OnnxValue s) throws UnsupportedOnnxException {
    if (s == null || s.onnxType() != DataType.FLOAT) {
      throw new UnsupportedOnnxException(node.opType() + ": scale must be f32");
    }
    if (s.tensor().size() != 1) {
      throw new UnsupportedOnnxException(node.opType() + ": per-channel scale");
    }
    return s.tensor().floatAt(0);
  }

  /**
   * The zero point of {@code of} in the runtime's (shifted for uint8) domain: absent means ONNX's 0; present
   * it must be a single element of the same dtype.
   */
  private static int zeroPoint(OnnxNode node, OnnxValue zero, OnnxValue of) throws UnsupportedOnnxException {
    if (zero == null) {
      return of.isUint8() ? -OnnxValue.UINT8_SHIFT : 0;
    }
    if (zero.onnxType() != of.onnxType()) {
      throw new UnsupportedOnnxException(node.opType() + ": zero point dtype differs from its operand");
    }
    if (zero.tensor().size() != 1) {
      throw new UnsupportedOnnxException(node.opType() + ": per-channel zero point");
    }
    return (int) zero.tensor().getAsLong(0);
  }

  private static int[] spatialDims(Tensor w) {
    int[] s = w.shape();
    return Arrays.copyOfRange(s, 2, s.length);
  }

  private static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }
}

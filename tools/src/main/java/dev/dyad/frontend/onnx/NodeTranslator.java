package dev.dyad.frontend.onnx;

import static dev.dyad.frontend.onnx.OnnxNode.filled;

import dev.dyad.dialect.nn.AddOp;
import dev.dyad.dialect.nn.AvgPool2dOp;
import dev.dyad.dialect.nn.BatchNormOp;
import dev.dyad.dialect.nn.ClipOp;
import dev.dyad.dialect.nn.ConcatOp;
import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.dialect.nn.Conv2dOp;
import dev.dyad.dialect.nn.DequantizeOp;
import dev.dyad.dialect.nn.DivOp;
import dev.dyad.dialect.nn.FlattenOp;
import dev.dyad.dialect.nn.GatherOp;
import dev.dyad.dialect.nn.GeluOp;
import dev.dyad.dialect.nn.GlobalAvgPoolOp;
import dev.dyad.dialect.nn.HardSigmoidOp;
import dev.dyad.dialect.nn.HardSwishOp;
import dev.dyad.dialect.nn.LayerNormOp;
import dev.dyad.dialect.nn.LinearOp;
import dev.dyad.dialect.nn.MatmulOp;
import dev.dyad.dialect.nn.MaxPool2dOp;
import dev.dyad.dialect.nn.MulOp;
import dev.dyad.dialect.nn.PadOp;
import dev.dyad.dialect.nn.QuantizeOp;
import dev.dyad.dialect.nn.ReluOp;
import dev.dyad.dialect.nn.RequantizeOp;
import dev.dyad.dialect.nn.ReshapeOp;
import dev.dyad.dialect.nn.RmsNormOp;
import dev.dyad.dialect.nn.SigmoidOp;
import dev.dyad.dialect.nn.SliceOp;
import dev.dyad.dialect.nn.SoftmaxOp;
import dev.dyad.dialect.nn.SplitOp;
import dev.dyad.dialect.nn.SubOp;
import dev.dyad.dialect.nn.TanhOp;
import dev.dyad.dialect.nn.TransposeOp;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.onnx.Onnx.AttributeProto;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Translates one ONNX node into {@code nn} ops at the builder's insertion point. Each translation reads the
 * node's attributes and import-time constant inputs into op properties, and reports anything {@code nn} cannot
 * express exactly as an {@link UnsupportedOnnxException}, never approximating it.
 */
final class NodeTranslator {
  private final Builder builder;
  private OnnxNode node;
  private Location loc = Location.UNKNOWN;

  NodeTranslator(Builder builder) {
    this.builder = builder;
  }

  /**
   * The values of {@code node}'s outputs (null for omitted optional ones), given its inputs (null where an
   * optional input is omitted).
   */
  List<GraphValue> translate(OnnxNode node, List<GraphValue> in, Location loc) throws OnnxImportException {
    this.node = node;
    this.loc = loc;
    try {
      return dispatch(in);
    } catch (IllegalArgumentException e) {
      // An nn builder refused the operands: a dtype or shape combination that ONNX allows and nn does not.
      throw new UnsupportedOnnxException("rejected by nn", e.getMessage(), null);
    }
  }

  private List<GraphValue> dispatch(List<GraphValue> in) throws OnnxImportException {
    String op = node.opType();
    return switch (op) {
      case "Conv" -> conv(in);
      case "ConvInteger" -> convInteger(in);
      case "QLinearConv" -> qlinearConv(in);
      case "Gemm" -> gemm(in);
      case "MatMul" -> matmul(in);
      case "MatMulInteger" -> matmulInteger(in);
      case "QLinearMatMul" -> qlinearMatmul(in);
      case "Add", "Sub", "Mul", "Div" -> binary(in);
      case "Relu" -> relu(in);
      case "Clip" -> clip(in);
      case "Sigmoid", "Tanh", "HardSwish" -> unaryF32(in);
      case "HardSigmoid" -> hardsigmoid(in);
      case "Gelu" -> gelu(in);
      case "Softmax" -> softmax(in);
      case "MaxPool", "AveragePool" -> pool(in);
      case "GlobalAveragePool" -> globalAveragePool(in);
      case "BatchNormalization" -> batchNorm(in);
      case "LayerNormalization" -> layerNorm(in);
      case "Reshape" -> reshape(in);
      case "Flatten" -> flatten(in);
      case "Squeeze", "Unsqueeze" -> squeeze(in);
      case "Identity" -> identity(in);
      case "Transpose" -> transpose(in);
      case "Concat" -> concat(in);
      case "Slice" -> slice(in);
      case "Split" -> split(in);
      case "Pad" -> pad(in);
      case "Gather" -> gather(in);
      case "QuantizeLinear" -> quantizeLinear(in);
      case "DequantizeLinear" -> dequantizeLinear(in);
      case "Constant" -> constant();
      default -> throw new UnsupportedOnnxException("no nn translation");
    };
  }

  // ---- convolution and matrix products ---------------------------------------------------------------------

  /** A convolution's or pooling's window in nn's 2-D form; a 1-D one has height 1. */
  private record Window(long[] kernel, long[] strides, long[] pads, long[] dilations, boolean oneD) {}

  /**
   * Reads kernel_shape/strides/pads/dilations/auto_pad for a rank-3 (1-D) or rank-4 (2-D) input; auto_pad
   * becomes explicit pads, and 1-D windows become 2-D ones of height 1.
   */
  private Window window(long[] xShape, long[] kernel) throws UnsupportedOnnxException {
    int spatial = xShape.length - 2;
    if (spatial == 3) {
      throw new UnsupportedOnnxException("3-D (rank-5) input");
    }
    if (spatial != 1 && spatial != 2) {
      throw new UnsupportedOnnxException("rank-" + xShape.length + " input");
    }
    long[] k = node.getInts("kernel_shape", kernel);
    if (k == null) {
      throw new UnsupportedOnnxException("no kernel_shape");
    }
    if (k.length != spatial || (kernel != null && !Arrays.equals(k, kernel))) {
      throw new UnsupportedOnnxException("kernel_shape inconsistent with the weight");
    }
    long[] strides = node.getInts("strides", filled(spatial, 1));
    long[] dilations = node.getInts("dilations", filled(spatial, 1));
    long[] pads = node.getInts("pads", filled(2 * spatial, 0));
    if (strides.length != spatial || dilations.length != spatial || pads.length != 2 * spatial) {
      throw new UnsupportedOnnxException("strides, dilations or pads of the wrong length");
    }
    String autoPad = node.getString("auto_pad", "NOTSET");
    switch (autoPad) {
      case "NOTSET" -> { }
      case "VALID" -> pads = filled(2 * spatial, 0);
      case "SAME_UPPER", "SAME_LOWER" -> {
        if (node.getInt("ceil_mode", 0) != 0) {
          throw new UnsupportedOnnxException("auto_pad with ceil_mode");
        }
        pads = samePads(xShape, k, strides, dilations, autoPad.equals("SAME_UPPER"));
      }
      default -> throw new UnsupportedOnnxException("auto_pad=" + autoPad);
    }
    if (spatial == 1) {
      return new Window(new long[] {1, k[0]}, new long[] {1, strides[0]}, new long[] {0, pads[0], 0, pads[1]},
          new long[] {1, dilations[0]}, true);
    }
    return new Window(k, strides, pads, dilations, false);
  }

  /**
   * ONNX's SAME padding: the output has {@code ceil(in / stride)} elements; the total padding that needs is
   * split evenly, the odd one going to the end (SAME_UPPER) or the beginning (SAME_LOWER).
   */
  static long[] samePads(long[] xShape, long[] kernel, long[] strides, long[] dilations, boolean upper) {
    int spatial = kernel.length;
    long[] pads = new long[2 * spatial];
    for (int i = 0; i < spatial; i++) {
      long in = xShape[2 + i];
      long out = (in + strides[i] - 1) / strides[i];
      long total = Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - in);
      long small = total / 2;
      pads[i] = upper ? small : total - small;
      pads[i + spatial] = total - pads[i];
    }
    return pads;
  }

  /**
   * An NCW activation or OIW weight as NC1W / OI1W for a 1-D window (a constant weight becomes a constant of
   * that shape); unchanged otherwise.
   */
  private Value to2d(GraphValue v, Window w) {
    if (!w.oneD()) {
      return use(v);
    }
    long[] s = v.shape();
    if (v.value == null) {
      int[] shape = {(int) s[0], (int) s[1], 1, (int) s[2]};
      return constant(new OnnxTensor(v.constant.tensor().reshape(shape), v.onnxType));
    }
    return reshape(use(v), s[0], s[1], 1, s[2]);
  }

  private Value from2d(Value y, Window w) {
    if (!w.oneD()) {
      return y;
    }
    long[] s = shape(y);
    return reshape(y, s[0], s[1], s[3]);
  }

  private long[] weightWindow(GraphValue x, GraphValue w) throws UnsupportedOnnxException {
    if (w.rank() != x.rank()) {
      throw new UnsupportedOnnxException("weight rank differs from the input rank");
    }
    long[] s = w.shape();
    return Arrays.copyOfRange(s, 2, s.length);
  }

  private List<GraphValue> conv(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
    GraphValue x = typed(in, 0, DataType.FLOAT);
    GraphValue w = typed(in, 1, DataType.FLOAT);
    GraphValue bias = optionalTyped(in, 2, DataType.FLOAT);
    Window win = window(x.shape(), weightWindow(x, w));
    OpResult y = Conv2dOp.create(builder, loc, to2d(x, win), to2d(w, win), bias == null ? null : use(bias),
        win.strides(), win.pads(), win.dilations(), node.getInt("group", 1)).output();
    return one(from2d(y, win), DataType.FLOAT);
  }

  private List<GraphValue> convInteger(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
    GraphValue x = typed(in, 0, DataType.INT8, DataType.UINT8);
    GraphValue w = typed(in, 1, DataType.INT8, DataType.UINT8);
    long xZero = zeroPoint(in, 2, x);
    long wZero = zeroPoint(in, 3, w);
    return one(integerConv(x, w, null, xZero, wZero), DataType.INT32);
  }

  private Value integerConv(GraphValue x, GraphValue w, GraphValue bias, long xZero, long wZero)
      throws UnsupportedOnnxException {
    Window win = window(x.shape(), weightWindow(x, w));
    OpResult y = Conv2dOp.createQuantized(builder, loc, to2d(x, win), to2d(w, win), bias == null ? null : use(bias),
        win.strides(), win.pads(), win.dilations(), node.getInt("group", 1), xZero, wZero).output();
    return from2d(y, win);
  }

  /** QLinearConv: the quantized convolution (i32 accumulation with the i32 bias), then a requantization. */
  private List<GraphValue> qlinearConv(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
    GraphValue x = typed(in, 0, DataType.INT8, DataType.UINT8);
    GraphValue w = typed(in, 3, DataType.INT8, DataType.UINT8);
    GraphValue bias = optionalTyped(in, 8, DataType.INT32);
    Value acc = integerConv(x, w, bias, zeroPoint(in, 2, x), zeroPoint(in, 5, w));
    return requantizeOutput(acc, scale(in, 1, "x_scale"), scale(in, 4, "w_scale"), scale(in, 6, "y_scale"), in, 7);
  }

  /** Requantizes an i32 accumulator with multiplier {@code sa * sb / sy} to the type of input {@code zeroIndex}. */
  private List<GraphValue> requantizeOutput(Value acc, float sa, float sb, float sy, List<GraphValue> in,
      int zeroIndex) throws OnnxImportException {
    GraphValue yZero = typed(in, zeroIndex, DataType.INT8, DataType.UINT8);
    double multiplier = (double) sa * sb / sy;
    Value y = RequantizeOp.create(builder, loc, acc, multiplier, zeroPoint(in, zeroIndex, yZero)).output();
    return one(y, yZero.onnxType);
  }

  /**
   * Gemm {@code alpha · op(A) · op(B) + beta · C}: {@code nn.linear} when B is transposed (a [N, K] weight) and
   * {@code nn.matmul} otherwise, then a multiplication by alpha and the addition of {@code beta · C} where they
   * are not the identity; a 1-D C becomes the linear op's bias when alpha and beta are 1.
   */
  private List<GraphValue> gemm(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("alpha", "beta", "transA", "transB", "broadcast");
    GraphValue a = typed(in, 0, DataType.FLOAT);
    GraphValue bm = typed(in, 1, DataType.FLOAT);
    GraphValue c = optionalTyped(in, 2, DataType.FLOAT);
    if (a.rank() != 2 || bm.rank() != 2) {
      throw new UnsupportedOnnxException("operands of rank other than 2");
    }
    boolean transA = node.getInt("transA", 0) != 0;
    boolean transB = node.getInt("transB", 0) != 0;
    float alpha = node.getFloat("alpha", 1);
    float beta = node.getFloat("beta", 1);
    boolean linear = !transA && transB;
    boolean fuseBias = linear && c != null && alpha == 1 && beta == 1 && c.rank() == 1
        && c.shape()[0] == bm.shape()[0];
    Value y = linear
        ? LinearOp.create(builder, loc, use(a), use(bm), fuseBias ? use(c) : null).output()
        : MatmulOp.create(builder, loc, use(a), use(bm), transA, transB).output();
    if (alpha != 1) {
      y = MulOp.create(builder, loc, y, scalar(alpha)).output();
    }
    if (c != null && !fuseBias) {
      Value cv = use(c);
      if (beta != 1) {
        cv = MulOp.create(builder, loc, cv, scalar(beta)).output();
      }
      y = AddOp.create(builder, loc, y, cv).output();
    }
    return one(y, DataType.FLOAT);
  }

  private List<GraphValue> matmul(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes();
    GraphValue a = typed(in, 0, DataType.FLOAT);
    GraphValue bm = typed(in, 1, DataType.FLOAT);
    return one(matmulNd(a, bm, (av, bv) -> MatmulOp.create(builder, loc, av, bv, false, false).output()),
        DataType.FLOAT);
  }

  private interface Product {
    Value apply(Value a, Value b);
  }

  /**
   * ONNX MatMul's numpy semantics on nn.matmul (rank ≥ 2): a 1-D left operand is a row [1, K] and a 1-D right
   * one a column [K, 1], and the dimension each adds is removed from the result.
   */
  private Value matmulNd(GraphValue a, GraphValue bm, Product product) throws UnsupportedOnnxException {
    if (a.rank() == 0 || bm.rank() == 0) {
      throw new UnsupportedOnnxException("rank-0 operand");
    }
    boolean rowVector = a.rank() == 1;
    boolean columnVector = bm.rank() == 1;
    Value av = rowVector ? reshape(use(a), 1, a.shape()[0]) : use(a);
    Value bv = columnVector ? reshape(use(bm), bm.shape()[0], 1) : use(bm);
    Value y = product.apply(av, bv);
    if (!rowVector && !columnVector) {
      return y;
    }
    long[] s = shape(y);
    List<Long> dims = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      boolean added = (rowVector && i == s.length - 2) || (columnVector && i == s.length - 1);
      if (!added) {
        dims.add(s[i]);
      }
    }
    return reshape(y, dims.stream().mapToLong(Long::longValue).toArray());
  }

  private List<GraphValue> matmulInteger(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes();
    GraphValue a = typed(in, 0, DataType.INT8, DataType.UINT8);
    GraphValue bm = typed(in, 1, DataType.INT8, DataType.UINT8);
    long aZero = zeroPoint(in, 2, a);
    long bZero = zeroPoint(in, 3, bm);
    return one(matmulNd(a, bm, (av, bv) -> MatmulOp.createQuantized(builder, loc, av, bv, false, false, aZero, bZero)
        .output()), DataType.INT32);
  }

  private List<GraphValue> qlinearMatmul(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes();
    GraphValue a = typed(in, 0, DataType.INT8, DataType.UINT8);
    GraphValue bm = typed(in, 3, DataType.INT8, DataType.UINT8);
    long aZero = zeroPoint(in, 2, a);
    long bZero = zeroPoint(in, 5, bm);
    Value acc = matmulNd(a, bm, (av, bv) -> MatmulOp.createQuantized(builder, loc, av, bv, false, false, aZero,
        bZero).output());
    return requantizeOutput(acc, scale(in, 1, "a_scale"), scale(in, 4, "b_scale"), scale(in, 6, "y_scale"), in, 7);
  }

  // ---- elementwise ------------------------------------------------------------------------------------------

  /**
   * Add/Sub/Mul/Div with numpy broadcasting. ONNX integer arithmetic wraps where nn's saturates: the results
   * agree unless a value overflows.
   */
  private List<GraphValue> binary(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes();
    GraphValue a = typed(in, 0, DataType.FLOAT, DataType.INT8, DataType.INT32);
    GraphValue c = typed(in, 1, a.onnxType);
    Value l = use(a);
    Value r = use(c);
    Value y = switch (node.opType()) {
      case "Add" -> AddOp.create(builder, loc, l, r).output();
      case "Sub" -> SubOp.create(builder, loc, l, r).output();
      case "Mul" -> MulOp.create(builder, loc, l, r).output();
      default -> DivOp.create(builder, loc, l, r).output();
    };
    return one(y, a.onnxType);
  }

  private List<GraphValue> relu(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes();
    GraphValue x = typed(in, 0, DataType.FLOAT, DataType.INT8);
    return one(ReluOp.create(builder, loc, use(x)).output(), x.onnxType);
  }

  /**
   * Clip with bounds from attributes (before opset 11) or constant inputs; a missing bound is the type's limit.
   * uint8 works on the shifted values because the bound constants are shifted alike.
   */
  private List<GraphValue> clip(List<GraphValue> in) throws OnnxImportException {
    GraphValue x = typed(in, 0, DataType.FLOAT, DataType.INT8, DataType.UINT8);
    boolean integer = x.onnxType != DataType.FLOAT;
    float min = integer ? Byte.MIN_VALUE : Float.NEGATIVE_INFINITY;
    float max = integer ? Byte.MAX_VALUE : Float.POSITIVE_INFINITY;
    if (node.opset() < 11) {
      node.allowAttributes("min", "max");
      min = node.getFloat("min", min);
      max = node.getFloat("max", max);
    } else {
      node.allowAttributes();
      if (input(in, 1) != null) {
        min = (float) scalarConstant(in, 1, "min", x.onnxType).getAsDouble(0);
      }
      if (input(in, 2) != null) {
        max = (float) scalarConstant(in, 2, "max", x.onnxType).getAsDouble(0);
      }
    }
    if (min > max) {
      throw new UnsupportedOnnxException("min greater than max");
    }
    return one(ClipOp.create(builder, loc, use(x), min, max).output(), x.onnxType);
  }

  private List<GraphValue> unaryF32(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes();
    Value x = use(typed(in, 0, DataType.FLOAT));
    Value y = switch (node.opType()) {
      case "Sigmoid" -> SigmoidOp.create(builder, loc, x).output();
      case "Tanh" -> TanhOp.create(builder, loc, x).output();
      default -> HardSwishOp.create(builder, loc, x).output();
    };
    return one(y, DataType.FLOAT);
  }

  private List<GraphValue> hardsigmoid(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("alpha", "beta");
    Value x = use(typed(in, 0, DataType.FLOAT));
    return one(HardSigmoidOp.create(builder, loc, x, node.getFloat("alpha", 0.2f), node.getFloat("beta", 0.5f))
        .output(), DataType.FLOAT);
  }

  private List<GraphValue> gelu(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("approximate");
    String approximate = node.getString("approximate", "none");
    if (!approximate.equals("none") && !approximate.equals("tanh")) {
      throw new UnsupportedOnnxException("approximate=" + approximate);
    }
    Value x = use(typed(in, 0, DataType.FLOAT));
    return one(GeluOp.create(builder, loc, x, approximate).output(), DataType.FLOAT);
  }

  /**
   * Softmax. Before opset 13 the input is coerced to 2-D at {@code axis} (default 1) and normalised over the
   * whole second part: flatten, softmax over axis 1, reshape back (just a softmax over the last axis when the
   * second part is the last dimension alone).
   */
  private List<GraphValue> softmax(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("axis");
    GraphValue x = typed(in, 0, DataType.FLOAT);
    if (node.opset() >= 13) {
      return one(SoftmaxOp.create(builder, loc, use(x), node.getInt("axis", -1)).output(), DataType.FLOAT);
    }
    int rank = x.rank();
    long axis = node.getInt("axis", 1);
    if (axis < -rank || axis >= rank) {
      throw new InvalidOnnxModelException("Softmax axis " + axis + " out of range for rank " + rank);
    }
    if (axis < 0) {
      axis += rank;
    }
    if (axis == rank - 1) {
      return one(SoftmaxOp.create(builder, loc, use(x), -1).output(), DataType.FLOAT);
    }
    Value flat = FlattenOp.create(builder, loc, use(x), axis).output();
    Value y = SoftmaxOp.create(builder, loc, flat, 1).output();
    return one(reshape(y, x.shape()), DataType.FLOAT);
  }

  // ---- pooling and normalisation ---------------------------------------------------------------------------

  private List<GraphValue> pool(List<GraphValue> in) throws OnnxImportException {
    boolean max = node.opType().equals("MaxPool");
    GraphValue x;
    if (max) {
      node.allowAttributes("auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "storage_order", "strides");
      node.allowOutputs(1, "Indices output");
      x = typed(in, 0, DataType.FLOAT, DataType.INT8, DataType.UINT8);
    } else {
      node.allowAttributes("auto_pad", "ceil_mode", "count_include_pad", "dilations", "kernel_shape", "pads",
          "strides");
      x = typed(in, 0, DataType.FLOAT);
    }
    Window win = window(x.shape(), null);
    boolean ceil = node.getInt("ceil_mode", 0) != 0;
    Value input = to2d(x, win);
    Value y;
    if (max) {
      y = MaxPool2dOp.create(builder, loc, input, win.kernel(), win.strides(), win.pads(), win.dilations(), ceil)
          .output();
    } else {
      if (Arrays.stream(win.dilations()).anyMatch(d -> d != 1)) {
        throw new UnsupportedOnnxException("dilations");
      }
      y = AvgPool2dOp.create(builder, loc, input, win.kernel(), win.strides(), win.pads(), ceil,
          node.getInt("count_include_pad", 0) != 0).output();
    }
    return one(from2d(y, win), x.onnxType);
  }

  private List<GraphValue> globalAveragePool(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes();
    GraphValue x = typed(in, 0, DataType.FLOAT);
    if (x.rank() != 3 && x.rank() != 4) {
      throw new UnsupportedOnnxException("rank-" + x.rank() + " input");
    }
    long[] s = x.shape();
    Value input = x.rank() == 3 ? reshape(use(x), s[0], s[1], 1, s[2]) : use(x);
    Value y = GlobalAvgPoolOp.create(builder, loc, input).output();
    return one(x.rank() == 3 ? reshape(y, s[0], s[1], 1) : y, DataType.FLOAT);
  }

  private List<GraphValue> batchNorm(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("epsilon", "momentum", "spatial", "training_mode", "is_test", "consumed_inputs");
    if (node.getInt("training_mode", 0) != 0) {
      throw new UnsupportedOnnxException("training_mode=1");
    }
    if (node.getInt("spatial", 1) != 1) {
      throw new UnsupportedOnnxException("spatial=0");
    }
    node.allowOutputs(1, "training outputs (running mean/var)");
    Value[] v = new Value[5];
    for (int i = 0; i < 5; i++) {
      v[i] = use(typed(in, i, DataType.FLOAT));
    }
    return one(BatchNormOp.create(builder, loc, v[0], v[1], v[2], v[3], v[4], node.getFloat("epsilon", 1e-5f))
        .output(), DataType.FLOAT);
  }

  /**
   * LayerNormalization is nn.layer_norm. Its optional statistics outputs, shaped {@code X.shape[:axis] + [1, ...]},
   * are built from nn ops over the rows {@code [outer, inner]} of X: the mean with a global average pool, and the
   * inverse standard deviation with an RMS norm (see {@link #inverseStdDev}).
   */
  private List<GraphValue> layerNorm(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("axis", "epsilon", "stash_type");
    if (node.getInt("stash_type", 1) != 1) {
      throw new UnsupportedOnnxException("stash_type other than float");
    }
    GraphValue x = typed(in, 0, DataType.FLOAT);
    GraphValue scale = typed(in, 1, DataType.FLOAT);
    GraphValue bias = optionalTyped(in, 2, DataType.FLOAT);
    long axis = node.getInt("axis", -1);
    float epsilon = node.getFloat("epsilon", 1e-5f);
    List<GraphValue> out = new ArrayList<>();
    out.add(result(0, LayerNormOp.create(builder, loc, use(x), use(scale), bias == null ? null : use(bias), axis,
        epsilon).output(), DataType.FLOAT));
    boolean wantMean = outputRequested(1);
    boolean wantInvStd = outputRequested(2);
    if (!wantMean && !wantInvStd) {
      return out;
    }
    int rank = x.rank();
    int ax = (int) (axis < 0 ? axis + rank : axis);
    long[] s = x.shape();
    long outer = 1;
    long inner = 1;
    long[] statShape = s.clone();
    for (int i = 0; i < rank; i++) {
      if (i < ax) {
        outer *= s[i];
      } else {
        inner *= s[i];
        statShape[i] = 1;
      }
    }
    Value rows = reshape(use(x), outer, inner);
    Value mean = reshape(GlobalAvgPoolOp.create(builder, loc, reshape(rows, 1, outer, inner, 1)).output(), outer, 1);
    out.add(wantMean ? result(1, reshape(mean, statShape), DataType.FLOAT) : null);
    if (wantInvStd) {
      out.add(result(2, reshape(inverseStdDev(rows, mean, outer, inner, epsilon), statShape), DataType.FLOAT));
    }
    return out;
  }

  /**
   * {@code 1 / sqrt(var + epsilon)} per row of {@code rows} [outer, k], from nn ops: with the centred rows
   * {@code c = rows - mean} and a constant column {@code g = sqrt(k·epsilon)}, the RMS norm (epsilon 0) of
   * {@code [c, g]} is {@code g / sqrt((Σc² + k·epsilon) / (k + 1))} at the column, which is
   * {@code sqrt((k + 1)·epsilon) / sqrt(var + epsilon)}; dividing by that constant leaves the result.
   */
  private Value inverseStdDev(Value rows, Value mean, long outer, long k, float epsilon)
      throws UnsupportedOnnxException {
    if (!(epsilon > 0)) {
      throw new UnsupportedOnnxException("InvStdDev output with epsilon <= 0");
    }
    Value centred = SubOp.create(builder, loc, rows, mean).output();
    float g = (float) Math.sqrt(k * (double) epsilon);
    float[] column = new float[Math.toIntExact(outer)];
    Arrays.fill(column, g);
    Value gs = constant(OnnxTensor.of(Tensor.wrapFloats(new int[] {column.length, 1}, column)));
    Value extended = ConcatOp.create(builder, loc, List.of(centred, gs), 1).output();
    Value normed = RmsNormOp.create(builder, loc, extended, null, 0f).output();
    Value last = SliceOp.create(builder, loc, normed, new long[] {k}, new long[] {k + 1}, new long[] {1},
        new long[] {1}).output();
    float factor = (float) (g * Math.sqrt((k + 1) / (double) k));
    return DivOp.create(builder, loc, last, scalar(factor)).output();
  }

  private boolean outputRequested(int i) {
    return i < node.outputs().size() && !node.outputs().get(i).isEmpty();
  }

  // ---- layout -----------------------------------------------------------------------------------------------

  private List<GraphValue> reshape(List<GraphValue> in) throws OnnxImportException {
    GraphValue x = required(in, 0);
    long[] target;
    if (node.opset() < 5) {
      node.allowAttributes("shape");
      target = node.getInts("shape");
      if (target == null) {
        throw new InvalidOnnxModelException("Reshape without a shape");
      }
    } else {
      node.allowAttributes("allowzero");
      target = constantInts(in, 1, "shape");
    }
    boolean allowZero = node.getInt("allowzero", 0) != 0;
    long[] shape = target.clone();
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == 0 && !allowZero) {
        if (i >= x.rank()) {
          throw new InvalidOnnxModelException("Reshape copies dimension " + i + " of a rank-" + x.rank() + " input");
        }
        shape[i] = x.shape()[i];
      }
    }
    return one(reshape(use(x), shape), x.onnxType);
  }

  private List<GraphValue> flatten(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("axis");
    GraphValue x = required(in, 0);
    return one(FlattenOp.create(builder, loc, use(x), node.getInt("axis", 1)).output(), x.onnxType);
  }

  /** Squeeze and Unsqueeze are reshapes. */
  private List<GraphValue> squeeze(List<GraphValue> in) throws OnnxImportException {
    GraphValue x = required(in, 0);
    long[] axes;
    if (node.opset() < 13) {
      node.allowAttributes("axes");
      axes = node.getInts("axes");
    } else {
      node.allowAttributes();
      axes = input(in, 1) == null ? null : constantInts(in, 1, "axes");
    }
    long[] s = x.shape();
    List<Long> shape = new ArrayList<>();
    if (node.opType().equals("Squeeze")) {
      boolean[] drop = new boolean[s.length];
      for (int i = 0; i < s.length; i++) {
        drop[i] = axes == null && s[i] == 1;
      }
      for (long a : axes == null ? new long[0] : axes) {
        int i = axis(a, s.length);
        if (s[i] != 1) {
          throw new InvalidOnnxModelException("Squeeze of dimension " + i + " of size " + s[i]);
        }
        drop[i] = true;
      }
      for (int i = 0; i < s.length; i++) {
        if (!drop[i]) {
          shape.add(s[i]);
        }
      }
    } else {
      if (axes == null) {
        throw new InvalidOnnxModelException("Unsqueeze without axes");
      }
      int rank = s.length + axes.length;
      boolean[] inserted = new boolean[rank];
      for (long a : axes) {
        inserted[axis(a, rank)] = true;
      }
      for (int i = 0, j = 0; i < rank; i++) {
        shape.add(inserted[i] ? 1 : s[j++]);
      }
    }
    return one(reshape(use(x), shape.stream().mapToLong(Long::longValue).toArray()), x.onnxType);
  }

  /** Identity is a reshape to the same shape, so that the node keeps an op of its own. */
  private List<GraphValue> identity(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes();
    GraphValue x = required(in, 0);
    return one(ReshapeOp.create(builder, loc, use(x), x.shape()).output(), x.onnxType);
  }

  private List<GraphValue> transpose(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("perm");
    GraphValue x = required(in, 0);
    long[] reversed = new long[x.rank()];
    for (int i = 0; i < reversed.length; i++) {
      reversed[i] = reversed.length - 1 - i;
    }
    return one(TransposeOp.create(builder, loc, use(x), node.getInts("perm", reversed)).output(), x.onnxType);
  }

  private List<GraphValue> concat(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("axis");
    if (!node.has("axis")) {
      throw new UnsupportedOnnxException("no axis");
    }
    GraphValue first = required(in, 0);
    List<Value> values = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      values.add(use(typed(in, i, first.onnxType)));
    }
    return one(ConcatOp.create(builder, loc, values, node.getInt("axis", 0)).output(), first.onnxType);
  }

  private List<GraphValue> slice(List<GraphValue> in) throws OnnxImportException {
    GraphValue x = required(in, 0);
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps;
    if (node.opset() < 10) {
      node.allowAttributes("starts", "ends", "axes");
      starts = node.getInts("starts");
      ends = node.getInts("ends");
      axes = node.getInts("axes");
      steps = null;
      if (starts == null || ends == null) {
        throw new InvalidOnnxModelException("Slice without starts or ends");
      }
    } else {
      node.allowAttributes();
      starts = constantInts(in, 1, "starts");
      ends = constantInts(in, 2, "ends");
      axes = input(in, 3) == null ? null : constantInts(in, 3, "axes");
      steps = input(in, 4) == null ? null : constantInts(in, 4, "steps");
    }
    if (axes == null) {
      axes = new long[starts.length];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = i;
      }
    }
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axis(axes[i], x.rank());
    }
    if (steps == null) {
      steps = filled(starts.length, 1);
    }
    return one(SliceOp.create(builder, loc, use(x), starts, ends, axes, steps).output(), x.onnxType);
  }

  private List<GraphValue> split(List<GraphValue> in) throws OnnxImportException {
    GraphValue x = required(in, 0);
    long[] sizes;
    if (node.opset() < 13) {
      node.allowAttributes("axis", "split");
      sizes = node.getInts("split");
    } else {
      node.allowAttributes("axis");
      sizes = input(in, 1) == null ? null : constantInts(in, 1, "split");
    }
    int axis = axis(node.getInt("axis", 0), x.rank());
    int parts = node.outputs().size();
    if (sizes == null) {
      long dim = x.shape()[axis];
      if (parts == 0 || dim % parts != 0) {
        throw new UnsupportedOnnxException("unequal parts", dim + " into " + parts, null);
      }
      sizes = filled(parts, dim / parts);
    }
    List<GraphValue> out = new ArrayList<>();
    List<OpResult> results = SplitOp.create(builder, loc, use(x), axis, sizes).outputs();
    for (int i = 0; i < results.size(); i++) {
      out.add(result(i, results.get(i), x.onnxType));
    }
    return out;
  }

  private List<GraphValue> pad(List<GraphValue> in) throws OnnxImportException {
    GraphValue x = required(in, 0);
    long[] pads;
    float value = x.isUint8() ? -OnnxTensor.UINT8_SHIFT : 0;
    if (node.opset() < 11) {
      node.allowAttributes("mode", "pads", "paddings", "value");
      pads = node.getInts(node.has("pads") ? "pads" : "paddings");
      if (pads == null) {
        throw new InvalidOnnxModelException("Pad without pads");
      }
      if (x.isUint8() && node.has("value")) {
        throw new UnsupportedOnnxException("dtype UINT8");
      }
      value = node.getFloat("value", value);
    } else {
      node.allowAttributes("mode");
      if (input(in, 3) != null) {
        throw new UnsupportedOnnxException("axes input");
      }
      pads = constantInts(in, 1, "pads");
      if (input(in, 2) != null) {
        value = (float) scalarConstant(in, 2, "constant_value", x.onnxType).getAsDouble(0);
      }
    }
    if (Arrays.stream(pads).anyMatch(p -> p < 0)) {
      throw new UnsupportedOnnxException("negative pads");
    }
    String mode = node.getString("mode", "constant");
    if (!mode.equals("constant") && !mode.equals("reflect") && !mode.equals("edge")) {
      throw new UnsupportedOnnxException("mode=" + mode);
    }
    return one(PadOp.create(builder, loc, use(x), pads, mode, value).output(), x.onnxType);
  }

  private List<GraphValue> gather(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("axis");
    GraphValue x = required(in, 0);
    GraphValue indices = typed(in, 1, DataType.INT32, DataType.INT64);
    return one(GatherOp.create(builder, loc, use(x), use(indices), node.getInt("axis", 0)).output(), x.onnxType);
  }

  private List<GraphValue> constant() throws OnnxImportException {
    node.allowAttributes("value", "value_float", "value_floats", "value_int", "value_ints");
    if (node.proto().getAttributeCount() != 1) {
      throw new InvalidOnnxModelException("Constant needs exactly one value attribute");
    }
    AttributeProto a = node.proto().getAttribute(0);
    OnnxTensor t = switch (a.getName()) {
      case "value" -> OnnxTensor.fromProto(a.getT());
      case "value_float" -> OnnxTensor.of(Tensor.scalar(a.getF()));
      case "value_floats" -> {
        float[] f = new float[a.getFloatsCount()];
        for (int i = 0; i < f.length; i++) {
          f[i] = a.getFloats(i);
        }
        yield OnnxTensor.of(Tensor.wrapFloats(new int[] {f.length}, f));
      }
      case "value_int" -> OnnxTensor.of(Tensor.ofLongs(new int[0], a.getI()));
      default -> OnnxTensor.of(Tensor.ofLongs(new int[] {a.getIntsCount()},
          a.getIntsList().stream().mapToLong(Long::longValue).toArray()));
    };
    return List.of(GraphValue.constant(node.outputs().get(0), t, false));
  }

  // ---- quantization -----------------------------------------------------------------------------------------

  private List<GraphValue> quantizeLinear(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("axis");
    GraphValue x = typed(in, 0, DataType.FLOAT);
    OnnxTensor scales = scales(in, 1, "y_scale");
    GraphValue zero = input(in, 2);
    DataType outType = zero == null ? DataType.UINT8 : zero.onnxType;
    if (outType != DataType.INT8 && outType != DataType.UINT8) {
      throw new UnsupportedOnnxException("output dtype " + outType);
    }
    long[] zeros = zeroPoints(in, 2, outType, scales);
    Value y = perAxis(x, scales, (part, i) -> QuantizeOp.create(builder, loc, part, scales.tensor().floatAt(i),
        zeros[i]).output());
    return one(y, outType);
  }

  private List<GraphValue> dequantizeLinear(List<GraphValue> in) throws OnnxImportException {
    node.allowAttributes("axis");
    GraphValue x = typed(in, 0, DataType.INT8, DataType.UINT8, DataType.INT32);
    OnnxTensor scales = scales(in, 1, "x_scale");
    long[] zeros = zeroPoints(in, 2, x.onnxType, scales);
    Value y = perAxis(x, scales, (part, i) -> DequantizeOp.create(builder, loc, part, scales.tensor().floatAt(i),
        zeros[i]).output());
    return one(y, DataType.FLOAT);
  }

  /** A per-tensor operation on one slice, with the index of that slice's scale and zero point. */
  private interface SliceOperation {
    Value apply(Value part, int index);
  }

  /**
   * Applies a per-tensor operation once (one scale) or per slice along the node's axis (a 1-D scale) and
   * concatenates the slices: per-axis quantization expressed with nn's per-tensor ops.
   */
  private Value perAxis(GraphValue x, OnnxTensor scales, SliceOperation f) throws OnnxImportException {
    if (scales.tensor().size() == 1) {
      return f.apply(use(x), 0);
    }
    int axis = axis(node.getInt("axis", 1), x.rank());
    if (x.shape()[axis] != scales.tensor().size()) {
      throw new UnsupportedOnnxException("scale length differs from the axis");
    }
    List<Value> parts = new ArrayList<>();
    Value xv = use(x);
    for (int i = 0; i < scales.tensor().size(); i++) {
      Value part = SliceOp.create(builder, loc, xv, new long[] {i}, new long[] {i + 1}, new long[] {axis},
          new long[] {1}).output();
      parts.add(f.apply(part, i));
    }
    return parts.size() == 1 ? parts.get(0) : ConcatOp.create(builder, loc, parts, axis).output();
  }

  private OnnxTensor scales(List<GraphValue> in, int i, String what) throws OnnxImportException {
    OnnxTensor s = constantInput(in, i, what);
    if (s.onnxType() != DataType.FLOAT) {
      throw new UnsupportedOnnxException(what + " dtype " + s.onnxType());
    }
    if (s.tensor().rank() > 1) {
      throw new UnsupportedOnnxException(what + " of rank > 1");
    }
    return s;
  }

  /** One zero point per scale, in the shifted domain for uint8; absent ones are ONNX's 0. */
  private long[] zeroPoints(List<GraphValue> in, int i, DataType type, OnnxTensor scales)
      throws OnnxImportException {
    long[] zeros = new long[scales.tensor().size()];
    if (input(in, i) == null) {
      Arrays.fill(zeros, type == DataType.UINT8 ? -OnnxTensor.UINT8_SHIFT : 0);
      return zeros;
    }
    OnnxTensor z = constantInput(in, i, "zero point");
    if (z.onnxType() != type) {
      throw new UnsupportedOnnxException("zero point dtype differs from its operand");
    }
    if (z.tensor().size() != zeros.length) {
      throw new UnsupportedOnnxException("zero point and scale differ in shape");
    }
    for (int k = 0; k < zeros.length; k++) {
      zeros[k] = z.tensor().getAsLong(k);
    }
    return zeros;
  }

  // ---- operand helpers ----------------------------------------------------------------------------------------

  /** The IR value of {@code v}, materialising a constant as {@code nn.constant} at its first use. */
  Value use(GraphValue v) {
    if (v.value == null) {
      v.value = constant(v.constant);
    }
    return v.value;
  }

  private Value constant(OnnxTensor t) {
    return ConstantOp.create(builder, loc, t.toDenseAttr()).output();
  }

  private Value scalar(float v) {
    return constant(OnnxTensor.of(Tensor.scalar(v)));
  }

  /** {@code v} reshaped to {@code shape} (which may hold one -1); {@code v} itself when it has that shape. */
  private Value reshape(Value v, long... shape) {
    if (Arrays.equals(shape(v), shape)) {
      return v;
    }
    return ReshapeOp.create(builder, loc, v, shape).output();
  }

  private static long[] shape(Value v) {
    return ((RankedTensorType) v.getType()).shape().stream().mapToLong(Long::longValue).toArray();
  }

  private GraphValue result(int i, Value v, DataType type) {
    String name = i < node.outputs().size() ? node.outputs().get(i) : "";
    return GraphValue.of(name, type, v, false);
  }

  private List<GraphValue> one(Value v, DataType type) {
    return List.of(result(0, v, type));
  }

  private static GraphValue input(List<GraphValue> in, int i) {
    return i < in.size() ? in.get(i) : null;
  }

  private GraphValue required(List<GraphValue> in, int i) throws InvalidOnnxModelException {
    GraphValue v = input(in, i);
    if (v == null) {
      throw new InvalidOnnxModelException(node.opType() + " without its input " + i);
    }
    return v;
  }

  private GraphValue typed(List<GraphValue> in, int i, DataType... allowed) throws OnnxImportException {
    GraphValue v = required(in, i);
    for (DataType t : allowed) {
      if (v.onnxType == t) {
        return v;
      }
    }
    throw new UnsupportedOnnxException("dtype " + v.onnxType);
  }

  private GraphValue optionalTyped(List<GraphValue> in, int i, DataType... allowed) throws OnnxImportException {
    return input(in, i) == null ? null : typed(in, i, allowed);
  }

  /**
   * The data of input {@code i}, which nn needs at import time (a shape, axes, a scale). A graph input is not
   * known then: the exception names it, so that a caller can freeze it to a value and import again.
   */
  private OnnxTensor constantInput(List<GraphValue> in, int i, String what) throws OnnxImportException {
    GraphValue v = input(in, i);
    if (v == null) {
      throw new InvalidOnnxModelException(node.opType() + " without its " + what);
    }
    if (v.constant == null) {
      throw new UnsupportedOnnxException(what + " is not a constant", "value '" + v.name + "'",
          v.graphInput ? v.name : null);
    }
    return v.constant;
  }

  private long[] constantInts(List<GraphValue> in, int i, String what) throws OnnxImportException {
    OnnxTensor t = constantInput(in, i, what);
    if (t.onnxType() != DataType.INT32 && t.onnxType() != DataType.INT64) {
      throw new UnsupportedOnnxException(what + " dtype " + t.onnxType());
    }
    return t.tensor().toLongArrayWidened();
  }

  /** A one-element constant of the given dtype (a clip bound, a pad value). */
  private Tensor scalarConstant(List<GraphValue> in, int i, String what, DataType type) throws OnnxImportException {
    OnnxTensor t = constantInput(in, i, what);
    if (t.onnxType() != type) {
      throw new UnsupportedOnnxException(what + " dtype differs from the input");
    }
    if (t.tensor().size() != 1) {
      throw new InvalidOnnxModelException(node.opType() + " " + what + " is not a scalar");
    }
    return t.tensor();
  }

  private float scale(List<GraphValue> in, int i, String what) throws OnnxImportException {
    OnnxTensor s = constantInput(in, i, what);
    if (s.onnxType() != DataType.FLOAT) {
      throw new UnsupportedOnnxException(what + " dtype " + s.onnxType());
    }
    if (s.tensor().size() != 1) {
      throw new UnsupportedOnnxException("per-channel " + what);
    }
    return s.tensor().floatAt(0);
  }

  /**
   * The zero point (input {@code i}) of {@code of}, in the shifted domain for uint8: absent means ONNX's 0;
   * present it must be a single constant element of the same dtype.
   */
  private long zeroPoint(List<GraphValue> in, int i, GraphValue of) throws OnnxImportException {
    if (input(in, i) == null) {
      return of.isUint8() ? -OnnxTensor.UINT8_SHIFT : 0;
    }
    OnnxTensor z = constantInput(in, i, "zero point");
    if (z.onnxType() != of.onnxType) {
      throw new UnsupportedOnnxException("zero point dtype differs from its operand");
    }
    if (z.tensor().size() != 1) {
      throw new UnsupportedOnnxException("per-channel zero point");
    }
    return z.tensor().getAsLong(0);
  }

  private int axis(long axis, int rank) throws InvalidOnnxModelException {
    if (axis < -rank || axis >= rank) {
      throw new InvalidOnnxModelException(node.opType() + " axis " + axis + " out of range for rank " + rank);
    }
    return (int) (axis < 0 ? axis + rank : axis);
  }
}

package dev.dyad.runtime.reference;

import dev.dyad.dialect.nn.AddOp;
import dev.dyad.dialect.nn.AvgPool2dOp;
import dev.dyad.dialect.nn.BatchMatmulOp;
import dev.dyad.dialect.nn.BatchNormOp;
import dev.dyad.dialect.nn.ClipOp;
import dev.dyad.dialect.nn.ConcatOp;
import dev.dyad.dialect.nn.Conv2dOp;
import dev.dyad.dialect.nn.DequantizeOp;
import dev.dyad.dialect.nn.DivOp;
import dev.dyad.dialect.nn.EmbeddingOp;
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
import dev.dyad.dialect.nn.NnDialect;
import dev.dyad.dialect.nn.PadOp;
import dev.dyad.dialect.nn.QuantizeOp;
import dev.dyad.dialect.nn.Relu6Op;
import dev.dyad.dialect.nn.ReluOp;
import dev.dyad.dialect.nn.RequantizeOp;
import dev.dyad.dialect.nn.ReshapeOp;
import dev.dyad.dialect.nn.RmsNormOp;
import dev.dyad.dialect.nn.RotaryOp;
import dev.dyad.dialect.nn.SigmoidOp;
import dev.dyad.dialect.nn.SiluOp;
import dev.dyad.dialect.nn.SliceOp;
import dev.dyad.dialect.nn.SoftmaxOp;
import dev.dyad.dialect.nn.SplitOp;
import dev.dyad.dialect.nn.SubOp;
import dev.dyad.dialect.nn.TanhOp;
import dev.dyad.dialect.nn.TransposeOp;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.runtime.kernels.Conv2dOptions;
import dev.dyad.runtime.kernels.Convolution;
import dev.dyad.runtime.kernels.Elementwise;
import dev.dyad.runtime.kernels.Layout;
import dev.dyad.runtime.kernels.Linalg;
import dev.dyad.runtime.kernels.Normalization;
import dev.dyad.runtime.kernels.Pool2dOptions;
import dev.dyad.runtime.kernels.Pooling;
import dev.dyad.runtime.kernels.Quantization;
import dev.dyad.runtime.kernels.Rotary;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every computing nn op as one kernel call, from its name, properties and operand tensors: the one
 * dispatch shared by {@link NnInterpreter} and the CIM interpreter's {@code meta.vector} (whose
 * {@code kind} and {@code params} name an nn op and its properties).
 */
public final class NnKernels {
  private static final Map<String, OpDefinition> DEFINITIONS = definitions();

  private NnKernels() {}

  private static Map<String, OpDefinition> definitions() {
    Map<String, OpDefinition> out = new LinkedHashMap<>();
    for (OpDef def : new NnDialect().ops()) {
      if (def instanceof OpDefinition d && !d.hasTrait(Trait.CONSTANT_LIKE)) {
        out.put(d.name(), d);
      }
    }
    return out;
  }

  /** The definition of the computing nn op {@code kind}, or null (unknown names and constants). */
  public static OpDefinition definition(String kind) {
    return DEFINITIONS.get(kind);
  }

  /**
   * Runs nn op {@code kind} on {@code operands} with {@code params} as its properties (absent
   * ones take the op's defaults); {@code resultTypes} are the op's result types, which decide the
   * f32 or quantized form and the shape of a reshape. The results are not checked against them.
   *
   * @throws dev.dyad.runtime.tensor.KernelException when a kernel rejects its operands
   * @throws IllegalArgumentException when {@code kind} is no computing nn op or the operands do not
   *     fit its operand groups
   */
  public static List<Tensor> evaluate(String kind, DictionaryAttr params, List<Tensor> operands,
      List<? extends Type> resultTypes) {
    OpDefinition def = DEFINITIONS.get(kind);
    if (def == null) {
      throw new IllegalArgumentException("'" + kind + "' is not a computing nn op");
    }
    Args a = new Args(OpAdaptor.of(def, operandTypes(operands), params), operands, resultTypes);
    return switch (kind) {
      case Conv2dOp.NAME -> List.of(conv2d(a));
      case LinearOp.NAME -> List.of(linear(a));
      case MatmulOp.NAME -> List.of(matmul(a));
      case BatchMatmulOp.NAME -> List.of(batchMatmul(a));
      case AddOp.NAME -> List.of(Elementwise.add(a.at(0), a.at(1)));
      case SubOp.NAME -> List.of(Elementwise.sub(a.at(0), a.at(1)));
      case MulOp.NAME -> List.of(Elementwise.mul(a.at(0), a.at(1)));
      case DivOp.NAME -> List.of(Elementwise.div(a.at(0), a.at(1)));
      case ReluOp.NAME -> List.of(Elementwise.relu(a.at(0)));
      case Relu6Op.NAME -> List.of(Elementwise.relu6(a.at(0)));
      case ClipOp.NAME -> List.of(Elementwise.clip(a.at(0), a.f32(ClipOp.MIN), a.f32(ClipOp.MAX)));
      case GeluOp.NAME -> List.of(Elementwise.gelu(a.at(0), a.string(GeluOp.APPROXIMATE).equals(GeluOp.TANH)
          ? Elementwise.GeluApproximation.TANH : Elementwise.GeluApproximation.NONE));
      case SiluOp.NAME -> List.of(Elementwise.silu(a.at(0)));
      case SigmoidOp.NAME -> List.of(Elementwise.sigmoid(a.at(0)));
      case TanhOp.NAME -> List.of(Elementwise.tanh(a.at(0)));
      case HardSigmoidOp.NAME -> List.of(Elementwise.hardsigmoid(a.at(0), a.f32(HardSigmoidOp.ALPHA),
          a.f32(HardSigmoidOp.BETA)));
      case HardSwishOp.NAME -> List.of(Elementwise.hardswish(a.at(0)));
      case SoftmaxOp.NAME -> List.of(Normalization.softmax(a.at(0), (int) a.i64(SoftmaxOp.AXIS)));
      case LayerNormOp.NAME -> List.of(Normalization.layerNorm(a.at(0), a.axis(LayerNormOp.AXIS, 0),
          a.f32(LayerNormOp.EPSILON), a.optional("scale"), a.optional("bias")));
      case RmsNormOp.NAME -> List.of(Normalization.rmsNorm(a.at(0), a.f32(RmsNormOp.EPSILON), a.optional("scale")));
      case BatchNormOp.NAME -> List.of(Normalization.batchNorm(a.at(0), a.at(1), a.at(2), a.at(3), a.at(4),
          a.f32(BatchNormOp.EPSILON)));
      case MaxPool2dOp.NAME -> List.of(Pooling.maxPool2d(a.at(0), Pool2dOptions.of(a.ints("kernel_shape"),
          a.ints("strides"), a.ints("pads"), a.ints("dilations"), a.flag("ceil_mode"), false)));
      case AvgPool2dOp.NAME -> List.of(Pooling.avgPool2d(a.at(0), Pool2dOptions.of(a.ints("kernel_shape"),
          a.ints("strides"), a.ints("pads"), new int[] {1, 1}, a.flag("ceil_mode"),
          a.flag(AvgPool2dOp.COUNT_INCLUDE_PAD))));
      case GlobalAvgPoolOp.NAME -> List.of(Pooling.globalAvgPool(a.at(0)));
      case ReshapeOp.NAME -> List.of(Layout.reshape(a.at(0), a.resultShape(0)));
      case TransposeOp.NAME -> List.of(Layout.transpose(a.at(0), a.ints(TransposeOp.PERM)));
      case ConcatOp.NAME -> List.of(Layout.concat(operands, a.axis(ConcatOp.AXIS, 0)));
      case SliceOp.NAME -> List.of(slice(a));
      case SplitOp.NAME -> Layout.split(a.at(0), a.axis(SplitOp.AXIS, 0), a.ints(SplitOp.SIZES));
      case PadOp.NAME -> List.of(pad(a));
      case FlattenOp.NAME -> List.of(Layout.flatten(a.at(0), a.axis(FlattenOp.AXIS, 0)));
      case EmbeddingOp.NAME -> List.of(Layout.embedding(a.at(0), a.at(1)));
      case GatherOp.NAME -> List.of(Layout.gather(a.at(0), a.at(1), (int) a.i64(GatherOp.AXIS)));
      case RotaryOp.NAME -> List.of(Rotary.rotaryEmbedding(a.at(0), a.f32(RotaryOp.THETA),
          Math.toIntExact(a.i64(RotaryOp.POSITION_OFFSET))));
      case QuantizeOp.NAME -> List.of(Quantization.quantize(a.at(0), a.f32(QuantizeOp.SCALE),
          (int) a.i64(QuantizeOp.ZERO_POINT)));
      case DequantizeOp.NAME -> List.of(Quantization.dequantize(a.at(0), a.f32(QuantizeOp.SCALE),
          (int) a.i64(QuantizeOp.ZERO_POINT)));
      case RequantizeOp.NAME -> List.of(Quantization.requantize(a.at(0), a.f64(QuantizeOp.SCALE),
          (int) a.i64(QuantizeOp.ZERO_POINT)));
      default -> throw new IllegalArgumentException("no kernel for '" + kind + "'");
    };
  }

  // ---- ops that need more than a kernel call ----------------------------------------------------

  private static Tensor conv2d(Args a) {
    Conv2dOptions o = Conv2dOptions.of(a.ints(Conv2dOp.STRIDES), a.ints(Conv2dOp.PADS), a.ints(Conv2dOp.DILATIONS),
        Math.toIntExact(a.i64(Conv2dOp.GROUP)));
    Tensor x = a.operand("input");
    Tensor w = a.operand("weight");
    Tensor bias = a.optional("bias");
    return a.quantized()
        ? Convolution.conv2dInteger(x, w, bias, a.zeroPoint("input_zero_point"), a.zeroPoint("weight_zero_point"), o)
        : Convolution.conv2d(x, w, bias, o);
  }

  private static Tensor linear(Args a) {
    Tensor x = a.operand("input");
    Tensor w = a.operand("weight");
    Tensor bias = a.optional("bias");
    return a.quantized()
        ? Linalg.linearInteger(x, w, bias, a.zeroPoint("input_zero_point"), a.zeroPoint("weight_zero_point"))
        : Linalg.linear(x, w, bias);
  }

  private static Tensor matmul(Args a) {
    boolean ta = a.flag(MatmulOp.TRANSPOSE_A);
    boolean tb = a.flag(MatmulOp.TRANSPOSE_B);
    return a.quantized()
        ? Linalg.matmulInteger(a.at(0), a.at(1), ta, tb, a.zeroPoint("input_zero_point"),
            a.zeroPoint("weight_zero_point"))
        : Linalg.matmul(a.at(0), a.at(1), ta, tb);
  }

  private static Tensor batchMatmul(Args a) {
    Tensor x = a.flag(MatmulOp.TRANSPOSE_A) ? swapLastTwo(a.at(0)) : a.at(0);
    Tensor y = a.flag(MatmulOp.TRANSPOSE_B) ? swapLastTwo(a.at(1)) : a.at(1);
    return a.quantized()
        ? Linalg.batchMatmulInteger(x, y, a.zeroPoint("input_zero_point"), a.zeroPoint("weight_zero_point"))
        : Linalg.batchMatmul(x, y);
  }

  private static Tensor swapLastTwo(Tensor t) {
    int[] perm = new int[t.rank()];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = i;
    }
    perm[perm.length - 1] = perm.length - 2;
    perm[perm.length - 2] = perm.length - 1;
    return Layout.transpose(t, perm);
  }

  private static Tensor slice(Args a) {
    long[] starts = a.longs(SliceOp.STARTS);
    long[] axes = a.longs(SliceOp.AXES);
    long[] steps = a.longs(SliceOp.STEPS);
    if (axes == null) {
      axes = new long[starts.length];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = i;
      }
    }
    if (steps == null) {
      steps = new long[starts.length];
      java.util.Arrays.fill(steps, 1);
    }
    return Layout.slice(a.at(0), starts, a.longs(SliceOp.ENDS), Tensors.ints(axes), steps);
  }

  private static Tensor pad(Args a) {
    Layout.PadMode mode = switch (a.string(PadOp.MODE)) {
      case PadOp.REFLECT -> Layout.PadMode.REFLECT;
      case PadOp.EDGE -> Layout.PadMode.EDGE;
      default -> Layout.PadMode.CONSTANT;
    };
    return Layout.pad(a.at(0), a.ints(PadOp.PADS), mode, a.f32(PadOp.VALUE));
  }

  /** IR types for the operands' dtypes and shapes (what the operand layout and defaults need). */
  private static List<Type> operandTypes(List<Tensor> operands) {
    List<Type> types = new ArrayList<>();
    for (Tensor t : operands) {
      List<Long> shape = new ArrayList<>();
      for (int d : t.shape()) {
        shape.add((long) d);
      }
      types.add(new RankedTensorType(shape, elementType(t.dtype())));
    }
    return types;
  }

  private static Type elementType(DType dtype) {
    return switch (dtype) {
      case F32 -> FloatType.F32;
      case I8 -> IntegerType.I8;
      case I32 -> IntegerType.I32;
      case I64 -> IntegerType.I64;
      case BOOL -> IntegerType.I1;
    };
  }

  /** The operands, properties (with defaults) and result types of one evaluation. */
  private record Args(OpAdaptor adaptor, List<Tensor> operands, List<? extends Type> resultTypes) {
    Tensor at(int i) {
      if (i >= operands.size()) {
        throw new IllegalArgumentException("'" + adaptor.definition().name() + "' needs at least " + (i + 1)
            + " operands, got " + operands.size());
      }
      return operands.get(i);
    }

    Tensor operand(String group) {
      Tensor t = optional(group);
      if (t == null) {
        throw new IllegalArgumentException("'" + adaptor.definition().name() + "' needs its '" + group + "' operand");
      }
      return t;
    }

    /** The single operand of {@code group}, or null when the optional operand is absent. */
    Tensor optional(String group) {
      return adaptor.operandGroup(group).isEmpty() ? null : operands.get(adaptor.operandIndex(group));
    }

    /** Whether the op is its quantized form: an i32 result. */
    boolean quantized() {
      return resultTypes.get(0) instanceof RankedTensorType r && r.elementType().equals(IntegerType.I32);
    }

    int[] resultShape(int result) {
      return Tensors.shape((RankedTensorType) resultTypes.get(result));
    }

    /** A possibly negative axis of operand {@code operand}'s rank, made non-negative. */
    int axis(String name, int operand) {
      long axis = i64(name);
      return (int) (axis < 0 ? axis + at(operand).rank() : axis);
    }

    private Attribute property(String name) {
      return adaptor.property(name);
    }

    long i64(String name) {
      return ((IntegerAttr) property(name)).longValue();
    }

    /** A zero point: an optional property, 0 when absent. */
    int zeroPoint(String name) {
      return property(name) instanceof IntegerAttr i ? (int) i.longValue() : 0;
    }

    boolean flag(String name) {
      return i64(name) != 0;
    }

    float f32(String name) {
      return Float.intBitsToFloat((int) ((FloatAttr) property(name)).bits());
    }

    double f64(String name) {
      return Double.longBitsToDouble(((FloatAttr) property(name)).bits());
    }

    String string(String name) {
      return ((StringAttr) property(name)).text();
    }

    long[] longs(String name) {
      return property(name) instanceof DenseArrayAttr d ? d.toLongArray() : null;
    }

    int[] ints(String name) {
      long[] v = longs(name);
      return v == null ? null : Tensors.ints(v);
    }
  }
}

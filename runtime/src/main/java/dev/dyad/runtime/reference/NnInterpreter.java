package dev.dyad.runtime.reference;

import dev.dyad.dialect.nn.AddOp;
import dev.dyad.dialect.nn.AvgPool2dOp;
import dev.dyad.dialect.nn.BatchMatmulOp;
import dev.dyad.dialect.nn.BatchNormOp;
import dev.dyad.dialect.nn.ClipOp;
import dev.dyad.dialect.nn.ConcatOp;
import dev.dyad.dialect.nn.ConstantOp;
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
import dev.dyad.dialect.nn.RandomAttr;
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
import dev.dyad.dialect.nn.ViewAttr;
import dev.dyad.dialect.nn.ViewStep;
import dev.dyad.dialect.nn.WeightsAttr;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
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
import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.kernels.Rotary;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference interpreter of the {@code nn} dialect: the golden semantics (docs/dialects/nn.md)
 * every lowering is tested against. Runs a {@code func.func} of nn ops op by op on runtime
 * tensors with the shared kernels, exact in integers and deterministic in f32.
 */
public final class NnInterpreter {
  private final WeightFiles weights;
  /** Where {@link #evaluate(String, DictionaryAttr, List, List)} builds its one-op programs. */
  private Context scratch;

  /** @param weightsDir where {@code #nn.weights} files are found (null: the working directory) */
  public NnInterpreter(Path weightsDir) {
    this.weights = new WeightFiles(weightsDir);
  }

  /** Runs {@code func} (a {@code func.func} with a single-block body) on {@code inputs}. */
  public List<Tensor> run(Operation func, List<Tensor> inputs) throws InterpreterException {
    if (func.getNumRegions() != 1 || func.getRegion(0).getBlocks().size() != 1) {
      throw new InterpreterException(func.getLoc(), "expected a function with a single-block body");
    }
    Block body = func.getRegion(0).front();
    if (inputs.size() != body.getNumArguments()) {
      throw new InterpreterException(func.getLoc(),
          "expected " + body.getNumArguments() + " inputs, got " + inputs.size());
    }
    Map<Value, Tensor> env = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Value arg = body.getArgument(i);
      checkType(func, "input #" + i, arg.getType(), inputs.get(i));
      env.put(arg, inputs.get(i));
    }
    for (Operation op : body.getOperations()) {
      if (op.getNameString().equals("func.return")) {
        List<Tensor> out = new ArrayList<>();
        for (Value v : op.getOperands()) {
          out.add(env.get(v));
        }
        return out;
      }
      List<Tensor> results = evaluateChecked(op, env);
      for (int i = 0; i < results.size(); i++) {
        env.put(op.getResult(i), results.get(i));
      }
    }
    throw new InterpreterException(func.getLoc(), "function body has no 'func.return'");
  }

  /**
   * Evaluates the nn op {@code kind} with properties {@code params} (absent ones take the op's
   * defaults) on {@code operands}, producing values of {@code resultTypes}: the per-op entry
   * point for interpreters of vector work ({@code cim.vector}, {@code meta.vector}), which name an
   * nn op instead of being one. {@code nn.constant} works too (no operands, {@code value}).
   *
   * @throws InterpreterException when the op is unknown or its kernel rejects the operands
   */
  public List<Tensor> evaluate(String kind, DictionaryAttr params, List<Tensor> operands,
      List<? extends Type> resultTypes) throws InterpreterException {
    if (scratch == null) {
      scratch = new Context();
      scratch.register(new NnDialect());
    }
    Block block = new Block();
    Map<Value, Tensor> env = new IdentityHashMap<>();
    for (Tensor t : operands) {
      env.put(block.addArgument(Tensors.type(t), Location.UNKNOWN), t);
    }
    OperationState st = new OperationState(scratch.getOperationName(kind), Location.UNKNOWN);
    st.addOperands(block.getArguments()).addTypes(resultTypes);
    st.properties = params.isEmpty() ? null : params;
    Operation op = Operation.create(st);
    block.append(op);
    return evaluateChecked(op, env);
  }

  private List<Tensor> evaluateChecked(Operation op, Map<Value, Tensor> env) throws InterpreterException {
    List<Tensor> results;
    try {
      results = evaluate(op, env);
    } catch (KernelException | ArithmeticException | IllegalArgumentException e) {
      throw new InterpreterException(op.getLoc(), "'" + op.getNameString() + "': " + e.getMessage(), e);
    }
    if (results.size() != op.getNumResults()) {
      throw new IllegalStateException(op.getNameString() + " produced " + results.size() + " results");
    }
    for (int i = 0; i < results.size(); i++) {
      checkType(op, "result #" + i, op.getResult(i).getType(), results.get(i));
    }
    return results;
  }

  /** A kernel whose output disagrees with the IR's type is a bug in the interpreter or a kernel. */
  private static void checkType(Operation op, String what, Type type, Tensor t) throws InterpreterException {
    if (!(type instanceof RankedTensorType r)) {
      throw new InterpreterException(op.getLoc(), what + " has type " + AsmPrinter.toString(type)
          + ", expected a ranked tensor");
    }
    DType dtype = Tensors.dtype(r.elementType());
    if (dtype != t.dtype() || !java.util.Arrays.equals(Tensors.shape(r), t.shape())) {
      throw new InterpreterException(op.getLoc(), what + " of type " + AsmPrinter.toString(type) + " got a tensor of "
          + t.dtype() + java.util.Arrays.toString(t.shape()));
    }
  }

  private List<Tensor> evaluate(Operation op, Map<Value, Tensor> env) throws InterpreterException {
    String name = op.getNameString();
    return switch (name) {
      case ConstantOp.NAME -> List.of(constant(new ConstantOp(op)));
      case Conv2dOp.NAME -> List.of(conv2d(new Conv2dOp(op), env));
      case LinearOp.NAME -> List.of(linear(new LinearOp(op), env));
      case MatmulOp.NAME -> List.of(matmul(new MatmulOp(op), env));
      case BatchMatmulOp.NAME -> List.of(batchMatmul(new BatchMatmulOp(op), env));
      case AddOp.NAME -> List.of(Elementwise.add(in(op, 0, env), in(op, 1, env)));
      case SubOp.NAME -> List.of(Elementwise.sub(in(op, 0, env), in(op, 1, env)));
      case MulOp.NAME -> List.of(Elementwise.mul(in(op, 0, env), in(op, 1, env)));
      case DivOp.NAME -> List.of(Elementwise.div(in(op, 0, env), in(op, 1, env)));
      case ReluOp.NAME -> List.of(Elementwise.relu(in(op, 0, env)));
      case Relu6Op.NAME -> List.of(Elementwise.relu6(in(op, 0, env)));
      case ClipOp.NAME -> List.of(Elementwise.clip(in(op, 0, env), new ClipOp(op).min(), new ClipOp(op).max()));
      case GeluOp.NAME -> List.of(Elementwise.gelu(in(op, 0, env), new GeluOp(op).approximate().equals("tanh")
          ? Elementwise.GeluApproximation.TANH : Elementwise.GeluApproximation.NONE));
      case SiluOp.NAME -> List.of(Elementwise.silu(in(op, 0, env)));
      case SigmoidOp.NAME -> List.of(Elementwise.sigmoid(in(op, 0, env)));
      case TanhOp.NAME -> List.of(Elementwise.tanh(in(op, 0, env)));
      case HardSigmoidOp.NAME -> List.of(Elementwise.hardsigmoid(in(op, 0, env), new HardSigmoidOp(op).alpha(),
          new HardSigmoidOp(op).beta()));
      case HardSwishOp.NAME -> List.of(Elementwise.hardswish(in(op, 0, env)));
      case SoftmaxOp.NAME -> List.of(Normalization.softmax(in(op, 0, env), (int) new SoftmaxOp(op).axis()));
      case LayerNormOp.NAME -> List.of(layerNorm(new LayerNormOp(op), env));
      case RmsNormOp.NAME -> List.of(Normalization.rmsNorm(in(op, 0, env), new RmsNormOp(op).epsilon(),
          opt(new RmsNormOp(op).scale(), env)));
      case BatchNormOp.NAME -> List.of(batchNorm(new BatchNormOp(op), env));
      case MaxPool2dOp.NAME -> List.of(maxPool(new MaxPool2dOp(op), env));
      case AvgPool2dOp.NAME -> List.of(avgPool(new AvgPool2dOp(op), env));
      case GlobalAvgPoolOp.NAME -> List.of(Pooling.globalAvgPool(in(op, 0, env)));
      case ReshapeOp.NAME -> List.of(Layout.reshape(in(op, 0, env), resultShape(op, 0)));
      case TransposeOp.NAME -> List.of(Layout.transpose(in(op, 0, env), Tensors.ints(new TransposeOp(op).perm())));
      case ConcatOp.NAME -> List.of(concat(new ConcatOp(op), env));
      case SliceOp.NAME -> List.of(slice(new SliceOp(op), env));
      case SplitOp.NAME -> split(new SplitOp(op), env);
      case PadOp.NAME -> List.of(pad(new PadOp(op), env));
      case FlattenOp.NAME -> List.of(Layout.flatten(in(op, 0, env), axis(new FlattenOp(op).axis(), op, 0)));
      case EmbeddingOp.NAME -> List.of(Layout.embedding(in(op, 0, env), in(op, 1, env)));
      case GatherOp.NAME -> List.of(Layout.gather(in(op, 0, env), in(op, 1, env), (int) new GatherOp(op).axis()));
      case RotaryOp.NAME -> List.of(Rotary.rotaryEmbedding(in(op, 0, env), new RotaryOp(op).theta(),
          Math.toIntExact(new RotaryOp(op).positionOffset())));
      case QuantizeOp.NAME -> List.of(Quantization.quantize(in(op, 0, env), new QuantizeOp(op).scale(),
          (int) new QuantizeOp(op).zeroPoint()));
      case DequantizeOp.NAME -> List.of(Quantization.dequantize(in(op, 0, env), new DequantizeOp(op).scale(),
          (int) new DequantizeOp(op).zeroPoint()));
      case RequantizeOp.NAME -> List.of(Quantization.requantize(in(op, 0, env), new RequantizeOp(op).scale(),
          (int) new RequantizeOp(op).zeroPoint()));
      default -> throw new InterpreterException(op.getLoc(), "the nn reference interpreter cannot run '" + name + "'");
    };
  }

  // ---- ops that need more than a kernel call ----------------------------------------------------

  private Tensor constant(ConstantOp c) throws InterpreterException {
    RankedTensorType type = (RankedTensorType) c.output().getType();
    DType dtype = Tensors.dtype(type.elementType());
    if (dtype == null) {
      throw new InterpreterException(c.op().getLoc(), "unsupported element type "
          + AsmPrinter.toString(type.elementType()));
    }
    Attribute value = c.value();
    if (value instanceof DenseElementsAttr dense) {
      return Tensors.fromDense(dense, dtype);
    }
    if (value instanceof RandomAttr random) {
      return RandomInit.uniform(dtype, Tensors.shape(type), random.seed());
    }
    if (value instanceof WeightsAttr file) {
      return read(c, file, dtype, Tensors.shape(type));
    }
    if (value instanceof ViewAttr view) {
      return view(c, view, dtype);
    }
    throw new InterpreterException(c.op().getLoc(), "unsupported constant value " + value);
  }

  private Tensor read(ConstantOp c, WeightsAttr file, DType dtype, int[] shape) throws InterpreterException {
    try {
      return weights.read(file, dtype, shape);
    } catch (IOException e) {
      throw new InterpreterException(c.op().getLoc(), "cannot read weights " + file + ": " + e.getMessage(), e);
    }
  }

  /** The base value of the view, then its steps with the semantics of the nn layout ops. */
  private Tensor view(ConstantOp c, ViewAttr view, DType dtype) throws InterpreterException {
    int[] shape = Tensors.ints(view.baseShape());
    Tensor t = view.base() instanceof RandomAttr random
        ? RandomInit.uniform(dtype, shape, random.seed())
        : read(c, (WeightsAttr) view.base(), dtype, shape);
    for (ViewStep step : view.steps()) {
      t = apply(step, t);
    }
    return t;
  }

  private static Tensor apply(ViewStep step, Tensor t) {
    if (step instanceof ViewStep.Reshape r) {
      return Layout.reshape(t, Tensors.ints(r.shape()));
    }
    if (step instanceof ViewStep.Transpose p) {
      return Layout.transpose(t, Tensors.ints(p.perm()));
    }
    if (step instanceof ViewStep.Slice s) {
      int[] axes = new int[t.rank()];
      long[] steps = new long[t.rank()];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = i;
        steps[i] = 1;
      }
      return Layout.slice(t, longs(s.starts()), longs(s.ends()), axes, steps);
    }
    ViewStep.Pad p = (ViewStep.Pad) step;
    return Layout.pad(t, Tensors.ints(p.pads()), Layout.PadMode.CONSTANT, p.value());
  }

  private static long[] longs(List<Long> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static Tensor conv2d(Conv2dOp c, Map<Value, Tensor> env) throws InterpreterException {
    Conv2dOptions o = Conv2dOptions.of(Tensors.ints(c.strides()), Tensors.ints(c.pads()),
        Tensors.ints(c.dilations()), Math.toIntExact(c.group()));
    Tensor x = value(c.input(), env);
    Tensor w = value(c.weight(), env);
    Tensor bias = opt(c.bias(), env);
    return c.isQuantized()
        ? Convolution.conv2dInteger(x, w, bias, (int) c.inputZeroPoint(), (int) c.weightZeroPoint(), o)
        : Convolution.conv2d(x, w, bias, o);
  }

  private static Tensor linear(LinearOp l, Map<Value, Tensor> env) throws InterpreterException {
    Tensor x = value(l.input(), env);
    Tensor w = value(l.weight(), env);
    Tensor bias = opt(l.bias(), env);
    return l.isQuantized()
        ? Linalg.linearInteger(x, w, bias, (int) l.inputZeroPoint(), (int) l.weightZeroPoint())
        : Linalg.linear(x, w, bias);
  }

  private static Tensor matmul(MatmulOp m, Map<Value, Tensor> env) throws InterpreterException {
    Tensor a = value(m.a(), env);
    Tensor b = value(m.b(), env);
    return m.isQuantized()
        ? Linalg.matmulInteger(a, b, m.transposeA(), m.transposeB(), (int) m.inputZeroPoint(),
            (int) m.weightZeroPoint())
        : Linalg.matmul(a, b, m.transposeA(), m.transposeB());
  }

  private static Tensor batchMatmul(BatchMatmulOp m, Map<Value, Tensor> env) throws InterpreterException {
    Tensor a = value(m.a(), env);
    Tensor b = value(m.b(), env);
    if (m.transposeA()) {
      a = swapLastTwo(a);
    }
    if (m.transposeB()) {
      b = swapLastTwo(b);
    }
    return m.isQuantized()
        ? Linalg.batchMatmulInteger(a, b, (int) m.inputZeroPoint(), (int) m.weightZeroPoint())
        : Linalg.batchMatmul(a, b);
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

  private static Tensor layerNorm(LayerNormOp l, Map<Value, Tensor> env) throws InterpreterException {
    Tensor x = value(l.input(), env);
    return Normalization.layerNorm(x, axis(l.axis(), l.op(), 0), l.epsilon(), opt(l.scale(), env),
        opt(l.bias(), env));
  }

  private static Tensor batchNorm(BatchNormOp b, Map<Value, Tensor> env) throws InterpreterException {
    return Normalization.batchNorm(value(b.input(), env), value(b.scale(), env), value(b.bias(), env),
        value(b.mean(), env), value(b.var(), env), b.epsilon());
  }

  private static Tensor maxPool(MaxPool2dOp p, Map<Value, Tensor> env) throws InterpreterException {
    Pool2dOptions o = Pool2dOptions.of(Tensors.ints(p.kernelShape()), Tensors.ints(p.strides()),
        Tensors.ints(p.pads()), Tensors.ints(p.dilations()), p.ceilMode(), false);
    return Pooling.maxPool2d(value(p.input(), env), o);
  }

  private static Tensor avgPool(AvgPool2dOp p, Map<Value, Tensor> env) throws InterpreterException {
    Pool2dOptions o = Pool2dOptions.of(Tensors.ints(p.kernelShape()), Tensors.ints(p.strides()),
        Tensors.ints(p.pads()), new int[] {1, 1}, p.ceilMode(), p.countIncludePad());
    return Pooling.avgPool2d(value(p.input(), env), o);
  }

  private static Tensor concat(ConcatOp c, Map<Value, Tensor> env) throws InterpreterException {
    List<Tensor> inputs = new ArrayList<>();
    for (Value v : c.inputs()) {
      inputs.add(value(v, env));
    }
    return Layout.concat(inputs, axis(c.axis(), c.op(), 0));
  }

  private static Tensor slice(SliceOp s, Map<Value, Tensor> env) throws InterpreterException {
    return Layout.slice(value(s.input(), env), s.starts(), s.ends(), Tensors.ints(s.axes()), s.steps());
  }

  private static List<Tensor> split(SplitOp s, Map<Value, Tensor> env) throws InterpreterException {
    return Layout.split(value(s.input(), env), axis(s.axis(), s.op(), 0), Tensors.ints(s.sizes()));
  }

  private static Tensor pad(PadOp p, Map<Value, Tensor> env) throws InterpreterException {
    Layout.PadMode mode = switch (p.mode()) {
      case "reflect" -> Layout.PadMode.REFLECT;
      case "edge" -> Layout.PadMode.EDGE;
      default -> Layout.PadMode.CONSTANT;
    };
    return Layout.pad(value(p.input(), env), Tensors.ints(p.pads()), mode, p.value());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** A possibly negative axis of operand {@code operand}'s rank, made non-negative. */
  private static int axis(long axis, Operation op, int operand) {
    int rank = ((RankedTensorType) op.getOperand(operand).getType()).shape().size();
    return (int) (axis < 0 ? axis + rank : axis);
  }

  private static int[] resultShape(Operation op, int result) {
    return Tensors.shape((RankedTensorType) op.getResult(result).getType());
  }

  private static Tensor in(Operation op, int operand, Map<Value, Tensor> env) throws InterpreterException {
    return value(op.getOperand(operand), env);
  }

  private static Tensor opt(Value v, Map<Value, Tensor> env) throws InterpreterException {
    return v == null ? null : value(v, env);
  }

  private static Tensor value(Value v, Map<Value, Tensor> env) throws InterpreterException {
    Tensor t = env.get(v);
    if (t == null) {
      Operation def = v.getDefiningOp();
      throw new InterpreterException(def != null ? def.getLoc() : null, "value used before it was computed");
    }
    return t;
  }
}

package dev.dyad.runtime.reference;

import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.dialect.nn.NnDialect;
import dev.dyad.dialect.nn.RandomAttr;
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
import dev.dyad.runtime.kernels.Layout;
import dev.dyad.runtime.kernels.RandomInit;
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
 * tensors with the shared kernels ({@link NnKernels}), exact in integers and deterministic in f32.
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
   * defaults) on {@code operands}, producing values of {@code resultTypes}, with the same checks as
   * a whole program: the per-op entry point for evaluators of vector work, which name an nn op
   * instead of being one. {@code nn.constant} works too (no operands, {@code value}).
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
    String name = op.getNameString();
    List<Tensor> results;
    if (name.equals(ConstantOp.NAME)) {
      results = List.of(constant(new ConstantOp(op)));
    } else if (NnKernels.definition(name) == null) {
      throw new InterpreterException(op.getLoc(), "the nn reference interpreter cannot run '" + name + "'");
    } else {
      List<Tensor> operands = new ArrayList<>();
      for (Value v : op.getOperands()) {
        operands.add(value(v, env));
      }
      try {
        results = NnKernels.evaluate(name, op.getPropertiesDictionary(), operands, op.getResultTypes());
      } catch (KernelException | ArithmeticException | IllegalArgumentException e) {
        throw new InterpreterException(op.getLoc(), "'" + name + "': " + e.getMessage(), e);
      }
    }
    if (results.size() != op.getNumResults()) {
      throw new IllegalStateException(name + " produced " + results.size() + " results");
    }
    for (int i = 0; i < results.size(); i++) {
      checkType(op, "result #" + i, op.getResult(i).getType(), results.get(i));
    }
    return results;
  }

  /**
   * Checks that {@code t} has {@code type}'s element type and shape. A kernel whose output
   * disagrees with the IR's type is a bug in the interpreter or a kernel, or (for the CIM
   * interpreter's vector work) a program whose types do not fit the nn op it names.
   */
  public static void checkType(Operation op, String what, Type type, Tensor t) throws InterpreterException {
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

  /**
   * The value of an {@code nn.constant}: its dense elements, seeded random ones, a weight file's,
   * or a view (reshape/transpose/slice/pad steps) of random or file weights.
   */
  public Tensor constant(ConstantOp c) throws InterpreterException {
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

  private static Tensor value(Value v, Map<Value, Tensor> env) throws InterpreterException {
    Tensor t = env.get(v);
    if (t == null) {
      Operation def = v.getDefiningOp();
      throw new InterpreterException(def != null ? def.getLoc() : null, "value used before it was computed");
    }
    return t;
  }
}

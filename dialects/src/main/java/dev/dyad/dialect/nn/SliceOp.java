package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code nn.slice}: a static ONNX Slice. For each listed axis (default {@code 0..n-1}), elements
 * {@code start, start + step, ...} before {@code end}, with negative indices counted from the end
 * and out-of-range ones clamped (see {@link Shapes#slice}); steps default to 1 and may be negative.
 */
public record SliceOp(Operation op) {
  public static final String NAME = "nn.slice";
  public static final String STARTS = "starts";
  public static final String ENDS = "ends";
  public static final String AXES = "axes";
  public static final String STEPS = "steps";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("static strided slice with ONNX clamping semantics")
      .operand(NnOps.INPUT, NnConstraints.ANY_TENSOR)
      .property(STARTS, NnConstraints.i64Array())
      .property(ENDS, NnConstraints.i64Array())
      .optionalProperty(AXES, NnConstraints.i64Array())
      .optionalProperty(STEPS, NnConstraints.i64Array())
      .result(NnOps.OUTPUT, NnConstraints.ANY_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(SliceOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public SliceOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code axes} and {@code steps} may be null (their defaults). */
  public static SliceOp create(Builder b, Location loc, Value input, long[] starts, long[] ends, long[] axes,
      long[] steps) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(STARTS, NnOps.i64s(starts)).with(ENDS, NnOps.i64s(ends));
    props = NnOps.with(props, AXES, axes == null ? null : NnOps.i64s(axes));
    props = NnOps.with(props, STEPS, steps == null ? null : NnOps.i64s(steps));
    return new SliceOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public long[] starts() {
    return NnOps.ints(DEFINITION, op, STARTS);
  }

  public long[] ends() {
    return NnOps.ints(DEFINITION, op, ENDS);
  }

  /** The sliced axes as written (may be negative), defaulting to {@code 0..n-1}. */
  public long[] axes() {
    long[] axes = NnOps.ints(DEFINITION, op, AXES);
    return axes != null ? axes : iota(starts().length);
  }

  /** The steps, defaulting to all 1. */
  public long[] steps() {
    long[] steps = NnOps.ints(DEFINITION, op, STEPS);
    return steps != null ? steps : ones(starts().length);
  }

  private static long[] iota(int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static long[] ones(int n) {
    long[] out = new long[n];
    java.util.Arrays.fill(out, 1);
    return out;
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shape(NnOps.INPUT);
    long[] starts = in.ints(STARTS);
    long[] ends = in.ints(ENDS);
    long[] axes = in.ints(AXES);
    long[] steps = in.ints(STEPS);
    int n = starts.length;
    if (ends.length != n) {
      throw in.fail("'ends' has " + ends.length + " entries, but 'starts' has " + n);
    }
    if (axes != null && axes.length != n) {
      throw in.fail("'axes' has " + axes.length + " entries, but 'starts' has " + n);
    }
    if (steps != null && steps.length != n) {
      throw in.fail("'steps' has " + steps.length + " entries, but 'starts' has " + n);
    }
    axes = axes != null ? axes : iota(n);
    steps = steps != null ? steps : ones(n);
    long[] out = x.clone();
    boolean[] seen = new boolean[x.length];
    for (int i = 0; i < n; i++) {
      int axis = Shapes.normalizeAxis(axes[i], x.length, 0);
      if (axis < 0) {
        throw in.fail("'axes' entry " + axes[i] + " is out of range for rank " + x.length);
      }
      if (seen[axis]) {
        throw in.fail("'axes' " + Shapes.format(axes) + " names axis " + axis + " twice");
      }
      seen[axis] = true;
      if (steps[i] == 0) {
        throw in.fail("'steps' must not contain 0");
      }
      out[axis] = Shapes.slice(x[axis], starts[i], ends[i], steps[i])[2];
    }
    return List.of(NnInfer.tensorType(out, in.element(NnOps.INPUT)));
  }
}

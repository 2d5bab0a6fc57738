package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.Type;
import java.util.List;

/** {@code nn.softmax}: {@code exp(x - max) / Σ exp(x - max)} along {@code axis}, f32 only. */
public record SoftmaxOp(Operation op) {
  public static final String NAME = "nn.softmax";
  public static final String AXIS = "axis";

  public static final OpDefinition DEFINITION =
      NnOps.unary(NAME, "softmax along one axis, f32 only", NnConstraints.F32_TENSOR)
          .property(AXIS, NnConstraints.i64(), NnOps.i64(-1))
          .inferTypes(SoftmaxOp::infer)
          .build();

  public SoftmaxOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code axis} may be negative (counted from the end). */
  public static SoftmaxOp create(Builder b, Location loc, Value input, long axis) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(AXIS, NnOps.i64(axis));
    return new SoftmaxOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  /** The axis as written (may be negative). */
  public long axis() {
    return NnOps.i64(DEFINITION, op, AXIS);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    in.axis(AXIS, in.tensor(NnOps.INPUT).rank(), 0);
    return List.of(in.tensor(NnOps.INPUT));
  }
}

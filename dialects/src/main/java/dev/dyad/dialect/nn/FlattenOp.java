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
 * {@code nn.flatten}: the 2-D view {@code [d0 · ... · d(axis-1), d(axis) · ... · d(r-1)]} (ONNX
 * Flatten; {@code axis} is in {@code [-r, r]}).
 */
public record FlattenOp(Operation op) {
  public static final String NAME = "nn.flatten";
  public static final String AXIS = "axis";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("2-D view splitting the dimensions at axis")
      .operand(NnOps.INPUT, NnConstraints.ANY_TENSOR)
      .property(AXIS, NnConstraints.i64(), NnOps.i64(1))
      .result(NnOps.OUTPUT, NnConstraints.ANY_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(FlattenOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public FlattenOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static FlattenOp create(Builder b, Location loc, Value input, long axis) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(AXIS, NnOps.i64(axis));
    return new FlattenOp(NnOps.create(b, loc, DEFINITION, props, input));
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
    long[] x = in.shape(NnOps.INPUT);
    int axis = in.axis(AXIS, x.length, 1);
    long outer = Shapes.product(x, 0, axis);
    long inner = Shapes.product(x, axis, x.length);
    if (outer < 0 || inner < 0) {
      throw in.fail("flattened dimensions of " + Shapes.format(x) + " overflow a 64-bit size");
    }
    return List.of(NnInfer.tensorType(new long[] {outer, inner}, in.element(NnOps.INPUT)));
  }
}

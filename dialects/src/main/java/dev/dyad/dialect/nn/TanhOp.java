package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/** {@code nn.tanh}: hyperbolic tangent, f32 only. */
public record TanhOp(Operation op) {
  public static final String NAME = "nn.tanh";

  public static final OpDefinition DEFINITION =
      NnOps.unary(NAME, "hyperbolic tangent, f32 only", NnConstraints.F32_TENSOR).build();

  public TanhOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static TanhOp create(Builder b, Location loc, Value input) {
    return new TanhOp(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/** {@code nn.relu}: {@code max(x, 0)}, on f32 or i8. */
public record ReluOp(Operation op) {
  public static final String NAME = "nn.relu";

  public static final OpDefinition DEFINITION =
      NnOps.unary(NAME, "max(x, 0), f32 or i8", NnConstraints.F32_OR_I8_TENSOR).build();

  public ReluOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static ReluOp create(Builder b, Location loc, Value input) {
    return new ReluOp(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }
}

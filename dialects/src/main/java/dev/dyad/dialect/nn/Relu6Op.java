package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/** {@code nn.relu6}: {@code min(max(x, 0), 6)}, on f32 or i8. */
public record Relu6Op(Operation op) {
  public static final String NAME = "nn.relu6";

  public static final OpDefinition DEFINITION =
      NnOps.unary(NAME, "min(max(x, 0), 6), f32 or i8", NnConstraints.F32_OR_I8_TENSOR).build();

  public Relu6Op {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static Relu6Op create(Builder b, Location loc, Value input) {
    return new Relu6Op(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }
}

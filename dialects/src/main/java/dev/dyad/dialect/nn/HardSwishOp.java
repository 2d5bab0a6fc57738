package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/** {@code nn.hardswish}: {@code x · max(0, min(1, x / 6 + 1 / 2))}, f32 only. */
public record HardSwishOp(Operation op) {
  public static final String NAME = "nn.hardswish";

  public static final OpDefinition DEFINITION =
      NnOps.unary(NAME, "x * max(0, min(1, x / 6 + 1 / 2)), f32 only", NnConstraints.F32_TENSOR).build();

  public HardSwishOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static HardSwishOp create(Builder b, Location loc, Value input) {
    return new HardSwishOp(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }
}

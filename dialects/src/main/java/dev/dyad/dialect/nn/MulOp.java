package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/**
 * {@code nn.mul}: elementwise product with numpy broadcasting; i8 saturates, i32 wraps
 * like the accumulation of the products.
 */
public record MulOp(Operation op) {
  public static final String NAME = "nn.mul";

  public static final OpDefinition DEFINITION = NnOps.binary(NAME,
      "elementwise multiplication with broadcasting; i8 saturates, i32 wraps", Trait.PURE, Trait.COMMUTATIVE).build();

  public MulOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code lhs * rhs}, of the broadcast shape. */
  public static MulOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return new MulOp(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, lhs, rhs));
  }

  public Value lhs() {
    return op.getOperand(0);
  }

  public Value rhs() {
    return op.getOperand(1);
  }

  public OpResult output() {
    return op.getResult(0);
  }
}

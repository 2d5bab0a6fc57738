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
 * {@code nn.div}: elementwise quotient with numpy broadcasting; integer division truncates
 * toward zero (and saturates: MIN / -1 is MAX). Not speculatable: integers may divide by zero.
 */
public record DivOp(Operation op) {
  public static final String NAME = "nn.div";

  public static final OpDefinition DEFINITION = NnOps.binary(NAME,
      "elementwise division with broadcasting; integers truncate toward zero", Trait.NO_MEMORY_EFFECT).build();

  public DivOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code lhs / rhs}, of the broadcast shape. */
  public static DivOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return new DivOp(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, lhs, rhs));
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

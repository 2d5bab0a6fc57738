package dev.dyad.dialect.arith;

import dev.dyad.ir.Builder;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.ods.OpDefinition;
import java.util.List;

/** {@code arith.muli}: wrapping integer multiplication. */
public record MulIOp(Operation op) {
  public static final String NAME = "arith.muli";

  public static final OpDefinition DEFINITION = ArithOps.intBinary(NAME, "Integer multiplication operation.", true,
      MulIOp::fold, Trait.COMMUTATIVE, Trait.PURE).build();

  public MulIOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static MulIOp create(Builder b, Location loc, Value lhs, Value rhs, IntegerOverflowFlagsAttr flags) {
    return new MulIOp(ArithOps.binary(b, NAME, loc, lhs, rhs, ArithOps.OVERFLOW_FLAGS, flags));
  }

  public static MulIOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return create(b, loc, lhs, rhs, IntegerOverflowFlagsAttr.NONE);
  }

  public Value lhs() {
    return op.getOperand(0);
  }

  public Value rhs() {
    return op.getOperand(1);
  }

  public OpResult result() {
    return op.getResult(0);
  }

  public IntegerOverflowFlagsAttr overflowFlags() {
    return ArithOps.overflowFlags(op);
  }

  /** x * 0 = the zero operand; x * 1 = x; constants multiply with wrap-around. */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    if (ConstantValues.isZero(operands.get(1))) {
      return FoldResult.of(op.getOperand(1));
    }
    if (ConstantValues.isOne(operands.get(1))) {
      return FoldResult.of(op.getOperand(0));
    }
    return FoldResult.ofNullable(ArithOps.foldInts(operands, (a, b, w) -> a * b));
  }
}

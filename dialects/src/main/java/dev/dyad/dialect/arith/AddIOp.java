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

/** {@code arith.addi}: wrapping integer addition. */
public record AddIOp(Operation op) {
  public static final String NAME = "arith.addi";

  public static final OpDefinition DEFINITION = ArithOps.intBinary(NAME, "integer addition operation", true,
      AddIOp::fold, Trait.COMMUTATIVE, Trait.PURE).build();

  public AddIOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static AddIOp create(Builder b, Location loc, Value lhs, Value rhs, IntegerOverflowFlagsAttr flags) {
    return new AddIOp(ArithOps.binary(b, NAME, loc, lhs, rhs, ArithOps.OVERFLOW_FLAGS, flags));
  }

  public static AddIOp create(Builder b, Location loc, Value lhs, Value rhs) {
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

  /** x + 0 = x; (a - b) + b = a; b + (a - b) = a; constants add with wrap-around. */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    Value lhs = op.getOperand(0);
    Value rhs = op.getOperand(1);
    if (ConstantValues.isZero(operands.get(1))) {
      return FoldResult.of(lhs);
    }
    Operation sub = ArithOps.definedBy(lhs, SubIOp.NAME);
    if (sub != null && sub.getOperand(1) == rhs) {
      return FoldResult.of(sub.getOperand(0));
    }
    sub = ArithOps.definedBy(rhs, SubIOp.NAME);
    if (sub != null && sub.getOperand(1) == lhs) {
      return FoldResult.of(sub.getOperand(0));
    }
    return FoldResult.ofNullable(ArithOps.foldInts(operands, (a, b, w) -> a + b));
  }
}

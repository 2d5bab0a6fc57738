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

/** {@code arith.addf}: IEEE floating-point addition. */
public record AddFOp(Operation op) {
  public static final String NAME = "arith.addf";

  public static final OpDefinition DEFINITION =
      ArithOps.floatBinary(NAME, "floating point addition operation", AddFOp::fold, Trait.COMMUTATIVE).build();

  public AddFOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static AddFOp create(Builder b, Location loc, Value lhs, Value rhs, FastMathFlagsAttr fastmath) {
    return new AddFOp(ArithOps.binary(b, NAME, loc, lhs, rhs, ArithOps.FASTMATH, fastmath));
  }

  public static AddFOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return create(b, loc, lhs, rhs, FastMathFlagsAttr.NONE);
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

  public FastMathFlagsAttr fastmath() {
    return ArithOps.fastMath(op);
  }

  /** x + (-0.0) = x; f32/f64 constants add. */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    if (ConstantValues.isNegZeroFloat(operands.get(1))) {
      return FoldResult.of(op.getOperand(0));
    }
    return FoldResult.ofNullable(ArithOps.foldFloats(operands, FloatMath.Op.ADD));
  }
}

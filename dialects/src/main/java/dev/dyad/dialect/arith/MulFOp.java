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

/** {@code arith.mulf}: IEEE floating-point multiplication. */
public record MulFOp(Operation op) {
  public static final String NAME = "arith.mulf";

  public static final OpDefinition DEFINITION =
      ArithOps.floatBinary(NAME, "floating point multiplication operation", MulFOp::fold, Trait.COMMUTATIVE).build();

  public MulFOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static MulFOp create(Builder b, Location loc, Value lhs, Value rhs, FastMathFlagsAttr fastmath) {
    return new MulFOp(ArithOps.binary(b, NAME, loc, lhs, rhs, ArithOps.FASTMATH, fastmath));
  }

  public static MulFOp create(Builder b, Location loc, Value lhs, Value rhs) {
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

  /** x * 1.0 = x; x * 0 = the zero when NaNs and signed zeros may be ignored; f32/f64 constants multiply. */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    if (ConstantValues.isOneFloat(operands.get(1))) {
      return FoldResult.of(op.getOperand(0));
    }
    boolean ignoreNanAndSign = ArithOps.fastMath(op).containsAll(FastMathFlagsAttr.NNAN | FastMathFlagsAttr.NSZ);
    if (ignoreNanAndSign && ConstantValues.isAnyZeroFloat(operands.get(1))) {
      return FoldResult.of(op.getOperand(1));
    }
    return FoldResult.ofNullable(ArithOps.foldFloats(operands, FloatMath.Op.MUL));
  }
}

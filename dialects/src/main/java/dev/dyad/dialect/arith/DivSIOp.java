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

/**
 * {@code arith.divsi}: signed integer division rounding toward zero. Division by zero and the
 * overflowing {@code MIN / -1} are undefined, so the op has no memory effects but is not Pure.
 */
public record DivSIOp(Operation op) {
  public static final String NAME = "arith.divsi";

  public static final OpDefinition DEFINITION = ArithOps.intBinary(NAME, "signed integer division operation", false,
      DivSIOp::fold, Trait.NO_MEMORY_EFFECT).build();

  public DivSIOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static DivSIOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return new DivSIOp(ArithOps.binary(b, NAME, loc, lhs, rhs, null, null));
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

  /**
   * x / 1 = x; (a * b) / b = a when the product promised no signed wrap; constants divide unless
   * that is undefined.
   */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    Value lhs = op.getOperand(0);
    Value rhs = op.getOperand(1);
    if (ConstantValues.isOne(operands.get(1))) {
      return FoldResult.of(lhs);
    }
    Operation mul = ArithOps.definedBy(lhs, MulIOp.NAME);
    if (mul != null && ArithOps.overflowFlags(mul).nsw()) {
      if (mul.getOperand(0) == rhs) {
        return FoldResult.of(mul.getOperand(1));
      }
      if (mul.getOperand(1) == rhs) {
        return FoldResult.of(mul.getOperand(0));
      }
    }
    return FoldResult.ofNullable(ArithOps.foldInts(operands, IntMath::sdiv));
  }
}

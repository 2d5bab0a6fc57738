package dev.dyad.dialect.arith;

import dev.dyad.ir.Builder;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.TypedAttrs;
import dev.dyad.ir.ods.OpDefinition;
import java.util.List;

/** {@code arith.subi}: wrapping integer subtraction. */
public record SubIOp(Operation op) {
  public static final String NAME = "arith.subi";

  public static final OpDefinition DEFINITION = ArithOps.intBinary(NAME, "integer subtraction operation", true,
      SubIOp::fold, Trait.PURE).build();

  public SubIOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static SubIOp create(Builder b, Location loc, Value lhs, Value rhs, IntegerOverflowFlagsAttr flags) {
    return new SubIOp(ArithOps.binary(b, NAME, loc, lhs, rhs, ArithOps.OVERFLOW_FLAGS, flags));
  }

  public static SubIOp create(Builder b, Location loc, Value lhs, Value rhs) {
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

  /** x - x = 0; x - 0 = x; (a + b) - b = a; (a + b) - a = b; constants subtract with wrap-around. */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    Value lhs = op.getOperand(0);
    Value rhs = op.getOperand(1);
    if (lhs == rhs) {
      // A dynamically shaped zero cannot be built: then fold nothing here.
      Attribute zero = TypedAttrs.zero(op.getResult(0).getType());
      if (zero != null) {
        return FoldResult.of(zero);
      }
    }
    if (ConstantValues.isZero(operands.get(1))) {
      return FoldResult.of(lhs);
    }
    Operation add = ArithOps.definedBy(lhs, AddIOp.NAME);
    if (add != null && add.getOperand(1) == rhs) {
      return FoldResult.of(add.getOperand(0));
    }
    if (add != null && add.getOperand(0) == rhs) {
      return FoldResult.of(add.getOperand(1));
    }
    return FoldResult.ofNullable(ArithOps.foldInts(operands, (a, b, w) -> a - b));
  }
}

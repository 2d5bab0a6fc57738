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

/** {@code arith.xori}: bitwise exclusive or (with true: logical not of an i1). */
public record XOrIOp(Operation op) {
  public static final String NAME = "arith.xori";

  public static final OpDefinition DEFINITION = ArithOps.intBinary(NAME, "integer binary xor", false,
      XOrIOp::fold, Trait.COMMUTATIVE, Trait.PURE).build();

  public XOrIOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static XOrIOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return new XOrIOp(ArithOps.binary(b, NAME, loc, lhs, rhs, null, null));
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

  /** x ^ 0 = x; x ^ x = 0; (x ^ a) ^ a = x in either operand order; constants xor. */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    Value lhs = op.getOperand(0);
    Value rhs = op.getOperand(1);
    if (ConstantValues.isZero(operands.get(1))) {
      return FoldResult.of(lhs);
    }
    if (lhs == rhs) {
      Attribute zero = TypedAttrs.zero(op.getResult(0).getType());
      if (zero != null) {
        return FoldResult.of(zero);
      }
    }
    Operation prev = ArithOps.definedBy(lhs, NAME);
    if (prev != null && prev.getOperand(1) == rhs) {
      return FoldResult.of(prev.getOperand(0));
    }
    if (prev != null && prev.getOperand(0) == rhs) {
      return FoldResult.of(prev.getOperand(1));
    }
    prev = ArithOps.definedBy(rhs, NAME);
    if (prev != null && prev.getOperand(1) == lhs) {
      return FoldResult.of(prev.getOperand(0));
    }
    if (prev != null && prev.getOperand(0) == lhs) {
      return FoldResult.of(prev.getOperand(1));
    }
    return FoldResult.ofNullable(ArithOps.foldInts(operands, (a, b, w) -> a ^ b));
  }
}

package dev.dyad.dialect.arith.transforms;

import dev.dyad.dialect.arith.AddIOp;
import dev.dyad.dialect.arith.ConstantOp;
import dev.dyad.dialect.arith.IntMath;
import dev.dyad.dialect.arith.IntegerOverflowFlagsAttr;
import dev.dyad.dialect.arith.MulIOp;
import dev.dyad.dialect.arith.SubIOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.Type;
import dev.dyad.rewrite.Locations;
import dev.dyad.rewrite.PatternRewriter;

/**
 * The rules that merge two constants of a chain of integer ops into one: an outer op with one
 * constant operand applied to an inner op with one constant operand becomes one op with the
 * combined constant (MLIR's AddIAddConstant, SubIRHSSubConstantLHS, MulIMulIConstant, ...).
 */
final class ConstantChains {
  /** Where the inner op has its constant: {@code inner(x, c0)} or {@code inner(c0, x)}. */
  enum Shape { X_C, C_X }

  /** How the inner constant {@code c0} and the outer one {@code c1} combine. */
  enum Combine { ADD, MUL, OUTER_MINUS_INNER, INNER_MINUS_OUTER }

  /** The replacement, with {@code c} the combined constant; flags are both ops' common ones. */
  enum Result { ADD_X_C, ADD_X_C_NO_FLAGS, SUB_X_C, SUB_C_X, MUL_X_C }

  private ConstantChains() {}

  /** {@code outer(inner, c1)}. */
  static boolean rewrite(Operation outer, PatternRewriter r, String inner, Shape shape, Combine combine,
      Result result) {
    return apply(outer, r, outer.getOperand(0), outer.getOperand(1), inner, shape, combine, result);
  }

  /** {@code outer(c1, inner)}. */
  static boolean rewriteConstantFirst(Operation outer, PatternRewriter r, String inner, Shape shape, Combine combine,
      Result result) {
    return apply(outer, r, outer.getOperand(1), outer.getOperand(0), inner, shape, combine, result);
  }

  private static boolean apply(Operation outer, PatternRewriter r, Value innerValue, Value outerConstant,
      String innerName, Shape shape, Combine combine, Result result) {
    Operation inner = Matching.definedBy(innerValue, innerName);
    IntegerAttr c1 = Matching.intConstant(outerConstant);
    if (inner == null || c1 == null) {
      return false;
    }
    Value x = inner.getOperand(shape == Shape.X_C ? 0 : 1);
    Value innerConstant = inner.getOperand(shape == Shape.X_C ? 1 : 0);
    IntegerAttr c0 = Matching.intConstant(innerConstant);
    Type type = outer.getResult(0).getType();
    int width = IntMath.width(type);
    if (c0 == null || width < 0 || !c0.type().equals(c1.type())) {
      return false;
    }
    if (combine == Combine.MUL && !(c0.type().equals(type) && c1.type().equals(type))) {
      return false;
    }
    IntegerAttr c = IntegerAttr.of(combine(combine, c0.longValue(), c1.longValue()), type);
    IntegerOverflowFlagsAttr flags = ArithCanonicalization.flags(inner).and(ArithCanonicalization.flags(outer));
    // MLIR's declarative rules fuse the root's location with the first constant they matched.
    Value firstMatched = outer.getOperand(0) == outerConstant ? outerConstant : innerConstant;
    Location loc = Locations.fuse(outer.getLoc(), firstMatched.getDefiningOp().getLoc());
    Value constant = ConstantOp.create(r, loc, c).result();
    Operation replacement = switch (result) {
      case ADD_X_C -> AddIOp.create(r, loc, x, constant, flags).op();
      case ADD_X_C_NO_FLAGS -> AddIOp.create(r, loc, x, constant).op();
      case SUB_X_C -> SubIOp.create(r, loc, x, constant, flags).op();
      case SUB_C_X -> SubIOp.create(r, loc, constant, x, flags).op();
      case MUL_X_C -> MulIOp.create(r, loc, x, constant, flags).op();
    };
    r.replaceOp(outer, replacement);
    return true;
  }

  private static long combine(Combine combine, long c0, long c1) {
    return switch (combine) {
      case ADD -> c0 + c1;
      case MUL -> c0 * c1;
      case OUTER_MINUS_INNER -> c1 - c0;
      case INNER_MINUS_OUTER -> c0 - c1;
    };
  }
}

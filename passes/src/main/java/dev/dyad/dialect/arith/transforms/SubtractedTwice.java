package dev.dyad.dialect.arith.transforms;

import dev.dyad.dialect.arith.ConstantOp;
import dev.dyad.dialect.arith.IntegerOverflowFlagsAttr;
import dev.dyad.dialect.arith.SubIOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.TypedAttrs;
import dev.dyad.rewrite.Locations;
import dev.dyad.rewrite.PatternRewriter;

/** {@code (x - y) - x = 0 - y} (MLIR's SubISubILHSRHSLHS). */
final class SubtractedTwice {
  private SubtractedTwice() {}

  static boolean rewrite(Operation outer, PatternRewriter r) {
    Operation inner = Matching.definedBy(outer.getOperand(0), SubIOp.NAME);
    if (inner == null || inner.getOperand(0) != outer.getOperand(1)) {
      return false;
    }
    Value y = inner.getOperand(1);
    Attribute zero = TypedAttrs.zero(y.getType());
    if (zero == null) {
      return false;
    }
    IntegerOverflowFlagsAttr flags = ArithCanonicalization.flags(inner).and(ArithCanonicalization.flags(outer));
    Location loc = Locations.fuse(outer.getLoc(), inner.getLoc());
    Value constant = ConstantOp.create(r, loc, zero).result();
    r.replaceOpWithNewOp(outer, () -> SubIOp.create(r, loc, constant, y, flags).op());
    return true;
  }
}

package dev.dyad.dialect.arith.transforms;

import dev.dyad.dialect.arith.ConstantOp;
import dev.dyad.dialect.arith.ConstantValues;
import dev.dyad.dialect.arith.ExtUIOp;
import dev.dyad.dialect.arith.SelectOp;
import dev.dyad.dialect.arith.XOrIOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import dev.dyad.rewrite.Locations;
import dev.dyad.rewrite.PatternRewriter;

/** Rules on {@code arith.select} (MLIR's RedundantSelect*, SelectNotCond, SelectI1ToNot, SelectToExtUI). */
final class SelectPatterns {
  private SelectPatterns() {}

  /**
   * A select on the same condition nested as the true ({@code which == 1}) or false ({@code 2})
   * value takes that value's own choice: {@code select(p, a, select(p, b, c)) = select(p, a, c)}.
   */
  static boolean redundant(Operation select, PatternRewriter r, int which) {
    Operation nested = Matching.definedBy(select.getOperand(which), SelectOp.NAME);
    Value pred = select.getOperand(0);
    if (nested == null || nested.getOperand(0) != pred) {
      return false;
    }
    Value t = which == 1 ? nested.getOperand(1) : select.getOperand(1);
    Value f = which == 2 ? nested.getOperand(2) : select.getOperand(2);
    Location loc = Locations.fuse(select.getLoc(), nested.getLoc());
    r.replaceOpWithNewOp(select, () -> SelectOp.create(r, loc, pred, t, f).op());
    return true;
  }

  /** {@code select(p ^ -1, a, b) = select(p, b, a)}. */
  static boolean notCondition(Operation select, PatternRewriter r) {
    Operation not = Matching.definedBy(select.getOperand(0), XOrIOp.NAME);
    if (not == null) {
      return false;
    }
    IntegerAttr ones = Matching.intConstant(not.getOperand(1));
    if (ones == null || !ConstantValues.isAllOnes(ones)) {
      return false;
    }
    Location loc = Locations.fuse(select.getLoc(), not.getOperand(1).getDefiningOp().getLoc());
    r.replaceOpWithNewOp(select, () -> SelectOp.create(r, loc, not.getOperand(0), select.getOperand(2),
        select.getOperand(1)).op());
    return true;
  }

  /** {@code select(p, false, true) = p ^ true}. */
  static boolean i1ToNot(Operation select, PatternRewriter r) {
    if (!IntegerAttr.FALSE.equals(Matching.constant(select.getOperand(1)))
        || !IntegerAttr.TRUE.equals(Matching.constant(select.getOperand(2)))) {
      return false;
    }
    Value t = ConstantOp.create(r, select.getLoc(), IntegerAttr.TRUE).result();
    r.replaceOpWithNewOp(select, () -> XOrIOp.create(r, select.getLoc(), select.getOperand(0), t).op());
    return true;
  }

  /** {@code select(p, 1, 0) = extui(p)} and {@code select(p, 0, 1) = extui(p ^ 1)}, for wider integers. */
  static boolean toExtUI(Operation select, PatternRewriter r) {
    Type type = select.getResult(0).getType();
    if (!(type instanceof IntegerType it) || it.width() == 1) {
      return false;
    }
    Attribute t = Matching.constant(select.getOperand(1));
    Attribute f = Matching.constant(select.getOperand(2));
    Value cond = select.getOperand(0);
    if (ConstantValues.isOne(t) && ConstantValues.isZero(f)) {
      r.replaceOpWithNewOp(select, () -> ExtUIOp.create(r, select.getLoc(), cond, type).op());
      return true;
    }
    if (ConstantValues.isZero(t) && ConstantValues.isOne(f)) {
      Value one = ConstantOp.create(r, select.getLoc(), IntegerAttr.of(1, cond.getType())).result();
      Value not = XOrIOp.create(r, select.getLoc(), cond, one).result();
      r.replaceOpWithNewOp(select, () -> ExtUIOp.create(r, select.getLoc(), not, type).op());
      return true;
    }
    return false;
  }
}

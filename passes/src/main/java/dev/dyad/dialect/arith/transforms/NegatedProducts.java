package dev.dyad.dialect.arith.transforms;

import dev.dyad.dialect.arith.ConstantValues;
import dev.dyad.dialect.arith.MulIOp;
import dev.dyad.dialect.arith.SubIOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.rewrite.Locations;
import dev.dyad.rewrite.PatternRewriter;

/** {@code x + y * -1 = x - y} (MLIR's AddIMulNegativeOneRhs and ...Lhs). */
final class NegatedProducts {
  private NegatedProducts() {}

  /** The product is operand {@code mulIndex} of the addition. */
  static boolean rewrite(Operation add, PatternRewriter r, int mulIndex) {
    Operation mul = Matching.definedBy(add.getOperand(mulIndex), MulIOp.NAME);
    if (mul == null) {
      return false;
    }
    Attribute factor = Matching.constant(mul.getOperand(1));
    if (factor == null || !ConstantValues.isAllOnes(factor)) {
      return false;
    }
    Value other = add.getOperand(1 - mulIndex);
    Value negated = mul.getOperand(0);
    Location loc = Locations.fuse(add.getLoc(), mul.getOperand(1).getDefiningOp().getLoc());
    r.replaceOpWithNewOp(add, () -> SubIOp.create(r, loc, other, negated).op());
    return true;
  }
}

package dev.dyad.dialect.arith.transforms;

import dev.dyad.dialect.arith.CmpIOp;
import dev.dyad.dialect.arith.CmpIPredicate;
import dev.dyad.dialect.arith.ExtUIOp;
import dev.dyad.dialect.arith.XOrIOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.rewrite.Locations;
import dev.dyad.rewrite.PatternRewriter;

/**
 * Rules on comparisons and their negations (MLIR's XOrINotCmpI, XOrIOfExtUI, CmpIExtUI, CmpIExtSI).
 * New ops get the fused location of the matched ops, as MLIR's declarative rules give them.
 */
final class BooleanPatterns {
  private BooleanPatterns() {}

  /** {@code cmpi(p, a, b) ^ true = cmpi(!p, a, b)}. */
  static boolean notOfCmpI(Operation xor, PatternRewriter r) {
    Operation cmp = Matching.definedBy(xor.getOperand(0), CmpIOp.NAME);
    if (cmp == null || !IntegerAttr.TRUE.equals(Matching.constant(xor.getOperand(1)))) {
      return false;
    }
    CmpIPredicate inverted = new CmpIOp(cmp).predicate().invert();
    Location loc = Locations.fuse(xor.getLoc(), cmp.getLoc());
    r.replaceOpWithNewOp(xor, () -> CmpIOp.create(r, loc, inverted, cmp.getOperand(0), cmp.getOperand(1)).op());
    return true;
  }

  /** {@code extui(x) ^ extui(y) = extui(x ^ y)} for x and y of one type. */
  static boolean xorOfExtUI(Operation xor, PatternRewriter r) {
    Operation a = Matching.definedBy(xor.getOperand(0), ExtUIOp.NAME);
    Operation b = Matching.definedBy(xor.getOperand(1), ExtUIOp.NAME);
    if (a == null || b == null || !a.getOperand(0).getType().equals(b.getOperand(0).getType())) {
      return false;
    }
    Location loc = Locations.fuse(xor.getLoc(), a.getLoc(), b.getLoc());
    Value inner = XOrIOp.create(r, loc, a.getOperand(0), b.getOperand(0)).result();
    r.replaceOpWithNewOp(xor, () -> ExtUIOp.create(r, loc, inner, xor.getResult(0).getType()).op());
    return true;
  }

  /** {@code ext(a) == ext(b)} is {@code a == b} (and likewise {@code !=}) for one extension kind. */
  static boolean cmpOfExtensions(Operation cmp, PatternRewriter r, String extension) {
    Operation a = Matching.definedBy(cmp.getOperand(0), extension);
    Operation b = Matching.definedBy(cmp.getOperand(1), extension);
    CmpIPredicate pred = new CmpIOp(cmp).predicate();
    boolean equality = pred == CmpIPredicate.EQ || pred == CmpIPredicate.NE;
    if (a == null || b == null || !equality || !a.getOperand(0).getType().equals(b.getOperand(0).getType())) {
      return false;
    }
    Location loc = Locations.fuse(cmp.getLoc(), a.getLoc(), b.getLoc());
    r.replaceOpWithNewOp(cmp, () -> CmpIOp.create(r, loc, pred, a.getOperand(0), b.getOperand(0)).op());
    return true;
  }
}

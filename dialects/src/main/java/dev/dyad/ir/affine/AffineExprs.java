package dev.dyad.ir.affine;

import dev.dyad.ir.affine.AffineExpr.Binary;
import dev.dyad.ir.affine.AffineExpr.Constant;
import dev.dyad.ir.affine.AffineExpr.Kind;

/**
 * Builds affine expressions with MLIR's construction-time simplifications (constant folding,
 * constants and symbols moved to the right, merging of like terms), so that parsed and built
 * expressions print exactly as MLIR prints them.
 */
public final class AffineExprs {
  private AffineExprs() {}

  public static AffineExpr dim(int position) {
    return new AffineExpr.Dim(position);
  }

  public static AffineExpr symbol(int position) {
    return new AffineExpr.Symbol(position);
  }

  public static AffineExpr constant(long value) {
    return new Constant(value);
  }

  /** Whether {@code e} mentions no dimension. */
  public static boolean isSymbolicOrConstant(AffineExpr e) {
    if (e instanceof AffineExpr.Dim) {
      return false;
    }
    if (e instanceof Binary b) {
      return isSymbolicOrConstant(b.lhs()) && isSymbolicOrConstant(b.rhs());
    }
    return true;
  }

  public static AffineExpr add(AffineExpr lhs, AffineExpr rhs) {
    if (lhs instanceof Constant l && rhs instanceof Constant r) {
      return constant(l.value() + r.value());
    }
    if (lhs instanceof Constant || (isSymbolicOrConstant(lhs) && !isSymbolicOrConstant(rhs))) {
      return add(rhs, lhs);
    }
    if (rhs instanceof Constant r && r.value() == 0) {
      return lhs;
    }
    if (lhs instanceof Binary lb && lb.kind() == Kind.ADD && rhs instanceof Constant r
        && lb.rhs() instanceof Constant lr) {
      return add(lb.lhs(), constant(lr.value() + r.value()));
    }
    return new Binary(Kind.ADD, lhs, rhs);
  }

  public static AffineExpr neg(AffineExpr e) {
    return mul(e, constant(-1));
  }

  public static AffineExpr sub(AffineExpr lhs, AffineExpr rhs) {
    return add(lhs, neg(rhs));
  }

  public static AffineExpr mul(AffineExpr lhs, AffineExpr rhs) {
    if (lhs instanceof Constant l && rhs instanceof Constant r) {
      return constant(l.value() * r.value());
    }
    if (lhs instanceof Constant || (isSymbolicOrConstant(lhs) && !isSymbolicOrConstant(rhs))) {
      return mul(rhs, lhs);
    }
    if (rhs instanceof Constant r) {
      if (r.value() == 1) {
        return lhs;
      }
      if (r.value() == 0) {
        return rhs;
      }
      if (lhs instanceof Binary lb && lb.kind() == Kind.MUL && lb.rhs() instanceof Constant lr) {
        return mul(lb.lhs(), constant(lr.value() * r.value()));
      }
    }
    return new Binary(Kind.MUL, lhs, rhs);
  }

  public static AffineExpr floorDiv(AffineExpr lhs, AffineExpr rhs) {
    if (lhs instanceof Constant l && rhs instanceof Constant r && r.value() != 0) {
      return constant(Math.floorDiv(l.value(), r.value()));
    }
    if (rhs instanceof Constant r && r.value() == 1) {
      return lhs;
    }
    return new Binary(Kind.FLOOR_DIV, lhs, rhs);
  }

  public static AffineExpr ceilDiv(AffineExpr lhs, AffineExpr rhs) {
    if (lhs instanceof Constant l && rhs instanceof Constant r && r.value() != 0) {
      return constant(-Math.floorDiv(-l.value(), r.value()));
    }
    if (rhs instanceof Constant r && r.value() == 1) {
      return lhs;
    }
    return new Binary(Kind.CEIL_DIV, lhs, rhs);
  }

  public static AffineExpr mod(AffineExpr lhs, AffineExpr rhs) {
    if (lhs instanceof Constant l && rhs instanceof Constant r && r.value() != 0) {
      return constant(Math.floorMod(l.value(), r.value()));
    }
    if (rhs instanceof Constant r && r.value() == 1) {
      return constant(0);
    }
    return new Binary(Kind.MOD, lhs, rhs);
  }
}

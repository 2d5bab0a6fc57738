package dev.dyad.ir.affine;

import dev.dyad.ir.affine.AffineExpr.Binary;
import dev.dyad.ir.affine.AffineExpr.Constant;
import dev.dyad.ir.affine.AffineExpr.Dim;
import dev.dyad.ir.affine.AffineExpr.Kind;
import dev.dyad.ir.affine.AffineExpr.Symbol;

/**
 * Builds affine expressions the way MLIR 22's {@code AffineExpr} operators do, so that every
 * expression built here (and so every parsed expression) prints byte-for-byte like mlir-opt.
 *
 * <p>MLIR never keeps an unsimplified expression: {@code operator+}, {@code operator*},
 * {@code floorDiv}, {@code ceilDiv} and {@code operator%} first try a local rewrite
 * (simplifyAdd, simplifyMul, ...) and only create a node when none applies. The rewrites are
 * local and order dependent ({@code d1 + d0 + d1} is not {@code d0 + d1 * 2}), so they are
 * reproduced rule by rule, in MLIR's order, including its quirks:
 *
 * <ul>
 *   <li>folding two constants is skipped when it would overflow (the node is kept as written,
 *       operands unswapped), but the folds that combine a constant into an existing
 *       {@code e + c}, {@code e * c} or {@code c1 * e + c2 * e} wrap around silently;
 *   <li>{@code lhs + (X * -1)} with {@code X = (lhs floordiv q) * q} becomes {@code lhs mod q}
 *       whatever the kind of the right operand, so {@code d0 + ((d0 floordiv 4) * 4 - 1)} also
 *       becomes {@code d0 mod 4} (wrong, but it is what MLIR 22 prints);
 *   <li>{@code (e1 + e2) + (x floordiv q) * k} is rebuilt as {@code e1 + (e2 + ...)} as soon as
 *       {@code e2 + ...} simplifies at all, which is meant for {@code e2 = x} (giving
 *       {@code e1 + x mod q}) but also fires when a symbolic {@code e2} merely moves right:
 *       {@code (d1 + s0) - (d0 floordiv 2) * 2} prints {@code d1 + (d0 floordiv 2) * -2 + s0};
 *   <li>a new add or mul of two bare dims/symbols is stored with its operands ordered (dims
 *       first, then by position): {@code d1 + d0} is {@code d0 + d1}, {@code s1 * s0} is
 *       {@code s0 * s1}; nothing deeper is reordered.
 * </ul>
 *
 * <p>Records compare structurally, which is what MLIR's pointer comparison of uniqued expressions
 * amounts to, so {@code equals} is used wherever MLIR compares expressions with {@code ==}.
 */
public final class AffineExprs {
  private AffineExprs() {}

  public static AffineExpr dim(int position) {
    return new Dim(position);
  }

  public static AffineExpr symbol(int position) {
    return new Symbol(position);
  }

  public static AffineExpr constant(long value) {
    return new Constant(value);
  }

  /** MLIR's {@code getAffineBinaryOpExpr}: builds {@code lhs kind rhs} with simplification. */
  public static AffineExpr binary(Kind kind, AffineExpr lhs, AffineExpr rhs) {
    switch (kind) {
      case ADD:
        return add(lhs, rhs);
      case MUL:
        return mul(lhs, rhs);
      case FLOOR_DIV:
        return floorDiv(lhs, rhs);
      case CEIL_DIV:
        return ceilDiv(lhs, rhs);
      case MOD:
        return mod(lhs, rhs);
      default:
        throw new AssertionError(kind);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Queries (AffineExpr.cpp)
  // ---------------------------------------------------------------------------------------------

  /** Whether {@code e} mentions no dimension. */
  public static boolean isSymbolicOrConstant(AffineExpr e) {
    if (e instanceof Dim) {
      return false;
    }
    if (e instanceof Binary b) {
      return isSymbolicOrConstant(b.lhs()) && isSymbolicOrConstant(b.rhs());
    }
    return true;
  }

  /** Whether {@code e} is affine in the strict sense: mul, div and mod only by constants. */
  public static boolean isPureAffine(AffineExpr e) {
    if (!(e instanceof Binary b)) {
      return true;
    }
    boolean operands = isPureAffine(b.lhs()) && isPureAffine(b.rhs());
    switch (b.kind()) {
      case ADD:
        return operands;
      case MUL:
        return operands && (b.lhs() instanceof Constant || b.rhs() instanceof Constant);
      default:
        return operands && b.rhs() instanceof Constant;
    }
  }

  /**
   * MLIR's {@code getLargestKnownDivisor}, with its int64 arithmetic: products wrap and the gcd is
   * taken on the operands reinterpreted as unsigned, which only matters for values near 2^63.
   */
  public static long largestKnownDivisor(AffineExpr e) {
    if (e instanceof Dim || e instanceof Symbol) {
      return 1;
    }
    if (e instanceof Constant c) {
      return Math.abs(c.value());
    }
    Binary b = (Binary) e;
    switch (b.kind()) {
      case MUL:
        return largestKnownDivisor(b.lhs()) * largestKnownDivisor(b.rhs());
      case ADD:
      case MOD:
        return unsignedGcd(largestKnownDivisor(b.lhs()), largestKnownDivisor(b.rhs()));
      default:
        // A quotient keeps the part of the dividend's divisor that the constant divisor leaves.
        if (b.rhs() instanceof Constant r && r.value() != 0) {
          long lhsDiv = largestKnownDivisor(b.lhs());
          if (lhsDiv % r.value() == 0) {
            return Math.abs(lhsDiv / r.value());
          }
        }
        return 1;
    }
  }

  private static long unsignedGcd(long a, long b) {
    while (b != 0) {
      long t = Long.remainderUnsigned(a, b);
      a = b;
      b = t;
    }
    return a;
  }

  /**
   * The error MLIR's affine parser reports for {@code lhs kind rhs}, or null when the operation
   * is allowed. Semi-affine forms are accepted as long as one factor of a product, and the right
   * operand of a division or mod, mentions no dimension.
   */
  public static String nonAffineError(Kind kind, AffineExpr lhs, AffineExpr rhs) {
    switch (kind) {
      case ADD:
        return null;
      case MUL:
        return isSymbolicOrConstant(lhs) || isSymbolicOrConstant(rhs)
            ? null
            : "non-affine expression: at least one of the multiply operands has to be either a"
                + " constant or symbolic";
      case FLOOR_DIV:
        return divisorError("floordiv", rhs);
      case CEIL_DIV:
        return divisorError("ceildiv", rhs);
      case MOD:
        return divisorError("mod", rhs);
      default:
        throw new AssertionError(kind);
    }
  }

  private static String divisorError(String op, AffineExpr rhs) {
    return isSymbolicOrConstant(rhs)
        ? null
        : "non-affine expression: right operand of " + op
            + " has to be either a constant or symbolic";
  }

  // ---------------------------------------------------------------------------------------------
  // Addition
  // ---------------------------------------------------------------------------------------------

  public static AffineExpr add(AffineExpr lhs, AffineExpr rhs) {
    AffineExpr simplified = simplifyAdd(lhs, rhs);
    return simplified != null ? simplified : commutative(Kind.ADD, lhs, rhs);
  }

  /** MLIR's {@code expr + v}. */
  public static AffineExpr add(AffineExpr lhs, long rhs) {
    return add(lhs, constant(rhs));
  }

  /** {@code lhs - rhs}, built as MLIR's {@code operator-} does: {@code lhs + rhs * -1}. */
  public static AffineExpr sub(AffineExpr lhs, AffineExpr rhs) {
    return add(lhs, neg(rhs));
  }

  /** MLIR's {@code expr - v}, which is {@code expr + (-v)} with a wrapping negation. */
  public static AffineExpr sub(AffineExpr lhs, long rhs) {
    return add(lhs, constant(-rhs));
  }

  /** MLIR's unary minus: {@code e * -1} (the constant on the right matters if nothing folds). */
  public static AffineExpr neg(AffineExpr e) {
    return mul(e, constant(-1));
  }

  private static AffineExpr simplifyAdd(AffineExpr lhs, AffineExpr rhs) {
    Constant lhsConst = lhs instanceof Constant c ? c : null;
    Constant rhsConst = rhs instanceof Constant c ? c : null;
    if (lhsConst != null && rhsConst != null) {
      long sum = lhsConst.value() + rhsConst.value();
      // Overflow: MLIR keeps `c1 + c2` as written.
      boolean overflow = ((lhsConst.value() ^ sum) & (rhsConst.value() ^ sum)) < 0;
      return overflow ? null : constant(sum);
    }

    // Constants, then symbolic terms, go to the right: 4 + d0 is d0 + 4, s0 + d0 is d0 + s0.
    if (lhsConst != null || (isSymbolicOrConstant(lhs) && !isSymbolicOrConstant(rhs))) {
      return add(rhs, lhs);
    }
    if (rhsConst != null && rhsConst.value() == 0) {
      return lhs;
    }

    Binary lBin = lhs instanceof Binary b ? b : null;
    // (e + c1) + c2 is e + (c1 + c2); the sum wraps.
    if (lBin != null && rhsConst != null && lBin.kind() == Kind.ADD
        && lBin.rhs() instanceof Constant lrhs) {
      return add(lBin.lhs(), lrhs.value() + rhsConst.value());
    }

    // c1 * e + c2 * e is (c1 + c2) * e, where a term without a constant factor counts as 1 * e.
    long lhsFactor = 1;
    AffineExpr lhsTerm = lhs;
    if (lBin != null && lBin.kind() == Kind.MUL && lBin.rhs() instanceof Constant c) {
      lhsFactor = c.value();
      lhsTerm = lBin.lhs();
    }
    Binary rBin = rhs instanceof Binary b ? b : null;
    long rhsFactor = 1;
    AffineExpr rhsTerm = rhs;
    if (rBin != null && rBin.kind() == Kind.MUL && rBin.rhs() instanceof Constant c) {
      rhsFactor = c.value();
      rhsTerm = rBin.lhs();
    }
    if (lhsTerm.equals(rhsTerm)) {
      return mul(lhsTerm, constant(lhsFactor + rhsFactor));
    }

    // (e + c) + e2 is (e + e2) + c: constants bubble to the right of a sum.
    if (lBin != null && lBin.kind() == Kind.ADD && lBin.rhs() instanceof Constant lrhs) {
      return add(add(lBin.lhs(), rhs), lrhs);
    }

    // e - (e floordiv q) * q is e mod q.
    if (rBin == null) {
      return null;
    }
    AffineExpr lrhs = rBin.lhs();
    AffineExpr rrhs = rBin.rhs();
    // First form: rhs = ((lhs floordiv q) * q) * -1, q anything (a constant q would already have
    // been folded into the -1, so this is the symbolic form). MLIR does not check that rhs is a
    // product here, only that its right operand is -1.
    if (rrhs instanceof Constant m && m.value() == -1
        && lrhs instanceof Binary lrBin && lrBin.kind() == Kind.MUL) {
      if (!(lrBin.lhs() instanceof Binary div) || div.kind() != Kind.FLOOR_DIV) {
        return null;
      }
      if (div.rhs().equals(lrBin.rhs()) && lhs.equals(div.lhs())) {
        return mod(lhs, lrBin.rhs());
      }
    }
    // Second form: rhs = (x floordiv q) * k.
    if (rBin.kind() != Kind.MUL
        || !(lrhs instanceof Binary div)
        || div.kind() != Kind.FLOOR_DIV) {
      return null;
    }
    // x + (x floordiv c) * -c is x mod c, for a positive constant c only.
    if (div.rhs() instanceof Constant q && q.value() > 0
        && lhs.equals(div.lhs()) && q.equals(neg(rrhs))) {
      return mod(lhs, q);
    }
    // (e1 + e2) + rhs is e1 + (e2 + rhs) when e2 + rhs simplifies in any way, so that
    // (e1 + x) + (x floordiv c) * -c becomes e1 + x mod c. "Any way" includes merely swapping
    // e2 and rhs (a symbolic e2 moves right), whatever q and k are: MLIR 22 does not check that
    // the simplification is the mod one.
    if (lBin != null && lBin.kind() == Kind.ADD) {
      AffineExpr inner = simplifyAdd(lBin.rhs(), rhs);
      if (inner != null) {
        return add(lBin.lhs(), inner);
      }
    }
    return null;
  }

  /**
   * Creates an add or mul node that no rule simplified. MLIR 22 (llvm/llvm-project#146895) orders
   * two bare dims/symbols: dims before symbols, lower positions first.
   */
  private static AffineExpr commutative(Kind kind, AffineExpr lhs, AffineExpr rhs) {
    int l = leafRank(lhs);
    int r = leafRank(rhs);
    if (l >= 0 && r >= 0 && l > r) {
      return new Binary(kind, rhs, lhs);
    }
    return new Binary(kind, lhs, rhs);
  }

  /** Sort key of a bare dim or symbol (dims first), or -1 for anything else. */
  private static int leafRank(AffineExpr e) {
    if (e instanceof Dim d) {
      return d.position();
    }
    if (e instanceof Symbol s) {
      // Positions are far below 2^30, so dims and symbols never collide.
      return (1 << 30) + s.position();
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Multiplication
  // ---------------------------------------------------------------------------------------------

  /**
   * {@code lhs * rhs}. One operand must be symbolic or constant: MLIR's own operator would
   * recurse forever on {@code d0 * d1} (its parser rejects that first, see
   * {@link #nonAffineError}).
   */
  public static AffineExpr mul(AffineExpr lhs, AffineExpr rhs) {
    if (!isSymbolicOrConstant(lhs) && !isSymbolicOrConstant(rhs)) {
      throw new IllegalArgumentException(nonAffineError(Kind.MUL, lhs, rhs));
    }
    AffineExpr simplified = simplifyMul(lhs, rhs);
    return simplified != null ? simplified : commutative(Kind.MUL, lhs, rhs);
  }

  /** MLIR's {@code expr * v}. */
  public static AffineExpr mul(AffineExpr lhs, long rhs) {
    return mul(lhs, constant(rhs));
  }

  private static AffineExpr simplifyMul(AffineExpr lhs, AffineExpr rhs) {
    Constant lhsConst = lhs instanceof Constant c ? c : null;
    Constant rhsConst = rhs instanceof Constant c ? c : null;
    if (lhsConst != null && rhsConst != null) {
      long l = lhsConst.value();
      long r = rhsConst.value();
      long hi = Math.multiplyHigh(l, r);
      long lo = l * r;
      // Overflow: MLIR keeps `c1 * c2` as written.
      return hi != (lo >> 63) ? null : constant(lo);
    }

    // The constant or symbolic factor goes to the right.
    if (!isSymbolicOrConstant(rhs) || lhsConst != null) {
      return mul(rhs, lhs);
    }
    if (rhsConst != null) {
      if (rhsConst.value() == 1) {
        return lhs;
      }
      if (rhsConst.value() == 0) {
        return rhsConst;
      }
    }

    if (lhs instanceof Binary lBin && lBin.kind() == Kind.MUL
        && lBin.rhs() instanceof Constant lrhs) {
      // (e * c1) * c2 is e * (c1 * c2); the product wraps.
      if (rhsConst != null) {
        return mul(lBin.lhs(), lrhs.value() * rhsConst.value());
      }
      // (e * c) * e2 is (e * e2) * c.
      return mul(mul(lBin.lhs(), rhs), lrhs);
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Division and modulo
  // ---------------------------------------------------------------------------------------------

  /** {@code lhs floordiv rhs}; a non-constant divisor is never simplified. */
  public static AffineExpr floorDiv(AffineExpr lhs, AffineExpr rhs) {
    AffineExpr simplified = simplifyFloorDiv(lhs, rhs);
    return simplified != null ? simplified : new Binary(Kind.FLOOR_DIV, lhs, rhs);
  }

  /** MLIR's {@code expr.floorDiv(v)}. */
  public static AffineExpr floorDiv(AffineExpr lhs, long rhs) {
    return floorDiv(lhs, constant(rhs));
  }

  /** {@code lhs ceildiv rhs}; a non-constant divisor is never simplified. */
  public static AffineExpr ceilDiv(AffineExpr lhs, AffineExpr rhs) {
    AffineExpr simplified = simplifyCeilDiv(lhs, rhs);
    return simplified != null ? simplified : new Binary(Kind.CEIL_DIV, lhs, rhs);
  }

  /** MLIR's {@code expr.ceilDiv(v)}. */
  public static AffineExpr ceilDiv(AffineExpr lhs, long rhs) {
    return ceilDiv(lhs, constant(rhs));
  }

  /** {@code lhs mod rhs}; only a positive constant divisor is ever simplified. */
  public static AffineExpr mod(AffineExpr lhs, AffineExpr rhs) {
    AffineExpr simplified = simplifyMod(lhs, rhs);
    return simplified != null ? simplified : new Binary(Kind.MOD, lhs, rhs);
  }

  /** MLIR's {@code expr % v}. */
  public static AffineExpr mod(AffineExpr lhs, long rhs) {
    return mod(lhs, constant(rhs));
  }

  private static AffineExpr simplifyFloorDiv(AffineExpr lhs, AffineExpr rhs) {
    // Division by zero stays as written; negative divisors are simplified like positive ones.
    if (!(rhs instanceof Constant rc) || rc.value() == 0) {
      return null;
    }
    long r = rc.value();
    if (lhs instanceof Constant lc) {
      return divisionOverflows(lc.value(), r) ? null : constant(Math.floorDiv(lc.value(), r));
    }
    if (r == 1) {
      return lhs;
    }
    if (!(lhs instanceof Binary lBin)) {
      return null;
    }
    // (e * c) floordiv r is e * (c / r) when r divides c: (d0 * 128) floordiv 64 is d0 * 2.
    if (lBin.kind() == Kind.MUL && lBin.rhs() instanceof Constant lrhs
        && lrhs.value() % r == 0) {
      return mul(lBin.lhs(), lrhs.value() / r);
    }
    // (a + b) floordiv r splits when r divides a or b.
    if (lBin.kind() == Kind.ADD
        && (largestKnownDivisor(lBin.lhs()) % r == 0
            || largestKnownDivisor(lBin.rhs()) % r == 0)) {
      return add(floorDiv(lBin.lhs(), r), floorDiv(lBin.rhs(), r));
    }
    return null;
  }

  private static AffineExpr simplifyCeilDiv(AffineExpr lhs, AffineExpr rhs) {
    if (!(rhs instanceof Constant rc) || rc.value() == 0) {
      return null;
    }
    long r = rc.value();
    if (lhs instanceof Constant lc) {
      return divisionOverflows(lc.value(), r) ? null : constant(ceilDiv(lc.value(), r));
    }
    if (r == 1) {
      return lhs;
    }
    // Only the product rule: a ceildiv of a sum is kept (unlike floordiv).
    if (lhs instanceof Binary lBin && lBin.kind() == Kind.MUL
        && lBin.rhs() instanceof Constant lrhs && lrhs.value() % r == 0) {
      return mul(lBin.lhs(), lrhs.value() / r);
    }
    return null;
  }

  private static AffineExpr simplifyMod(AffineExpr lhs, AffineExpr rhs) {
    // mod by zero or a negative number stays as written.
    if (!(rhs instanceof Constant rc) || rc.value() < 1) {
      return null;
    }
    long r = rc.value();
    if (lhs instanceof Constant lc) {
      return constant(Math.floorMod(lc.value(), r));
    }
    // A multiple of r: (d0 * 128) mod 64 is 0, and so is anything mod 1.
    if (largestKnownDivisor(lhs) % r == 0) {
      return constant(0);
    }
    if (!(lhs instanceof Binary lBin)) {
      return null;
    }
    // (a + b) mod r drops a term that r divides.
    if (lBin.kind() == Kind.ADD) {
      if (largestKnownDivisor(lBin.lhs()) % r == 0) {
        return mod(lBin.rhs(), r);
      }
      if (largestKnownDivisor(lBin.rhs()) % r == 0) {
        return mod(lBin.lhs(), r);
      }
    }
    // (e mod a) mod r is e mod r when r divides a.
    if (lBin.kind() == Kind.MOD && lBin.rhs() instanceof Constant a && a.value() >= 1
        && Math.floorMod(a.value(), r) == 0) {
      return mod(lBin.lhs(), r);
    }
    return null;
  }

  /** The one quotient that does not fit in int64; MLIR then keeps the division unfolded. */
  private static boolean divisionOverflows(long lhs, long rhs) {
    return lhs == Long.MIN_VALUE && rhs == -1;
  }

  private static long ceilDiv(long lhs, long rhs) {
    long q = lhs / rhs;
    // Round toward +infinity when the exact quotient is positive and not an integer.
    if (lhs % rhs != 0 && (lhs ^ rhs) >= 0) {
      q++;
    }
    return q;
  }

  // ---------------------------------------------------------------------------------------------
  // Integer set constraints, built as MLIR's parser builds them
  // ---------------------------------------------------------------------------------------------

  /** The constraint expression of {@code lhs >= rhs}: {@code lhs - rhs} (then {@code >= 0}). */
  public static AffineExpr ge(AffineExpr lhs, AffineExpr rhs) {
    return sub(lhs, rhs);
  }

  /** The constraint expression of {@code lhs <= rhs}: {@code rhs - lhs} (then {@code >= 0}). */
  public static AffineExpr le(AffineExpr lhs, AffineExpr rhs) {
    return sub(rhs, lhs);
  }

  /** The constraint expression of {@code lhs == rhs}: {@code lhs - rhs} (then {@code == 0}). */
  public static AffineExpr eq(AffineExpr lhs, AffineExpr rhs) {
    return sub(lhs, rhs);
  }
}

package dev.dyad.dialect.arith;

/**
 * The predicates of {@code arith.cmpf}, stored as their i64 value (MLIR's CmpFPredicate):
 * ordered ones are false when an operand is NaN, unordered ones true.
 */
public enum CmpFPredicate {
  FALSE, OEQ, OGT, OGE, OLT, OLE, ONE, ORD, UEQ, UGT, UGE, ULT, ULE, UNE, UNO, TRUE;

  public long value() {
    return ordinal();
  }

  /** The predicate with i64 value {@code v}, or null. */
  public static CmpFPredicate of(long v) {
    return v >= 0 && v < values().length ? values()[(int) v] : null;
  }

  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code lhs pred rhs}, with IEEE comparison ({@code -0 == +0}, NaN unordered). */
  public boolean apply(double lhs, double rhs) {
    boolean unordered = Double.isNaN(lhs) || Double.isNaN(rhs);
    boolean lt = !unordered && lhs < rhs;
    boolean gt = !unordered && lhs > rhs;
    boolean eq = !unordered && lhs == rhs;
    return switch (this) {
      case FALSE -> false;
      case OEQ -> eq;
      case OGT -> gt;
      case OGE -> gt || eq;
      case OLT -> lt;
      case OLE -> lt || eq;
      case ONE -> lt || gt;
      case ORD -> !unordered;
      case UEQ -> unordered || eq;
      case UGT -> unordered || gt;
      case UGE -> unordered || gt || eq;
      case ULT -> unordered || lt;
      case ULE -> unordered || lt || eq;
      case UNE -> !eq;
      case UNO -> unordered;
      case TRUE -> true;
    };
  }
}

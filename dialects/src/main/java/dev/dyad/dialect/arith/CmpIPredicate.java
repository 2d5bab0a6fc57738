package dev.dyad.dialect.arith;

/** The predicates of {@code arith.cmpi}, stored as their i64 value (MLIR's CmpIPredicate). */
public enum CmpIPredicate {
  EQ, NE, SLT, SLE, SGT, SGE, ULT, ULE, UGT, UGE;

  public long value() {
    return ordinal();
  }

  /** The predicate with i64 value {@code v}, or null. */
  public static CmpIPredicate of(long v) {
    return v >= 0 && v < values().length ? values()[(int) v] : null;
  }

  /** The MLIR keyword ({@code slt}, ...). */
  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code lhs pred rhs} on {@code width}-bit two's-complement values. */
  public boolean apply(long lhs, long rhs, int width) {
    long sl = IntMath.sext(lhs, width);
    long sr = IntMath.sext(rhs, width);
    int unsigned = Long.compareUnsigned(IntMath.zext(lhs, width), IntMath.zext(rhs, width));
    return switch (this) {
      case EQ -> sl == sr;
      case NE -> sl != sr;
      case SLT -> sl < sr;
      case SLE -> sl <= sr;
      case SGT -> sl > sr;
      case SGE -> sl >= sr;
      case ULT -> unsigned < 0;
      case ULE -> unsigned <= 0;
      case UGT -> unsigned > 0;
      case UGE -> unsigned >= 0;
    };
  }

  /** The result of comparing a value with itself. */
  public boolean onEqualOperands() {
    return switch (this) {
      case EQ, SLE, SGE, ULE, UGE -> true;
      case NE, SLT, SGT, ULT, UGT -> false;
    };
  }

  /** The negated predicate: {@code !(a p b) == (a p.invert() b)}. */
  public CmpIPredicate invert() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case SLT -> SGE;
      case SLE -> SGT;
      case SGT -> SLE;
      case SGE -> SLT;
      case ULT -> UGE;
      case ULE -> UGT;
      case UGT -> ULE;
      case UGE -> ULT;
    };
  }

  /** The predicate for swapped operands: {@code (a p b) == (b p.swap() a)}. */
  public CmpIPredicate swap() {
    return switch (this) {
      case EQ, NE -> this;
      case SLT -> SGT;
      case SGT -> SLT;
      case SLE -> SGE;
      case SGE -> SLE;
      case ULT -> UGT;
      case UGT -> ULT;
      case ULE -> UGE;
      case UGE -> ULE;
    };
  }
}

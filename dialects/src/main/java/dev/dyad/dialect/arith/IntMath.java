package dev.dyad.dialect.arith;

import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;

/**
 * Two's-complement arithmetic at a bit width of at most 64 (what MLIR's APInt does for the
 * widths Dyad folds; {@code index} folds at 64 bits). A value is any long whose low
 * {@code width} bits are the bit pattern.
 */
public final class IntMath {
  private IntMath() {}

  /** The folding width of {@code type}, or -1 when constants of it are not folded here. */
  public static int width(Type type) {
    if (type instanceof IndexType) {
      return IndexType.STORAGE_WIDTH;
    }
    if (type instanceof IntegerType it && it.isSignless() && it.width() >= 1 && it.width() <= 64) {
      return it.width();
    }
    return -1;
  }

  /** The bit pattern read as a signed number. */
  public static long sext(long v, int width) {
    return width == 64 ? v : (v << (64 - width)) >> (64 - width);
  }

  /** The bit pattern read as an unsigned number (in a long's bits). */
  public static long zext(long v, int width) {
    return width == 64 ? v : v & ((1L << width) - 1);
  }

  /** Whether the pattern is all ones (-1 at this width). */
  public static boolean isAllOnes(long v, int width) {
    return zext(v, width) == zext(-1L, width);
  }

  /** An integer constant of {@code type} with the low bits of {@code v}. */
  public static IntegerAttr attr(long v, Type type) {
    return IntegerAttr.of(v, type);
  }

  /**
   * The signed quotient truncated toward zero, or null when MLIR refuses to fold it (division by
   * zero, or the minimum value divided by -1).
   */
  public static Long sdiv(long a, long b, int width) {
    long sa = sext(a, width);
    long sb = sext(b, width);
    if (sb == 0) {
      return null;
    }
    long min = width == 64 ? Long.MIN_VALUE : -(1L << (width - 1));
    if (sa == min && sb == -1) {
      return null;
    }
    return sa / sb;
  }

  /** Sign-extends or truncates a {@code from}-bit value to {@code to} bits (MLIR's sextOrTrunc). */
  public static long sextOrTrunc(long v, int from, int to) {
    return sext(sext(v, from), to);
  }
}

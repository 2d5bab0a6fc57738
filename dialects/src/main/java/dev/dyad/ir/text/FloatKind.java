package dev.dyad.ir.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Every binary floating-point format of MLIR 22's builtin dialect, described the way LLVM's
 * {@code APFloat} describes it ({@code fltSemantics}): precision, exponent range, and how (or
 * whether) infinities, NaNs, zero and the sign are encoded.
 *
 * <p>Three families:
 * <ul>
 *   <li>IEEE-754-like ({@link NonFiniteBehavior#IEEE754}): an all-ones exponent field encodes
 *       infinity (zero fraction) and NaN (non-zero fraction). f16, bf16, tf32, f32, f64, f128,
 *       f8E5M2, f8E4M3, f8E3M4 — and f80, which in addition stores the integer bit of the
 *       significand explicitly (see {@link #hasExplicitIntegerBit()});
 *   <li>NaN but no infinity ({@link NonFiniteBehavior#NAN_ONLY}): the "FN" formats spend the
 *       all-ones exponent on finite values. f8E4M3FN and f8E8M0FNU have one NaN per sign, the
 *       all-ones pattern ({@link NanEncoding#ALL_ONES}); the "FNUZ" formats have a single NaN in
 *       the slot of negative zero, 0x80, and therefore no negative zero
 *       ({@link NanEncoding#NEGATIVE_ZERO});
 *   <li>finite only ({@link NonFiniteBehavior#FINITE_ONLY}): f6E2M3FN, f6E3M2FN, f4E2M1FN encode
 *       neither infinity nor NaN; out-of-range values saturate.
 * </ul>
 *
 * <p>f8E8M0FNU is the odd one: eight exponent bits and nothing else. It has no sign bit, no zero
 * (the all-zeros pattern is 2^-127), no subnormals, and its significand is the bare integer bit.
 *
 * <p>Bit patterns of kinds up to 64 bits wide are handled as {@code long}s; f80 and f128 are
 * {@linkplain #isWide() wide} and use the {@code BigInteger} API of {@link FloatFormat}.
 */
public enum FloatKind {
  // name, width, exponent bits, precision, APFloat maxExponent, minExponent, behaviour
  F16("f16", 16, 5, 11, 15, -14, Shape.IEEE),
  BF16("bf16", 16, 8, 8, 127, -126, Shape.IEEE),
  TF32("tf32", 19, 8, 11, 127, -126, Shape.IEEE),
  F32("f32", 32, 8, 24, 127, -126, Shape.IEEE),
  F64("f64", 64, 11, 53, 1023, -1022, Shape.IEEE),
  F80("f80", 80, 15, 64, 16383, -16382, Shape.X87),
  F128("f128", 128, 15, 113, 16383, -16382, Shape.IEEE),
  F8E5M2("f8E5M2", 8, 5, 3, 15, -14, Shape.IEEE),
  F8E4M3("f8E4M3", 8, 4, 4, 7, -6, Shape.IEEE),
  F8E4M3FN("f8E4M3FN", 8, 4, 4, 8, -6, Shape.NAN_ALL_ONES),
  F8E5M2FNUZ("f8E5M2FNUZ", 8, 5, 3, 15, -15, Shape.NAN_NEGATIVE_ZERO),
  F8E4M3FNUZ("f8E4M3FNUZ", 8, 4, 4, 7, -7, Shape.NAN_NEGATIVE_ZERO),
  F8E4M3B11FNUZ("f8E4M3B11FNUZ", 8, 4, 4, 4, -10, Shape.NAN_NEGATIVE_ZERO),
  F8E3M4("f8E3M4", 8, 3, 5, 3, -2, Shape.IEEE),
  F8E8M0FNU("f8E8M0FNU", 8, 8, 1, 127, -127, Shape.E8M0),
  F6E2M3FN("f6E2M3FN", 6, 2, 4, 2, 0, Shape.FINITE),
  F6E3M2FN("f6E3M2FN", 6, 3, 3, 4, -2, Shape.FINITE),
  F4E2M1FN("f4E2M1FN", 4, 2, 2, 2, 0, Shape.FINITE);

  /** How a format encodes values that are not finite numbers ({@code fltNonfiniteBehavior}). */
  public enum NonFiniteBehavior {
    /** Infinities and NaNs, IEEE-754 style. */
    IEEE754,
    /** NaN but no infinity: what would overflow to infinity becomes NaN. */
    NAN_ONLY,
    /** Neither: what would overflow saturates to the largest finite value. */
    FINITE_ONLY
  }

  /** Which bit patterns are NaN ({@code fltNanEncoding}). */
  public enum NanEncoding {
    /** All-ones exponent and a non-zero fraction. (Also reported for finite-only kinds.) */
    IEEE,
    /** Only all-ones exponent and all-ones fraction (one NaN per sign). */
    ALL_ONES,
    /** Only the negative-zero pattern (sign bit alone); there is no negative zero. */
    NEGATIVE_ZERO
  }

  private enum Shape { IEEE, X87, NAN_ALL_ONES, NAN_NEGATIVE_ZERO, E8M0, FINITE }

  private static final Map<String, FloatKind> BY_NAME = new HashMap<>();

  static {
    for (FloatKind k : values()) {
      BY_NAME.put(k.mlirName, k);
    }
  }

  private final String mlirName;
  private final int width;
  private final int exponentBits;
  private final int precision;
  private final int maxExponent;
  private final int minExponent;
  private final Shape shape;

  FloatKind(String mlirName, int width, int exponentBits, int precision, int maxExponent,
        int minExponent, Shape shape) {
    this.mlirName = mlirName;
    this.width = width;
    this.exponentBits = exponentBits;
    this.precision = precision;
    this.maxExponent = maxExponent;
    this.minExponent = minExponent;
    this.shape = shape;
  }

  /** The builtin type spelling, e.g. {@code "bf16"}. */
  public String mlirName() {
    return mlirName;
  }

  /** Width of the exponent field in bits. */
  public int exponentBits() {
    return exponentBits;
  }

  /**
   * Significand precision in bits, including the leading bit, whether implicit (f32: 24) or
   * explicit (f80: 64). f8E8M0FNU: 1.
   */
  public int precision() {
    return precision;
  }

  /** Number of stored fraction bits: precision - 1, except f80, which stores all 64. */
  public int fractionBits() {
    return shape == Shape.X87 ? precision : precision - 1;
  }

  /** Total storage width in bits (f32: 32, tf32: 19, f80: 80). */
  public int width() {
    return width;
  }

  /** True for f80 and f128, whose bit patterns do not fit in a {@code long}. */
  public boolean isWide() {
    return width > 64;
  }

  /**
   * Exponent bias: a normal value with stored exponent field E is 1.f * 2^(E - bias). f32: 127,
   * f8E5M2FNUZ: 16, f8E4M3B11FNUZ: 11, f8E8M0FNU: 127.
   */
  public int bias() {
    return shape == Shape.E8M0 ? -minExponent : 1 - minExponent;
  }

  /** Largest E such that 2^E is finite (APFloat's maxExponent; f8E4M3FN: 8, f16: 15). */
  public int maxExponent() {
    return maxExponent;
  }

  /** Smallest E such that 2^E is a normal value (APFloat's minExponent; f16: -14). */
  public int minExponent() {
    return minExponent;
  }

  public NonFiniteBehavior nonFiniteBehavior() {
    switch (shape) {
      case NAN_ALL_ONES:
      case NAN_NEGATIVE_ZERO:
      case E8M0:
        return NonFiniteBehavior.NAN_ONLY;
      case FINITE:
        return NonFiniteBehavior.FINITE_ONLY;
      default:
        return NonFiniteBehavior.IEEE754;
    }
  }

  public NanEncoding nanEncoding() {
    switch (shape) {
      case NAN_ALL_ONES:
      case E8M0:
        return NanEncoding.ALL_ONES;
      case NAN_NEGATIVE_ZERO:
        return NanEncoding.NEGATIVE_ZERO;
      default:
        return NanEncoding.IEEE;
    }
  }

  public boolean hasInfinity() {
    return shape == Shape.IEEE || shape == Shape.X87;
  }

  public boolean hasNaN() {
    return shape != Shape.FINITE;
  }

  /** False only for f8E8M0FNU. */
  public boolean hasZero() {
    return shape != Shape.E8M0;
  }

  /** False for f8E8M0FNU (no sign bit) and the FNUZ kinds (that pattern is the NaN). */
  public boolean hasNegativeZero() {
    return shape != Shape.E8M0 && shape != Shape.NAN_NEGATIVE_ZERO;
  }

  /** False only for f8E8M0FNU, which has no sign bit. */
  public boolean isSigned() {
    return shape != Shape.E8M0;
  }

  /** True for f80 (x87 extended precision), which stores the significand's integer bit. */
  public boolean hasExplicitIntegerBit() {
    return shape == Shape.X87;
  }

  /** False only for f8E8M0FNU, whose all-zeros exponent is an ordinary power of two. */
  public boolean hasSubnormals() {
    return shape != Shape.E8M0;
  }

  /** Mask selecting the {@link #width()} low bits of a bit pattern. Narrow kinds only. */
  public long mask() {
    requireNarrow();
    return width == 64 ? -1L : (1L << width) - 1;
  }

  /**
   * The sign bit, or 0 for f8E8M0FNU, which has none. Narrow kinds only.
   */
  public long signBit() {
    requireNarrow();
    return isSigned() ? 1L << (width - 1) : 0;
  }

  /**
   * Bit pattern of positive infinity; only for narrow kinds that have one.
   *
   * @throws UnsupportedOperationException for kinds without infinity and for wide kinds
   */
  public long infinityBits() {
    requireNarrow();
    if (!hasInfinity()) {
      throw new UnsupportedOperationException(mlirName + " has no infinity");
    }
    return ((1L << exponentBits) - 1) << (precision - 1);
  }

  /** Bit pattern of the largest finite value (f8E4M3FN: 0x7E, f4E2M1FN: 0x7). Narrow kinds only. */
  public long maxFiniteBits() {
    requireNarrow();
    long magnitude = (1L << (width - (isSigned() ? 1 : 0))) - 1;
    switch (shape) {
      case IEEE:
        // Exponent field one below all-ones, fraction all ones.
        return magnitude - (1L << (precision - 1));
      case NAN_ALL_ONES:
      case E8M0:
        return magnitude - 1;
      default:
        return magnitude;
    }
  }

  /** True for NaN bit patterns (as {@code APFloat} decodes them). Narrow kinds only. */
  public boolean isNaN(long bits) {
    requireNarrow();
    bits &= mask();
    long exponentField = (bits >>> (precision - 1)) & ((1L << exponentBits) - 1);
    long fraction = bits & ((1L << (precision - 1)) - 1);
    long allOnesExponent = (1L << exponentBits) - 1;
    switch (shape) {
      case IEEE:
        return exponentField == allOnesExponent && fraction != 0;
      case NAN_ALL_ONES:
        return exponentField == allOnesExponent && fraction == (1L << (precision - 1)) - 1;
      case E8M0:
        return bits == 0xFF;
      case NAN_NEGATIVE_ZERO:
        return bits == 1L << (width - 1);
      default:
        return false;
    }
  }

  /** True for infinities. Narrow kinds only. */
  public boolean isInfinity(long bits) {
    requireNarrow();
    return hasInfinity() && ((bits & mask()) | signBit()) == (infinityBits() | signBit());
  }

  /** True for infinities and NaNs. Narrow kinds only. */
  public boolean isNonFinite(long bits) {
    return isNaN(bits) || isInfinity(bits);
  }

  private void requireNarrow() {
    if (isWide()) {
      throw new UnsupportedOperationException(
        mlirName + " bit patterns do not fit in a long; use the BigInteger API");
    }
  }

  // Package-private structure queries for FloatFormat.

  boolean isX87() {
    return shape == Shape.X87;
  }

  boolean isE8M0() {
    return shape == Shape.E8M0;
  }

  /**
   * The kind whose {@link #mlirName()} is {@code name} (every float keyword of MLIR 22's builtin
   * dialect has one), or {@code null}.
   */
  public static FloatKind fromMlirName(String name) {
    return BY_NAME.get(name);
  }
}

package dev.dyad.ir.text;

/**
 * The binary floating-point formats whose literals {@link FloatFormat} can print and parse.
 *
 * <p>All of them are IEEE-754-like: a sign bit, a biased exponent field whose all-ones value
 * encodes infinity/NaN, and a significand with an implicit leading bit. (The "FN"/"FNUZ" f8
 * variants and the x87 f80 format break those rules and are deliberately not listed.)
 */
public enum FloatKind {
  F16("f16", 5, 11),
  BF16("bf16", 8, 8),
  TF32("tf32", 8, 11),
  F32("f32", 8, 24),
  F64("f64", 11, 53),
  F8E5M2("f8E5M2", 5, 3),
  F8E4M3("f8E4M3", 4, 4);

  private final String mlirName;
  private final int exponentBits;
  private final int precision;
  private final int width;
  private final int bias;

  FloatKind(String mlirName, int exponentBits, int precision) {
    this.mlirName = mlirName;
    this.exponentBits = exponentBits;
    this.precision = precision;
    this.width = exponentBits + precision;
    this.bias = (1 << (exponentBits - 1)) - 1;
  }

  /** The builtin type spelling, e.g. {@code "bf16"}. */
  public String mlirName() {
    return mlirName;
  }

  /** Width of the exponent field in bits. */
  public int exponentBits() {
    return exponentBits;
  }

  /** Significand precision in bits, including the implicit leading bit (f32: 24). */
  public int precision() {
    return precision;
  }

  /** Total storage width in bits (f32: 32, tf32: 19). */
  public int width() {
    return width;
  }

  /** Exponent bias (f32: 127). */
  public int bias() {
    return bias;
  }

  /** Mask selecting the {@link #width()} low bits of a bit pattern. */
  public long mask() {
    return width == 64 ? -1L : (1L << width) - 1;
  }

  /** Bit pattern of positive infinity. */
  public long infinityBits() {
    return ((1L << exponentBits) - 1) << (precision - 1);
  }

  /** The sign bit. */
  public long signBit() {
    return 1L << (width - 1);
  }

  /** True for infinities and NaNs (exponent field all ones). */
  public boolean isNonFinite(long bits) {
    long inf = infinityBits();
    return (bits & inf) == inf;
  }

  /** The kind whose {@link #mlirName()} is {@code name}, or {@code null}. */
  public static FloatKind fromMlirName(String name) {
    for (FloatKind k : values()) {
      if (k.mlirName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}

package dev.dyad.ir.text;

import java.math.BigInteger;

/**
 * Prints and parses float literals byte-for-byte like MLIR 22, for every builtin float type.
 *
 * <p><b>API.</b> Bit patterns are unsigned integers of {@link FloatKind#width()} bits. Kinds
 * up to 64 bits wide use {@code long} ({@link #format(long, FloatKind)}, {@link
 * #parse(CharSequence, FloatKind)}); f80 and f128 ({@link FloatKind#isWide()}) use {@link
 * BigInteger}: {@link #formatWide(BigInteger, FloatKind)}, {@link #parseWide(CharSequence,
 * FloatKind)}, {@link #fromDoubleWide(double, FloatKind)}. The {@code BigInteger} methods accept
 * every kind, the {@code long} ones throw {@link UnsupportedOperationException} for wide kinds.
 * An f80 pattern is {@code sign:1 exponent:15 significand:64} with the integer bit stored,
 * exactly as MLIR prints it in hex ({@code 0x3FFF8000000000000000} is 1.0).
 *
 * <p><b>Printing</b> ({@link #format(long, FloatKind)}) follows {@code printFloatValue} in
 * MLIR's AsmPrinter:
 * <ol>
 *   <li>infinities and NaNs print as the raw bit pattern, {@code 0x7FC00000} (uppercase hex
 *       digits, no zero padding);
 *   <li>otherwise the 6-significant-digit exponential form of {@code APFloat::toString(6, 0,
 *       false)}, e.g. {@code 1.000000e-01}, is used when parsing it back (correctly rounded,
 *       directly into the target type) gives the same bits;
 *   <li>otherwise the shortest-safe form of {@code APFloat::toString()} (2 + precision*59/196
 *       significant digits, max padding 3), e.g. {@code 0.33333333333333331}, if it contains a
 *       '.';
 *   <li>otherwise (integral values printed without '.', e.g. {@code 123456789.0 : f64}) the raw
 *       bit pattern.
 * </ol>
 * MLIR prints from an {@code APFloat}, so the hex form is the pattern {@code APFloat} rebuilds
 * from the input bits. That is the input itself except for f80: an "unnormal" (non-zero
 * exponent, integer bit clear) decodes as a NaN and prints with the exponent set to all ones
 * ({@code 0x3FFF0000000000000001} prints {@code 0x7FFF0000000000000001}), and a
 * "pseudo-denormal" (zero exponent, integer bit set) is the normal number it equals, re-encoded
 * with exponent 1 ({@link #canonicalWide(BigInteger, FloatKind)}).
 *
 * <p>{@code APFloat::toString} is reproduced exactly, including its quirks: the exact binary
 * value is first <em>truncated</em> to a number of decimal digits derived from bit counts and
 * only then rounded half-up to the requested precision, so in rare cases the 6-digit form is a
 * truncation rather than a rounding of the exact value.
 *
 * <p><b>Parsing</b> ({@link #parse(CharSequence, FloatKind)}) follows MLIR's attribute parser: a
 * decimal literal is converted to an IEEE double first (correctly rounded) and that double is
 * then converted to the target type with {@code APFloat::convert} (nearest-even), so there is
 * double rounding for types narrower than f64 and no precision beyond double's for f80/f128; a
 * {@code 0x...} literal is the raw bit pattern of the type. Out-of-range values follow the
 * type: infinity where there is one, otherwise NaN (f8E4M3FN, FNUZ kinds, f8E8M0FNU), otherwise
 * saturation to the largest finite value (f4E2M1FN, f6 kinds). See {@link #fromDouble(double,
 * FloatKind)} for the remaining corner cases.
 */
public final class FloatFormat {
  private FloatFormat() {}

  // 10^k as correctly rounded doubles, k in [0, 308]; exact up to 10^22.
  private static final double[] POW10 = new double[309];
  // 10^k as longs, k in [0, 18].
  private static final long[] LONG_POW10 = new long[19];
  // 5^k as longs, k in [0, 27] (5^27 < 2^63).
  private static final long[] LONG_POW5 = new long[28];
  // Bit length of 5^k for k in [0, MAX_POW5].
  private static final int MAX_POW5 = 1200;
  private static final int[] POW5_BITS = new int[MAX_POW5 + 1];

  static {
    for (int k = 0; k < POW10.length; k++) {
      POW10[k] = Double.parseDouble("1e" + k);
    }
    long p = 1;
    for (int k = 0; k < LONG_POW10.length; k++, p *= 10) {
      LONG_POW10[k] = p;
    }
    p = 1;
    for (int k = 0; k < LONG_POW5.length; k++, p *= 5) {
      LONG_POW5[k] = p;
    }
    BigInteger five = BigInteger.ONE;
    for (int k = 0; k <= MAX_POW5; k++) {
      POW5_BITS[k] = five.bitLength();
      five = five.multiply(BigInteger.valueOf(5));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Printing
  // ------------------------------------------------------------------------------------------

  /** MLIR's text for the float of (narrow) {@code kind} whose raw bits are {@code bits}. */
  public static String format(long bits, FloatKind kind) {
    return format(bits, kind, new StringBuilder(24)).toString();
  }

  /** MLIR's text for an f64 value. */
  public static String format(double value) {
    return format(Double.doubleToRawLongBits(value), FloatKind.F64);
  }

  /** MLIR's text for an f32 value. */
  public static String format(float value) {
    return format(Float.floatToRawIntBits(value) & 0xFFFF_FFFFL, FloatKind.F32);
  }

  /**
   * Appends MLIR's text for the float of (narrow) {@code kind} with raw {@code bits} to {@code
   * out}. Bits above the width of the kind are ignored.
   *
   * @throws UnsupportedOperationException for f80 and f128 (use {@link #formatWide})
   */
  public static StringBuilder format(long bits, FloatKind kind, StringBuilder out) {
    requireNarrow(kind);
    bits &= kind.mask();
    if (kind.isNonFinite(bits)) {
      return appendHex(bits, out);
    }
    boolean negative = (bits & kind.signBit()) != 0;
    if (isZero(bits, kind)) {
      return out.append(negative ? "-0.000000e+00" : "0.000000e+00");
    }
    int fast = appendExponentialFast(negative, significandOf(bits, kind),
      ulpExponentOf(bits, kind), isNarrowBelow(bits, kind), bits & ~kind.signBit(), kind, out);
    if (fast == FAST_PRINTED) {
      return out;
    }
    int start = out.length();
    if (fast == FAST_UNKNOWN) {
      appendApString(bits, kind, 6, 0, false, out);
      if (parseExact(out.substring(start), kind) == bits) {
        return out;
      }
      out.setLength(start);
    }
    if (!appendDefaultFast(bits, kind, out)) {
      appendApString(bits, kind, 0, 3, true, out);
    }
    if (out.indexOf(".", start) >= 0) {
      return out;
    }
    out.setLength(start);
    return appendHex(bits, out);
  }

  /** {@link #format(long, FloatKind)} without the fast path; for cross-checking in tests. */
  static String formatSlow(long bits, FloatKind kind) {
    requireNarrow(kind);
    bits &= kind.mask();
    StringBuilder out = new StringBuilder();
    if (kind.isNonFinite(bits)) {
      return appendHex(bits, out).toString();
    }
    appendApString(bits, kind, 6, 0, false, out);
    if (parseExact(out, kind) == bits) {
      return out.toString();
    }
    out.setLength(0);
    appendApString(bits, kind, 0, 3, true, out);
    if (out.indexOf(".") >= 0) {
      return out.toString();
    }
    out.setLength(0);
    return appendHex(bits, out).toString();
  }

  /**
   * MLIR's text for the float of any {@code kind} whose raw bits are {@code bits}, an unsigned
   * integer below 2^width.
   *
   * @throws IllegalArgumentException if {@code bits} is negative or wider than the kind
   */
  public static String formatWide(BigInteger bits, FloatKind kind) {
    return formatWide(bits, kind, new StringBuilder(48)).toString();
  }

  /** Appends {@link #formatWide(BigInteger, FloatKind)} to {@code out}. */
  public static StringBuilder formatWide(BigInteger bits, FloatKind kind, StringBuilder out) {
    checkWideBits(bits, kind);
    if (!kind.isWide()) {
      return format(bits.longValue(), kind, out);
    }
    Wide w = Wide.decode(bits, kind);
    if (w.category == NAN || w.category == INFINITY) {
      return appendHex(w.canonical, out);
    }
    int start = out.length();
    appendApString(w.negative, w.significand, w.exp2, kind.precision(), 6, 0, false, out);
    if (parseExactWide(out.substring(start), kind).equals(w.canonical)) {
      return out;
    }
    out.setLength(start);
    appendApString(w.negative, w.significand, w.exp2, kind.precision(), 0, 3, true, out);
    if (out.indexOf(".", start) >= 0) {
      return out;
    }
    out.setLength(start);
    return appendHex(w.canonical, out);
  }

  /**
   * The bit pattern {@code APFloat} produces after decoding {@code bits}: {@code bits} itself
   * except for the f80 encodings x87 hardware rejects (see the class comment). MLIR prints and
   * stores (e.g. in dense attributes parsed from hex) this pattern.
   */
  public static BigInteger canonicalWide(BigInteger bits, FloatKind kind) {
    checkWideBits(bits, kind);
    return kind.isWide() ? Wide.decode(bits, kind).canonical : bits;
  }

  /**
   * The raw bit pattern as MLIR prints it ({@code APInt::toString(16, false, true)}): "0x",
   * uppercase hex digits, no leading zeros ({@code 0x0} for zero).
   */
  public static String toHexLiteral(long bits, FloatKind kind) {
    return appendHex(bits & kind.mask(), new StringBuilder(20)).toString();
  }

  /** {@link #toHexLiteral(long, FloatKind)} for any kind (no canonicalization). */
  public static String toHexLiteral(BigInteger bits, FloatKind kind) {
    checkWideBits(bits, kind);
    return appendHex(bits, new StringBuilder(36)).toString();
  }

  private static StringBuilder appendHex(long bits, StringBuilder out) {
    out.append("0x");
    int digits = bits == 0 ? 1 : (64 - Long.numberOfLeadingZeros(bits) + 3) / 4;
    for (int i = digits - 1; i >= 0; i--) {
      out.append(Character.toUpperCase(Character.forDigit((int) (bits >>> (4 * i)) & 0xF, 16)));
    }
    return out;
  }

  private static StringBuilder appendHex(BigInteger bits, StringBuilder out) {
    return out.append("0x").append(bits.toString(16).toUpperCase());
  }

  private static void requireNarrow(FloatKind kind) {
    if (kind.isWide()) {
      throw new UnsupportedOperationException(kind.mlirName()
        + " bit patterns do not fit in a long; use formatWide/parseWide/fromDoubleWide");
    }
  }

  private static void checkWideBits(BigInteger bits, FloatKind kind) {
    if (bits.signum() < 0 || bits.bitLength() > kind.width()) {
      throw new IllegalArgumentException("not a " + kind.mlirName() + " bit pattern: 0x"
        + bits.toString(16));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Decoding bit patterns (what APFloat's initFrom*APInt does)
  // ------------------------------------------------------------------------------------------

  private static final int ZERO = 0;
  private static final int FINITE = 1;
  private static final int INFINITY = 2;
  private static final int NAN = 3;

  /** Zero bit patterns of narrow kinds (f8E8M0FNU has none; the FNUZ "-0" is a NaN). */
  private static boolean isZero(long bits, FloatKind kind) {
    return kind.hasZero() && (bits & ~kind.signBit()) == 0 && !kind.isNaN(bits);
  }

  /** The stored exponent field of a narrow pattern. */
  private static int exponentFieldOf(long bits, FloatKind kind) {
    return (int) ((bits >>> (kind.precision() - 1)) & ((1L << kind.exponentBits()) - 1));
  }

  /**
   * Significand of a finite non-zero narrow pattern as an integer, the leading bit included
   * (so the value is significand * 2^ulpExponent).
   */
  private static long significandOf(long bits, FloatKind kind) {
    if (kind.isE8M0()) {
      // No fraction bits at all: APFloat keeps the lone integer bit set.
      return 1;
    }
    int mbits = kind.precision() - 1;
    long fraction = bits & ((1L << mbits) - 1);
    return exponentFieldOf(bits, kind) == 0 ? fraction : fraction | (1L << mbits);
  }

  /** Exponent of the significand's last bit for a finite non-zero narrow pattern. */
  private static int ulpExponentOf(long bits, FloatKind kind) {
    int field = exponentFieldOf(bits, kind);
    if (!kind.hasSubnormals()) {
      return field - kind.bias();
    }
    return (field == 0 ? 1 : field) - kind.bias() - (kind.precision() - 1);
  }

  /**
   * Whether the gap to the next smaller value is half the gap to the next larger one: true at
   * powers of two, except the smallest normal (subnormals below it share its spacing) and
   * f8E8M0FNU's smallest value (everything below rounds up to it).
   */
  private static boolean isNarrowBelow(long bits, FloatKind kind) {
    int field = exponentFieldOf(bits, kind);
    long n = significandOf(bits, kind);
    return n == 1L << (kind.precision() - 1) && field > (kind.hasSubnormals() ? 1 : 0);
  }

  /** A decoded f80 or f128 pattern. */
  private static final class Wide {
    int category;
    boolean negative;
    // Finite values: significand * 2^exp2 (significand 0 for zero).
    BigInteger significand = BigInteger.ZERO;
    int exp2;
    // The pattern APFloat's bitcastToAPInt gives back.
    BigInteger canonical;

    static Wide decode(BigInteger bits, FloatKind kind) {
      Wide w = new Wide();
      int mbits = kind.fractionBits();
      w.negative = bits.testBit(kind.width() - 1);
      int field = bits.shiftRight(mbits).intValue() & ((1 << kind.exponentBits()) - 1);
      BigInteger fraction = bits.and(BigInteger.ONE.shiftLeft(mbits).subtract(BigInteger.ONE));
      int allOnes = (1 << kind.exponentBits()) - 1;
      w.canonical = bits;
      if (kind.isX87()) {
        // x87: the integer bit (bit 63) is stored. APFloat reads exponent all-ones with
        // significand 0x8000.. as infinity, any other all-ones pattern and any non-zero
        // exponent without the integer bit ("unnormal") as NaN, and a zero exponent with the
        // integer bit ("pseudo-denormal") as the normal number of the same value.
        boolean integerBit = fraction.testBit(63);
        if (field == 0 && fraction.signum() == 0) {
          w.category = ZERO;
        } else if (field == allOnes && integerBit && fraction.bitCount() == 1) {
          w.category = INFINITY;
        } else if (field == allOnes || (field != 0 && !integerBit)) {
          w.category = NAN;
          // Re-encoded with exponent all ones, keeping sign and significand.
          w.canonical = bits.or(BigInteger.valueOf(allOnes).shiftLeft(64));
        } else {
          w.category = FINITE;
          w.significand = fraction;
          w.exp2 = (field == 0 ? 1 : field) - kind.bias() - 63;
          if (field == 0 && integerBit) {
            w.canonical = bits.setBit(64);
          }
        }
        return w;
      }
      if (field == allOnes) {
        w.category = fraction.signum() == 0 ? INFINITY : NAN;
      } else if (field == 0 && fraction.signum() == 0) {
        w.category = ZERO;
      } else {
        w.category = FINITE;
        w.significand = field == 0 ? fraction : fraction.setBit(mbits);
        w.exp2 = (field == 0 ? 1 : field) - kind.bias() - mbits;
      }
      return w;
    }
  }

  // ------------------------------------------------------------------------------------------
  // APFloat::toString
  // ------------------------------------------------------------------------------------------

  /**
   * {@code APFloat::toString(Str, formatPrecision, formatMaxPadding, truncateZero)} for the
   * float of (narrow) {@code kind} with raw {@code bits}: {@code "+Inf"}, {@code "-Inf"},
   * {@code "NaN"} for non-finite values. A {@code formatPrecision} of 0 means 2 +
   * precision*59/196 digits.
   */
  public static String toApString(long bits, FloatKind kind, int formatPrecision,
                  int formatMaxPadding, boolean truncateZero) {
    requireNarrow(kind);
    checkFormatArguments(formatPrecision, formatMaxPadding);
    return appendApString(bits & kind.mask(), kind, formatPrecision, formatMaxPadding,
      truncateZero, new StringBuilder(32)).toString();
  }

  /** {@link #toApString(long, FloatKind, int, int, boolean)} for any kind. */
  public static String toApString(BigInteger bits, FloatKind kind, int formatPrecision,
                  int formatMaxPadding, boolean truncateZero) {
    checkWideBits(bits, kind);
    checkFormatArguments(formatPrecision, formatMaxPadding);
    if (!kind.isWide()) {
      return toApString(bits.longValue(), kind, formatPrecision, formatMaxPadding, truncateZero);
    }
    Wide w = Wide.decode(bits, kind);
    StringBuilder out = new StringBuilder(48);
    if (w.category == NAN) {
      return "NaN";
    }
    if (w.category == INFINITY) {
      return w.negative ? "-Inf" : "+Inf";
    }
    return appendApString(w.negative, w.significand, w.exp2, kind.precision(), formatPrecision,
      formatMaxPadding, truncateZero, out).toString();
  }

  private static void checkFormatArguments(int formatPrecision, int formatMaxPadding) {
    if (formatPrecision < 0 || formatMaxPadding < 0) {
      throw new IllegalArgumentException("negative precision or padding");
    }
  }

  private static StringBuilder appendApString(long bits, FloatKind kind, int formatPrecision,
                        int formatMaxPadding, boolean truncateZero,
                        StringBuilder out) {
    boolean negative = (bits & kind.signBit()) != 0;
    if (kind.isNaN(bits)) {
      return out.append("NaN");
    }
    if (kind.isInfinity(bits)) {
      return out.append(negative ? "-Inf" : "+Inf");
    }
    BigInteger significand = isZero(bits, kind) ? BigInteger.ZERO
      : BigInteger.valueOf(significandOf(bits, kind));
    return appendApString(negative, significand, ulpExponentOf(bits, kind), kind.precision(),
      formatPrecision, formatMaxPadding, truncateZero, out);
  }

  /**
   * {@code toString} of the finite value significand * 2^exp2 (zero if significand is 0) of a
   * type with {@code semanticsPrecision} bits.
   */
  private static StringBuilder appendApString(boolean negative, BigInteger significand, int exp2,
                        int semanticsPrecision, int formatPrecision,
                        int formatMaxPadding, boolean truncateZero,
                        StringBuilder out) {
    if (negative) {
      out.append('-');
    }
    if (significand.signum() == 0) {
      // APFloat formats zero without consulting the precision default (so FormatPrecision
      // 0 really means no extra zeros here).
      if (formatMaxPadding != 0) {
        return out.append('0');
      }
      if (truncateZero) {
        return out.append("0.0E+0");
      }
      out.append("0.0");
      for (int i = 1; i < formatPrecision; i++) {
        out.append('0');
      }
      return out.append("e+00");
    }
    int precision = formatPrecision != 0 ? formatPrecision : 2 + semanticsPrecision * 59 / 196;

    // Trailing binary zeros carry no information.
    int tz = significand.getLowestSetBit();
    significand = significand.shiftRight(tz);
    exp2 += tz;

    // Make the value an integer times a power of ten: N*2^e == (N*5^-e)*10^e for e < 0.
    BigInteger sig;
    int exp10 = 0;
    if (exp2 >= 0) {
      sig = significand.shiftLeft(exp2);
    } else {
      sig = significand.multiply(pow5(-exp2));
      exp10 = exp2;
    }

    // APFloat first throws away (truncating!) the decimal digits it estimates from the bit
    // count to be beyond the requested precision. Reproduced verbatim because it is visible
    // in the output when only `precision` digits survive.
    int bits2 = sig.bitLength();
    int bitsRequired = (precision * 196 + 58) / 59;
    if (bits2 > bitsRequired) {
      int tensRemovable = (bits2 - bitsRequired) * 59 / 196;
      if (tensRemovable > 0) {
        exp10 += tensRemovable;
        sig = sig.divide(BigInteger.TEN.pow(tensRemovable));
      }
    }

    String all = sig.toString();
    int n = all.length();
    while (all.charAt(n - 1) == '0') {
      n--;
      exp10++;
    }
    char[] digits = all.toCharArray();

    // Round half-up (judged on the first dropped digit only) to `precision` digits.
    if (n > precision) {
      int dropped = n - precision;
      int kept = precision;
      if (digits[precision] < '5') {
        while (digits[kept - 1] == '0') {
          kept--;
        }
      } else {
        while (kept > 0 && digits[kept - 1] == '9') {
          kept--;
        }
        if (kept == 0) {
          // Carried out of every digit: 999.. becomes 1 at the next power of ten.
          digits[0] = '1';
          exp10 += n;
          n = 1;
        } else {
          digits[kept - 1]++;
        }
      }
      if (kept != 0) {
        exp10 += dropped + (precision - kept);
        n = kept;
      }
    }

    return appendDigits(digits, n, exp10, precision, formatMaxPadding, truncateZero, out);
  }

  /**
   * The final layout step of {@code APFloat::toString}: the value is digits[0..n) * 10^exp10
   * (no trailing zeros, n <= precision), sign already written.
   */
  private static StringBuilder appendDigits(char[] digits, int n, int exp10, int precision,
                       int formatMaxPadding, boolean truncateZero,
                       StringBuilder out) {
    boolean scientific;
    if (formatMaxPadding == 0) {
      scientific = true;
    } else if (exp10 >= 0) {
      // 765e3 -> 765000 unless that pads too much or looks more precise than it is.
      scientific = exp10 > formatMaxPadding || n + exp10 > precision;
    } else {
      int msd = exp10 + n - 1;
      scientific = msd < 0 && -msd > formatMaxPadding;
    }

    if (scientific) {
      int e = exp10 + n - 1;
      out.append(digits[0]).append('.');
      if (n == 1 && truncateZero) {
        out.append('0');
      } else {
        out.append(digits, 1, n - 1);
      }
      if (!truncateZero) {
        for (int i = n - 1; i < precision; i++) {
          out.append('0');
        }
      }
      out.append(truncateZero ? 'E' : 'e').append(e >= 0 ? '+' : '-');
      e = Math.abs(e);
      if (!truncateZero && e < 10) {
        out.append('0');
      }
      return out.append(e);
    }
    if (exp10 >= 0) {
      out.append(digits, 0, n);
      for (int i = 0; i < exp10; i++) {
        out.append('0');
      }
      return out;
    }
    int whole = exp10 + n;
    if (whole > 0) {
      return out.append(digits, 0, whole).append('.').append(digits, whole, n - whole);
    }
    out.append("0.");
    for (int i = 0; i < -whole; i++) {
      out.append('0');
    }
    return out.append(digits, 0, n);
  }

  private static final int FAST_PRINTED = 0;
  private static final int FAST_NO_ROUND_TRIP = 1;
  private static final int FAST_UNKNOWN = 2;

  /**
   * Fast path for the 6-digit exponential form using only double/long arithmetic. Returns
   * FAST_PRINTED (appended, round-trips), FAST_NO_ROUND_TRIP (nothing appended; the form does
   * not round-trip) or FAST_UNKNOWN (nothing appended; could not decide exactly).
   *
   * <p>With S = |x| / 10^(K-6) in [10^6, 10^7), APFloat's 6-digit result is floor(S)/10
   * rounded half-up on the last digit of floor(S), except when its digit-dropping step
   * leaves exactly 6 digits, in which case it is the truncation floor(S)/10.
   */
  private static int appendExponentialFast(boolean negative, long n, int ulpExp,
                       boolean narrowBelow, long absBits, FloatKind kind,
                       StringBuilder out) {
    int tz = Long.numberOfTrailingZeros(n);
    n >>>= tz;
    int e = ulpExp + tz;
    // Every supported kind is a subset of double, so this is exact.
    double v = Math.scalb((double) n, e);

    int k = (int) Math.floor(Math.log10(v));
    long floorS = -1;
    double s = 0;
    for (int attempt = 0; attempt < 3 && floorS < 0; attempt++) {
      int m = 6 - k;
      if (m > 308 || m < -308) {
        return FAST_UNKNOWN;
      }
      // At most two roundings: |error| < 2^-52 * 10^7 < 3e-9.
      s = m >= 0 ? v * POW10[m] : v / POW10[-m];
      if (s < 999_999.0) {
        k--;
        continue;
      }
      if (s >= 10_000_001.0) {
        k++;
        continue;
      }
      long fl = (long) s;
      double frac = s - fl;
      long candidate;
      if (frac > 1e-6 && frac < 1 - 1e-6) {
        candidate = fl;
      } else {
        // Too close to an integer to trust the double: decide exactly.
        long rounded = Math.round(s);
        int cmp = compareExact(n, e, rounded, k - 6);
        candidate = cmp >= 0 ? rounded : rounded - 1;
      }
      if (candidate < 1_000_000) {
        k--;
        continue;
      }
      if (candidate >= 10_000_000) {
        // floor(S/10) == floor(floor(S)/10).
        candidate /= 10;
        s /= 10;
        k++;
      }
      floorS = candidate;
    }
    if (floorS < 0) {
      return FAST_UNKNOWN;
    }

    int trunc = truncates(n, e, k, 6);
    if (trunc < 0) {
      return FAST_UNKNOWN;
    }
    long d6 = floorS / 10;
    if (trunc == 0 && floorS % 10 >= 5) {
      d6++;
    }
    if (d6 == 1_000_000) {
      // Rounded up to the next power of ten; keep s on the same scale as d6.
      d6 = 100_000;
      s /= 10;
      k++;
    }

    // Only f64 is too precise for the interval test; it alone has Clinger's fast path.
    int roundTrip = kind.precision() <= 30
      ? roundTripsByInterval(d6, k, s, ulpExp, narrowBelow)
      : roundTripsAsDouble(d6, k, absBits);
    if (roundTrip != FAST_PRINTED) {
      return roundTrip;
    }
    if (negative) {
      out.append('-');
    }
    char[] buf = new char[6];
    for (int i = 5; i >= 0; i--) {
      buf[i] = (char) ('0' + d6 % 10);
      d6 /= 10;
    }
    out.append(buf[0]).append('.').append(buf, 1, 5).append('0').append('e');
    out.append(k >= 0 ? '+' : '-');
    int ak = Math.abs(k);
    if (ak < 10) {
      out.append('0');
    }
    out.append(ak);
    return FAST_PRINTED;
  }

  /**
   * Whether APFloat's truncating digit-dropping step leaves at most {@code precision} digits
   * of n*2^e (whose decimal exponent is k), in which case the result is a truncation rather
   * than a rounding: 1 yes, 0 no, -1 unknown. (It never leaves fewer than {@code precision}
   * digits when it drops any.)
   */
  private static int truncates(long n, int e, int k, int precision) {
    int nBits = 64 - Long.numberOfLeadingZeros(n);
    int bitsRequired = (precision * 196 + 58) / 59;
    // APFloat's integer I is n*2^e (e >= 0) or n*5^-e with decimal exponent e (e < 0).
    int digitsOfI = e >= 0 ? k + 1 : k - e + 1;
    if (e >= 0) {
      return digitsOfI - tensRemovable(nBits + e, bitsRequired) <= precision ? 1 : 0;
    }
    if (-e > MAX_POW5) {
      return -1;
    }
    int low = nBits + POW5_BITS[-e] - 1;
    boolean truncLow = digitsOfI - tensRemovable(low, bitsRequired) <= precision;
    boolean truncHigh = digitsOfI - tensRemovable(low + 1, bitsRequired) <= precision;
    if (truncLow == truncHigh) {
      return truncLow ? 1 : 0;
    }
    int exact = BigInteger.valueOf(n).multiply(pow5(-e)).bitLength();
    return digitsOfI - tensRemovable(exact, bitsRequired) <= precision ? 1 : 0;
  }

  private static int tensRemovable(int bitLength, int bitsRequired) {
    return bitLength > bitsRequired ? (bitLength - bitsRequired) * 59 / 196 : 0;
  }

  /**
   * Round-trip test for narrow kinds: d6*10^(k-5) rounds back to x iff it lies inside x's
   * rounding interval. Everything is scaled by 10^-(k-6), where the approximation s of x is
   * good to 3e-9 and the half-gaps are at least ~0.03, so a margin decides it safely.
   */
  private static int roundTripsByInterval(long d6, int k, double s, int ulpExp,
                      boolean narrowBelow) {
    int m = 6 - k;
    if (m > 308 || m < -308) {
      return FAST_UNKNOWN;
    }
    double halfUlp = m >= 0 ? Math.scalb(POW10[m], ulpExp - 1)
      : Math.scalb(1.0, ulpExp - 1) / POW10[-m];
    double diff = 10.0 * d6 - s;
    // Below a power of two the gap to the next smaller value is half as wide.
    double limit = diff >= 0 || !narrowBelow ? halfUlp : halfUlp / 2;
    double distance = Math.abs(diff);
    double tolerance = 1e-6 + limit * 1e-12;
    if (distance < limit - tolerance) {
      return FAST_PRINTED;
    }
    if (distance > limit + tolerance) {
      return FAST_NO_ROUND_TRIP;
    }
    return FAST_UNKNOWN;
  }

  /**
   * Round-trip test for f64: Clinger's fast path, a single correctly rounded double
   * operation on exact operands, parses d6*10^(k-5) exactly like a correct parser would.
   */
  private static int roundTripsAsDouble(long d6, int k, long absBits) {
    int j = k - 5;
    double parsed;
    if (j >= 0 && j <= 22) {
      parsed = d6 * POW10[j];
    } else if (j < 0 && j >= -22) {
      parsed = d6 / POW10[-j];
    } else if (j > 22 && j <= 22 + 9) {
      // d6*10^(j-22) < 10^15 < 2^53 is still exact.
      parsed = (d6 * LONG_POW10[j - 22]) * POW10[22];
    } else {
      return FAST_UNKNOWN;
    }
    return Double.doubleToRawLongBits(parsed) == absBits ? FAST_PRINTED : FAST_NO_ROUND_TRIP;
  }

  /** The fast default-form result, or null where it falls back; for tests. */
  static String defaultFormFast(long bits, FloatKind kind) {
    bits &= kind.mask();
    if (kind.isNonFinite(bits) || isZero(bits, kind)) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    return appendDefaultFast(bits, kind, out) ? out.toString() : null;
  }

  /**
   * Fast exact path for the default form, {@code APFloat::toString(str)} (FormatPrecision 0,
   * FormatMaxPadding 3, TruncateZero) of a finite non-zero value. Appends and returns true, or
   * appends nothing and returns false when it cannot decide exactly.
   */
  private static boolean appendDefaultFast(long bits, FloatKind kind, StringBuilder out) {
    int precision = 2 + kind.precision() * 59 / 196;
    if (precision > 17) {
      return false;
    }
    boolean negative = (bits & kind.signBit()) != 0;
    long n = significandOf(bits, kind);
    int tz = Long.numberOfTrailingZeros(n);
    n >>>= tz;
    int e = ulpExponentOf(bits, kind) + tz;

    // Find k and x = floor(|v| / 10^(k-precision)) in [10^precision, 10^(precision+1)).
    int k = (int) Math.floor(Math.log10(Math.scalb((double) n, e)));
    long x = -1;
    for (int attempt = 0; attempt < 3 && x < 0; attempt++) {
      long f = Reciprocals.floorScaled(n, e, k - precision);
      if (f == Reciprocals.UNKNOWN) {
        return false;
      }
      if (f < LONG_POW10[precision]) {
        k--;
      } else if (f >= LONG_POW10[precision + 1]) {
        k++;
      } else {
        x = f;
      }
    }
    if (x < 0) {
      return false;
    }
    int trunc = truncates(n, e, k, precision);
    if (trunc < 0) {
      return false;
    }
    long d = x / 10;
    if (trunc == 0 && x % 10 >= 5) {
      d++;
    }
    if (d == LONG_POW10[precision]) {
      d = LONG_POW10[precision - 1];
      k++;
    }
    char[] digits = new char[precision];
    for (int i = precision - 1; i >= 0; i--) {
      digits[i] = (char) ('0' + d % 10);
      d /= 10;
    }
    int nd = precision;
    while (digits[nd - 1] == '0') {
      nd--;
    }
    if (negative) {
      out.append('-');
    }
    appendDigits(digits, nd, k - (nd - 1), precision, 3, true, out);
    return true;
  }

  /**
   * 10^-q as 128-bit fixed-point mantissas, so floor(n*2^e/10^q) costs two 64x64-bit
   * multiplications. Built on first use.
   */
  private static final class Reciprocals {
    static final long UNKNOWN = -1;
    static final int MIN_Q = -360;
    static final int MAX_Q = 360;
    // For each q: 10^-q ~= (HI:LO) * 2^EXP with HI's top bit set; EXACT if equal.
    static final long[] HI = new long[MAX_Q - MIN_Q + 1];
    static final long[] LO = new long[MAX_Q - MIN_Q + 1];
    static final int[] EXP = new int[MAX_Q - MIN_Q + 1];
    static final boolean[] EXACT = new boolean[MAX_Q - MIN_Q + 1];

    static {
      BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
      for (int q = MIN_Q; q <= MAX_Q; q++) {
        int i = q - MIN_Q;
        BigInteger t = BigInteger.TEN.pow(Math.abs(q));
        int bl = t.bitLength();
        BigInteger f;
        if (q <= 0) {
          f = bl <= 128 ? t.shiftLeft(128 - bl) : t.shiftRight(bl - 128);
          EXP[i] = bl - 128;
          EXACT[i] = bl <= 128 || t.getLowestSetBit() >= bl - 128;
        } else {
          // floor(2^s / 10^q) lies in [2^127, 2^128) for s = 127 + bitLength(10^q).
          int sh = 127 + bl;
          f = BigInteger.ONE.shiftLeft(sh).divide(t);
          EXP[i] = -sh;
        }
        HI[i] = f.shiftRight(64).longValue();
        LO[i] = f.and(mask64).longValue();
      }
    }

    /**
     * floor(n*2^e/10^q) for 0 < n < 2^53; Long.MAX_VALUE if it is 2^63 or more; UNKNOWN if q
     * is out of range or the truncated reciprocal leaves the floor in doubt.
     */
    static long floorScaled(long n, int e, int q) {
      if (q < MIN_Q || q > MAX_Q) {
        return UNKNOWN;
      }
      int i = q - MIN_Q;
      // n * (HI:LO) as three limbs l2:l1:l0.
      long l0 = n * LO[i];
      long h0 = unsignedMultiplyHigh(n, LO[i]);
      long m1 = n * HI[i];
      long l2 = unsignedMultiplyHigh(n, HI[i]);
      long l1 = h0 + m1;
      if (Long.compareUnsigned(l1, h0) < 0) {
        l2++;
      }
      int shift = -(e + EXP[i]);
      // The product is at least 2^127, so a shift below 64 leaves at least 2^64.
      if (shift < 64) {
        return Long.MAX_VALUE;
      }
      if (shift >= 192) {
        return 0;
      }
      long floor = window(l0, l1, l2, shift);
      if (floor == Long.MAX_VALUE || EXACT[i]) {
        return floor;
      }
      // The true product lies in [P, P + n): the floor is certain if P + n - 1 agrees.
      long a0 = l0 + (n - 1);
      long a1 = l1;
      long a2 = l2;
      if (Long.compareUnsigned(a0, l0) < 0 && ++a1 == 0) {
        a2++;
      }
      return window(a0, a1, a2, shift) == floor ? floor : UNKNOWN;
    }

    /**
     * (l2:l1:l0) >>> shift for shift in [64, 192), or Long.MAX_VALUE if that is >= 2^63.
     * (l0 only matters through the caller's carry.)
     */
    private static long window(long l0, long l1, long l2, int shift) {
      int b = shift & 63;
      long low = shift < 128 ? l1 : l2;
      long high = shift < 128 ? l2 : 0;
      long result = b == 0 ? low : (low >>> b) | (high << (64 - b));
      long overflow = b == 0 ? high : high >>> b;
      return overflow != 0 || result < 0 ? Long.MAX_VALUE : result;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
      return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
  }

  /** Sign of n*2^e - m*10^q, exactly. */
  private static int compareExact(long n, int e, long m, int q) {
    int k = Math.abs(q);
    if (k < LONG_POW5.length) {
      // Move the power of five to one side: both sides become a 128-bit product times a
      // power of two.
      long a = n;
      long b = m;
      long five = LONG_POW5[k];
      long aHi;
      long aLo;
      long bHi;
      long bLo;
      if (q >= 0) {
        aHi = 0;
        aLo = a;
        bHi = Math.multiplyHigh(b, five);
        bLo = b * five;
      } else {
        aHi = Math.multiplyHigh(a, five);
        aLo = a * five;
        bHi = 0;
        bLo = b;
      }
      int shift = e - q; // compare A*2^shift with B
      int aLen = bitLength128(aHi, aLo);
      int bLen = bitLength128(bHi, bLo);
      if (aLen == 0 || bLen == 0) {
        return Integer.compare(aLen, bLen);
      }
      if (aLen + shift != bLen) {
        return aLen + shift > bLen ? 1 : -1;
      }
      // Same bit length (<= 128): align A to B and compare.
      if (shift > 0) {
        aHi = shift >= 64 ? aLo << (shift - 64) : (aHi << shift) | (aLo >>> (64 - shift));
        aLo = shift >= 64 ? 0 : aLo << shift;
      } else if (shift < 0) {
        int r = -shift;
        bHi = r >= 64 ? bLo << (r - 64) : (bHi << r) | (bLo >>> (64 - r));
        bLo = r >= 64 ? 0 : bLo << r;
      }
      int c = Long.compareUnsigned(aHi, bHi);
      return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }
    BigInteger left = BigInteger.valueOf(n);
    BigInteger right = BigInteger.valueOf(m);
    if (q >= 0) {
      right = right.multiply(pow5(q));
    } else {
      left = left.multiply(pow5(-q));
    }
    int shift = e - q;
    if (shift >= 0) {
      left = left.shiftLeft(shift);
    } else {
      right = right.shiftLeft(-shift);
    }
    return left.compareTo(right);
  }

  private static int bitLength128(long hi, long lo) {
    return hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
  }

  // Filled lazily without locking: a racing thread at worst recomputes an entry, and
  // BigInteger's final fields make the published value safe to read.
  private static final BigInteger[] POW5_CACHE = new BigInteger[MAX_POW5 + 1];

  private static BigInteger pow5(int k) {
    if (k > MAX_POW5) {
      return BigInteger.valueOf(5).pow(k);
    }
    BigInteger p = POW5_CACHE[k];
    if (p == null) {
      p = BigInteger.valueOf(5).pow(k);
      POW5_CACHE[k] = p;
    }
    return p;
  }


  // ------------------------------------------------------------------------------------------
  // Parsing
  // ------------------------------------------------------------------------------------------

  /**
   * Parses an MLIR float literal the way MLIR's attribute parser does and returns the raw bits
   * of the (narrow) {@code kind} value, as MLIR stores them (e.g. in a dense attribute).
   *
   * <ul>
   *   <li>decimal: {@code -?[0-9]+[.][0-9]*([eE][-+]?[0-9]+)?} (the '.' is mandatory; MLIR lexes
   *       '-' as a separate token, this method accepts it glued to the number). The value is
   *       rounded to double (overflow gives infinity, underflow zero, no error) and then
   *       converted to {@code kind} by {@link #fromDouble(double, FloatKind)};
   *   <li>hexadecimal: {@code 0x[0-9a-fA-F]+}, the raw bit pattern; may not be negated and must
   *       fit in the width of the type.
   * </ul>
   *
   * @throws NumberFormatException with MLIR's diagnostic text if the literal is rejected
   * @throws UnsupportedOperationException for f80 and f128 (use {@link #parseWide})
   */
  public static long parse(CharSequence literal, FloatKind kind) {
    requireNarrow(kind);
    String s = literal.toString();
    boolean negative = s.startsWith("-");
    String body = negative ? s.substring(1) : s;
    if (body.startsWith("0x")) {
      return parseHex(body, negative, kind).longValue();
    }
    return fromDouble(parseDecimal(s, body, negative), kind);
  }

  /**
   * {@link #parse(CharSequence, FloatKind)} for any kind, returning the unsigned bit pattern.
   * For f80 and f128 a decimal literal still goes through double, so it carries no more than
   * double's 53 bits; a hex f80 literal is {@linkplain #canonicalWide canonicalized} the way
   * {@code APFloat} does (MLIR stores and prints the canonical pattern).
   *
   * @throws NumberFormatException with MLIR's diagnostic text if the literal is rejected
   */
  public static BigInteger parseWide(CharSequence literal, FloatKind kind) {
    String s = literal.toString();
    boolean negative = s.startsWith("-");
    String body = negative ? s.substring(1) : s;
    if (body.startsWith("0x")) {
      BigInteger bits = parseHex(body, negative, kind);
      return kind.isWide() ? Wide.decode(bits, kind).canonical : bits;
    }
    return fromDoubleWide(parseDecimal(s, body, negative), kind);
  }

  /** The double MLIR's lexer makes of a decimal float literal (sign glued on). */
  private static double parseDecimal(String s, String body, boolean negative) {
    if (!isDecimalFloatLiteral(body)) {
      if (!body.isEmpty() && body.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new NumberFormatException(
          "unexpected decimal integer literal for a floating point value");
      }
      throw new NumberFormatException("expected floating point literal: '" + s + "'");
    }
    // MLIR: StringRef::getAsDouble (correctly rounded, inexact results accepted), negate,
    // then APFloat::convert to the target semantics.
    double d = Double.parseDouble(body);
    return negative ? -d : d;
  }

  /** True if {@code s} matches MLIR's unsigned float token {@code [0-9]+[.][0-9]*([eE][-+]?[0-9]+)?}. */
  public static boolean isDecimalFloatLiteral(CharSequence s) {
    int i = 0;
    int len = s.length();
    int start = i;
    while (i < len && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start || i == len || s.charAt(i) != '.') {
      return false;
    }
    i++;
    while (i < len && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == len) {
      return true;
    }
    char c = s.charAt(i);
    if (c != 'e' && c != 'E') {
      return false;
    }
    i++;
    if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int expStart = i;
    while (i < len && isDigit(s.charAt(i))) {
      i++;
    }
    return i == len && i > expStart;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static BigInteger parseHex(String body, boolean negative, FloatKind kind) {
    if (negative) {
      throw new NumberFormatException("hexadecimal float literal should not have a leading minus");
    }
    String hex = body.substring(2);
    if (hex.isEmpty() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new NumberFormatException("expected floating point literal: '" + body + "'");
    }
    // Leading zeros do not count; more digits than the width holds are out of range whatever
    // they are (checked first, so that a megabyte-long literal costs no quadratic conversion).
    int start = 0;
    while (start < hex.length() - 1 && hex.charAt(start) == '0') {
      start++;
    }
    if (hex.length() - start > (kind.width() + 3) / 4) {
      throw new NumberFormatException("hexadecimal float constant out of range for type");
    }
    BigInteger value = new BigInteger(hex.substring(start), 16);
    if (value.bitLength() > kind.width()) {
      throw new NumberFormatException("hexadecimal float constant out of range for type");
    }
    return value;
  }

  /**
   * Converts a double to (narrow) {@code kind} like {@code APFloat::convert} with
   * nearest-ties-to-even, returning raw bits. Finite values round correctly; beyond that the
   * kind's rules apply, including what LLVM leaves undefined (marked UB: reproduced as
   * mlir-opt-22 behaves, since MLIR reaches these paths from ordinary literals):
   *
   * <ul>
   *   <li>overflow: infinity (IEEE kinds), NaN (f8E4M3FN: sign kept, 0x7F/0xFF; FNUZ kinds:
   *       0x80; f8E8M0FNU: 0xFF), or the largest finite value with the sign (f4E2M1FN, f6
   *       kinds, which also saturate instead of rounding to NaN). For f8E4M3FN rounding to
   *       the all-ones pattern (e.g. 470.0 -> 480) is an overflow too;
   *   <li>underflow and zero: signed zero, except +0 for FNUZ kinds (no -0) and 0x00 =
   *       2^-127, the smallest value, for f8E8M0FNU (no zero);
   *   <li>infinity in: as overflow, except the finite-only kinds give ±0 (UB: APFloat keeps an
   *       infinity it cannot encode);
   *   <li>NaN in: the kind's NaN, payload kept and made quiet for IEEE kinds;
   *       {@link IllegalArgumentException} for the finite-only kinds (UB, not reachable from
   *       MLIR text);
   *   <li>f8E8M0FNU has no sign and ties round up (the lone significand bit is odd), but
   *       {@code APFloat} keeps the sign of a negative input and its bitcast ORs it into the
   *       top exponent bit: -1.0 gives 0xFF (a NaN), -2.0 gives 0x80 (2.0), -0.5 gives 0xFE
   *       (2^127). MLIR's dense attributes and bytecode store exactly that; a plain
   *       {@code -1.0 : f8E8M0FNU} attribute keeps the APFloat and prints "-1.000000e+00",
   *       which no bit pattern does.
   * </ul>
   *
   * @throws UnsupportedOperationException for f80 and f128 (use {@link #fromDoubleWide})
   */
  public static long fromDouble(double value, FloatKind kind) {
    requireNarrow(kind);
    long raw = Double.doubleToRawLongBits(value);
    if (kind == FloatKind.F64) {
      return raw;
    }
    boolean negative = raw < 0;
    int biased = (int) ((raw >>> 52) & 0x7FF);
    long fraction = raw & ((1L << 52) - 1);
    if (biased == 0x7FF) {
      if (fraction == 0) {
        if (kind.nonFiniteBehavior() == FloatKind.NonFiniteBehavior.FINITE_ONLY) {
          // UB in LLVM; mlir-opt-22 ends up with the zero pattern of that sign.
          return negative ? kind.signBit() : 0;
        }
        return overflowBits(negative, kind);
      }
      switch (kind.nonFiniteBehavior()) {
        case IEEE754:
          long payload = fraction >>> (53 - kind.precision());
          return (negative ? kind.signBit() : 0) | kind.infinityBits() | payload
            | (1L << (kind.precision() - 2));
        case NAN_ONLY:
          return overflowBits(negative, kind);
        default:
          throw new IllegalArgumentException(kind.mlirName() + " has no NaN");
      }
    }
    if (biased == 0 && fraction == 0) {
      return zeroBits(negative, kind);
    }
    long significand = biased == 0 ? fraction : fraction | (1L << 52);
    int exp2 = (biased == 0 ? 1 : biased) - 1075;
    return roundToKind(negative, significand, exp2, false, kind);
  }

  /**
   * {@link #fromDouble(double, FloatKind)} for any kind, as an unsigned bit pattern. Into f80
   * and f128 every double converts exactly; NaNs keep their payload, made quiet (and for f80
   * with the integer bit set).
   */
  public static BigInteger fromDoubleWide(double value, FloatKind kind) {
    if (!kind.isWide()) {
      long bits = fromDouble(value, kind);
      return kind.width() == 64 ? new BigInteger(Long.toUnsignedString(bits))
        : BigInteger.valueOf(bits);
    }
    long raw = Double.doubleToRawLongBits(value);
    boolean negative = raw < 0;
    int biased = (int) ((raw >>> 52) & 0x7FF);
    long fraction = raw & ((1L << 52) - 1);
    BigInteger sign = negative ? BigInteger.ONE.shiftLeft(kind.width() - 1) : BigInteger.ZERO;
    if (biased == 0x7FF) {
      BigInteger bits = wideInfinity(negative, kind);
      if (fraction != 0) {
        // APFloat::convert widens the payload in place (shift left) and makes it quiet.
        int shift = kind.precision() - 53;
        bits = bits.or(BigInteger.valueOf(fraction).shiftLeft(shift))
          .setBit(kind.precision() - 2);
      }
      return bits;
    }
    if (biased == 0 && fraction == 0) {
      return sign;
    }
    long significand = biased == 0 ? fraction : fraction | (1L << 52);
    int exp2 = (biased == 0 ? 1 : biased) - 1075;
    return roundToKindWide(negative, BigInteger.valueOf(significand), exp2, false, kind);
  }

  /** The exact value of the float of (narrow) {@code kind} with raw {@code bits}, as a double. */
  public static double toDouble(long bits, FloatKind kind) {
    requireNarrow(kind);
    bits &= kind.mask();
    if (kind == FloatKind.F64) {
      return Double.longBitsToDouble(bits);
    }
    boolean negative = (bits & kind.signBit()) != 0;
    double magnitude;
    if (kind.isNaN(bits)) {
      long fraction = bits & ((1L << (kind.precision() - 1)) - 1);
      magnitude = kind.hasInfinity()
        ? Double.longBitsToDouble(0x7FF8_0000_0000_0000L | (fraction << (53 - kind.precision())))
        : Double.NaN;
    } else if (kind.isInfinity(bits)) {
      magnitude = Double.POSITIVE_INFINITY;
    } else if (isZero(bits, kind)) {
      magnitude = 0;
    } else {
      // Every narrow kind's range and precision fit in a double: exact.
      magnitude = Math.scalb((double) significandOf(bits, kind), ulpExponentOf(bits, kind));
    }
    return negative ? -magnitude : magnitude;
  }

  /**
   * Correctly rounds a decimal number (optional '-', digits with an optional '.', optional
   * exponent) directly to (narrow) {@code kind}, nearest-even, like {@code APFloat(semantics,
   * string)}. This is the conversion MLIR's printer uses to check that a shortened form
   * round-trips; it differs from {@link #parse} (which rounds through double) only in rare
   * double-rounding cases for narrow kinds, but substantially for f80 and f128.
   *
   * @throws NumberFormatException if {@code decimal} is not such a number
   */
  public static long parseExact(CharSequence decimal, FloatKind kind) {
    requireNarrow(kind);
    return parseExactBits(decimal, kind).longValue();
  }

  /** {@link #parseExact(CharSequence, FloatKind)} for any kind, as an unsigned bit pattern. */
  public static BigInteger parseExactWide(CharSequence decimal, FloatKind kind) {
    BigInteger bits = parseExactBits(decimal, kind);
    return bits.signum() < 0 ? bits.add(BigInteger.ONE.shiftLeft(64)) : bits;
  }

  /** Narrow kinds: the long pattern as a (possibly negative) BigInteger; wide: unsigned. */
  private static BigInteger parseExactBits(CharSequence decimal, FloatKind kind) {
    String s = decimal.toString();
    int i = 0;
    int len = s.length();
    boolean negative = false;
    if (i < len && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    StringBuilder digits = new StringBuilder(len);
    int fractionDigits = 0;
    boolean seenPoint = false;
    boolean anyDigit = false;
    for (; i < len; i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        anyDigit = true;
        if (digits.length() > 0 || c != '0') {
          digits.append(c);
        }
        if (seenPoint) {
          fractionDigits++;
        }
      } else if (c == '.' && !seenPoint) {
        seenPoint = true;
      } else {
        break;
      }
    }
    if (!anyDigit) {
      throw new NumberFormatException("not a decimal number: '" + s + "'");
    }
    long exponent = 0;
    if (i < len) {
      char c = s.charAt(i++);
      if (c != 'e' && c != 'E') {
        throw new NumberFormatException("not a decimal number: '" + s + "'");
      }
      boolean negativeExp = false;
      if (i < len && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        negativeExp = s.charAt(i) == '-';
        i++;
      }
      if (i == len) {
        throw new NumberFormatException("not a decimal number: '" + s + "'");
      }
      for (; i < len; i++) {
        char d = s.charAt(i);
        if (!isDigit(d)) {
          throw new NumberFormatException("not a decimal number: '" + s + "'");
        }
        // Saturate: anything this large is infinity or zero anyway.
        exponent = Math.min(exponent * 10 + (d - '0'), 1_000_000_000L);
      }
      if (negativeExp) {
        exponent = -exponent;
      }
    }
    if (digits.length() == 0) {
      return kind.isWide() ? (negative ? BigInteger.ONE.shiftLeft(kind.width() - 1)
        : BigInteger.ZERO) : BigInteger.valueOf(zeroBits(negative, kind));
    }
    long exp10 = exponent - fractionDigits;
    return roundDecimal(negative, new BigInteger(digits.toString()), exp10, kind);
  }

  /** Correctly rounds m*10^exp10 (m > 0) to kind. */
  private static BigInteger roundDecimal(boolean negative, BigInteger m, long exp10,
                       FloatKind kind) {
    // Decimal magnitude bounds: narrow kinds lie within (1e-330, 1e310), wide ones within
    // (1e-4970, 1e4940).
    long limit = kind.isWide() ? 5000 : 400;
    long magnitude = exp10 + m.toString().length() - 1;
    if (magnitude > limit) {
      return kind.isWide() ? wideInfinity(negative, kind)
        : BigInteger.valueOf(overflowBits(negative, kind));
    }
    if (magnitude < -limit) {
      // Far below half the smallest subnormal: rounds like any tiny value.
      m = BigInteger.ONE;
      exp10 = -limit;
    }
    BigInteger num = m;
    BigInteger den = BigInteger.ONE;
    if (exp10 >= 0) {
      num = num.multiply(BigInteger.TEN.pow((int) exp10));
    } else {
      den = BigInteger.TEN.pow((int) -exp10);
    }
    // Scale so the integer quotient has p+2..p+4 bits; the remainder becomes a sticky bit.
    int approxLog2 = num.bitLength() - den.bitLength();
    int shift = kind.precision() + 3 - approxLog2;
    if (shift >= 0) {
      num = num.shiftLeft(shift);
    } else {
      den = den.shiftLeft(-shift);
    }
    BigInteger[] qr = num.divideAndRemainder(den);
    boolean sticky = qr[1].signum() != 0;
    if (kind.isWide()) {
      return roundToKindWide(negative, qr[0], -shift, sticky, kind);
    }
    return BigInteger.valueOf(roundToKind(negative, qr[0].longValueExact(), -shift, sticky,
      kind));
  }

  /**
   * The result of an overflow (APFloat's handleOverflow in nearest mode): infinity, the kind's
   * NaN, or for finite-only kinds the largest finite value with the sign.
   */
  private static long overflowBits(boolean negative, FloatKind kind) {
    long sign = negative ? kind.signBit() : 0;
    switch (kind.nonFiniteBehavior()) {
      case IEEE754:
        return sign | kind.infinityBits();
      case FINITE_ONLY:
        return sign | kind.maxFiniteBits();
      default:
        if (kind.nanEncoding() == FloatKind.NanEncoding.NEGATIVE_ZERO) {
          return 1L << (kind.width() - 1);
        }
        if (!kind.isSigned()) {
          // f8E8M0FNU: all ones. (A negative NaN is UB in LLVM; mlir-opt-22 gives 0xFF too.)
          return kind.mask();
        }
        return sign | (kind.mask() >>> 1);
    }
  }

  /** The result of rounding to zero: signed zero where the kind has one. */
  private static long zeroBits(boolean negative, FloatKind kind) {
    if (!kind.hasZero()) {
      // APFloat substitutes the smallest normal, positive (pattern 0x00 of f8E8M0FNU).
      return 0;
    }
    return negative && kind.hasNegativeZero() ? kind.signBit() : 0;
  }

  /**
   * Rounds (mant + sticky*epsilon) * 2^exp2 to (narrow) kind like APFloat's normalize in
   * nearest-even mode. {@code mant} must be positive and below 2^62; {@code sticky} means the
   * true value is slightly above.
   */
  private static long roundToKind(boolean negative, long mant, int exp2, boolean sticky,
                  FloatKind kind) {
    int p = kind.precision();
    int log2 = 63 - Long.numberOfLeadingZeros(mant) + exp2;
    if (log2 > kind.maxExponent()) {
      return overflowBits(negative, kind);
    }
    int e = Math.max(log2, kind.minExponent());
    int ulpExp = e - (p - 1);
    int drop = ulpExp - exp2;
    long kept;
    if (drop <= 0) {
      kept = mant << -drop;
    } else if (drop >= 63) {
      // mant < 2^62 is below half an ulp.
      kept = 0;
    } else {
      kept = mant >>> drop;
      long rest = mant & ((1L << drop) - 1);
      long half = 1L << (drop - 1);
      // "Even" is judged on the last kept bit; f8E8M0FNU's only bit is the leading one, so
      // its ties round up.
      if (rest > half || (rest == half && (sticky || (kept & 1) != 0))) {
        kept++;
      }
    }
    if (kept == 0) {
      return zeroBits(negative, kind);
    }
    if (kept == 1L << p) {
      kept >>>= 1;
      e++;
      if (e > kind.maxExponent()) {
        return overflowBits(negative, kind);
      }
    }
    // f8E4M3FN: reaching the all-ones pattern (e.g. 470.0 -> "480") is an overflow to NaN for
    // APFloat, and the encoding below produces exactly that NaN, sign included.
    long fractionMask = (1L << (p - 1)) - 1;
    long field = kept > fractionMask ? e + kind.bias() : 0;
    // For f8E8M0FNU the "sign" lands on the top exponent bit, as APFloat's bitcast does.
    long sign = negative ? 1L << (kind.width() - 1) : 0;
    return sign | (field << (p - 1)) | (kept & fractionMask);
  }

  private static BigInteger wideInfinity(boolean negative, FloatKind kind) {
    BigInteger bits = BigInteger.valueOf((1 << kind.exponentBits()) - 1)
      .shiftLeft(kind.fractionBits());
    if (kind.hasExplicitIntegerBit()) {
      bits = bits.setBit(kind.precision() - 1);
    }
    return negative ? bits.setBit(kind.width() - 1) : bits;
  }

  /** {@link #roundToKind} for f80 and f128 (both IEEE-754 in their overflow behaviour). */
  private static BigInteger roundToKindWide(boolean negative, BigInteger mant, int exp2,
                        boolean sticky, FloatKind kind) {
    int p = kind.precision();
    int log2 = mant.bitLength() - 1 + exp2;
    if (log2 > kind.maxExponent()) {
      return wideInfinity(negative, kind);
    }
    int e = Math.max(log2, kind.minExponent());
    int drop = e - (p - 1) - exp2;
    BigInteger kept;
    if (drop <= 0) {
      kept = mant.shiftLeft(-drop);
    } else {
      kept = mant.shiftRight(drop);
      boolean halfBit = mant.testBit(drop - 1);
      boolean belowHalf = mant.getLowestSetBit() < drop - 1 || sticky;
      if (halfBit && (belowHalf || kept.testBit(0))) {
        kept = kept.add(BigInteger.ONE);
      }
    }
    BigInteger sign = negative ? BigInteger.ONE.shiftLeft(kind.width() - 1) : BigInteger.ZERO;
    if (kept.signum() == 0) {
      return sign;
    }
    if (kept.bitLength() > p) {
      kept = kept.shiftRight(1);
      e++;
      if (e > kind.maxExponent()) {
        return wideInfinity(negative, kind);
      }
    }
    boolean normal = kept.testBit(p - 1);
    long field = normal ? e + kind.bias() : 0;
    if (!kind.hasExplicitIntegerBit() && normal) {
      kept = kept.clearBit(p - 1);
    }
    return sign.or(BigInteger.valueOf(field).shiftLeft(kind.fractionBits())).or(kept);
  }
}

package dev.dyad.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FloatFormatTest {

  @Test
  void commonValues() {
    assertEquals("1.000000e+00", FloatFormat.format(1.0));
    assertEquals("1.000000e-01", FloatFormat.format(0.1));
    assertEquals("1.000000e-01", FloatFormat.format(0.1f));
    assertEquals("-0.000000e+00", FloatFormat.format(-0.0));
    assertEquals("0.33333333333333331", FloatFormat.format(1.0 / 3));
    assertEquals("3.40282347E+38", FloatFormat.format(Float.MAX_VALUE));
    assertEquals("9.9999999999999995E-7", FloatFormat.format(1e-6));
    // Integral, no '.' in the default form -> hex.
    assertEquals("0x419D6F3454000000", FloatFormat.format(123456789.0));
    assertEquals("0x7FC00000", FloatFormat.format(Float.NaN));
    assertEquals("0xFFF0000000000000", FloatFormat.format(Double.NEGATIVE_INFINITY));
    assertEquals("0x7C00", FloatFormat.format(0x7C00, FloatKind.F16));
    assertEquals("1.000980e-01", FloatFormat.format(0x3DCD, FloatKind.BF16));
    // APFloat truncates instead of rounding here (exact value 8.9406967e-07).
    assertEquals("8.940690e-07", FloatFormat.format(0x000F, FloatKind.F16));
  }

  @Test
  void apFloatToStringModes() {
    long third = Double.doubleToRawLongBits(1.0 / 3);
    // Six significant digits, then APFloat pads to six decimals with a zero.
    assertEquals("3.333330e-01", FloatFormat.toApString(third, FloatKind.F64, 6, 0, false));
    assertEquals("0.33333333333333331", FloatFormat.toApString(third, FloatKind.F64, 0, 3, true));
    assertEquals("3.3333333333333331E-1", FloatFormat.toApString(third, FloatKind.F64, 0, 0, true));
    assertEquals("0", FloatFormat.toApString(0, FloatKind.F64, 0, 3, true));
    assertEquals("-0.0E+0", FloatFormat.toApString(Long.MIN_VALUE, FloatKind.F64, 0, 0, true));
    assertEquals("1.0E+0", FloatFormat.toApString(Double.doubleToRawLongBits(1.0), FloatKind.F64, 0, 0, true));
    assertEquals("1", FloatFormat.toApString(Double.doubleToRawLongBits(1.0), FloatKind.F64, 0, 3, true));
    assertEquals("1000", FloatFormat.toApString(Double.doubleToRawLongBits(1000.0), FloatKind.F64, 0, 3, true));
    assertEquals("1.0E+4", FloatFormat.toApString(Double.doubleToRawLongBits(1e4), FloatKind.F64, 0, 3, true));
    assertEquals("0.001", FloatFormat.toApString(Double.doubleToRawLongBits(0.001), FloatKind.F64, 0, 3, true));
    assertEquals("1.0E-4", FloatFormat.toApString(Double.doubleToRawLongBits(1e-4), FloatKind.F64, 0, 3, true));
    // Digit dropping truncates when exactly six digits survive it ...
    assertEquals("9.999990e+00", FloatFormat.toApString(Double.doubleToRawLongBits(9.9999999), FloatKind.F64, 6, 0, false));
    // ... and rounds half-up with a carry through all the nines otherwise.
    assertEquals("1.000000e-05", FloatFormat.toApString(0x3727c5aaL, FloatKind.F32, 6, 0, false));
    assertEquals("9.99999793E-6", FloatFormat.format(0x3727c5aaL, FloatKind.F32));
    assertEquals("+Inf", FloatFormat.toApString(0x7F800000L, FloatKind.F32, 6, 0, false));
    assertEquals("-Inf", FloatFormat.toApString(0xFF800000L, FloatKind.F32, 6, 0, false));
    assertEquals("NaN", FloatFormat.toApString(0x7FC00000L, FloatKind.F32, 6, 0, false));
  }

  @Test
  void parseFollowsMlirsLexerAndParser() {
    assertEquals(0x3F800000L, FloatFormat.parse("1.", FloatKind.F32));
    assertEquals(0x3F800000L, FloatFormat.parse("1.0e0", FloatKind.F32));
    assertEquals(0xBF800000L, FloatFormat.parse("-1.0", FloatKind.F32));
    assertEquals(0x8000L, FloatFormat.parse("-0.0", FloatKind.F16));
    assertEquals(0x7E00L, FloatFormat.parse("0x7e00", FloatKind.F16));
    assertEquals(1L, FloatFormat.parse("0x00000000000000000001", FloatKind.F16));
    assertEquals(0x7FF0000000000000L, FloatFormat.parse("1.0e400", FloatKind.F64));
    assertEquals(0L, FloatFormat.parse("1.0e-400", FloatKind.F64));
    assertEquals(0x7C00L, FloatFormat.parse("65520.0", FloatKind.F16));
    // Decimal -> double -> f32: the double is exactly the f32 midpoint, ties to even.
    assertEquals(0x3F800000L, FloatFormat.parse("1.00000005960464477539062500001", FloatKind.F32));
    // ... whereas correct direct rounding goes up.
    assertEquals(0x3F800001L, FloatFormat.parseExact("1.00000005960464477539062500001", FloatKind.F32));

    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("1", FloatKind.F32));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("1e5", FloatKind.F32));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse(".5", FloatKind.F32));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("+1.0", FloatKind.F32));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("1.0e", FloatKind.F32));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("0X10", FloatKind.F32));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("0x", FloatKind.F32));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("-0x7E00", FloatKind.F16));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("0x1FFFF", FloatKind.F16));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("inf", FloatKind.F64));
  }

  @Test
  void fromDoubleRoundsToNearestEven() {
    assertEquals(Float.floatToRawIntBits(0.1f), FloatFormat.fromDouble(0.1, FloatKind.F32));
    assertEquals(0x3C00L, FloatFormat.fromDouble(1.00048828125, FloatKind.F16)); // tie -> even
    assertEquals(0x3C02L, FloatFormat.fromDouble(1.00146484375, FloatKind.F16)); // tie -> even
    assertEquals(0x0001L, FloatFormat.fromDouble(5.960464477539063e-8, FloatKind.F16));
    assertEquals(0x0000L, FloatFormat.fromDouble(2.9802322387695312e-8, FloatKind.F16)); // tie -> 0
    assertEquals(0x0001L, FloatFormat.fromDouble(Math.nextUp(2.9802322387695312e-8), FloatKind.F16));
    assertEquals(0x7BFFL, FloatFormat.fromDouble(65519.99, FloatKind.F16));
    assertEquals(0xFC00L, FloatFormat.fromDouble(-1e300, FloatKind.F16));
    assertEquals(0x3F80L, FloatFormat.fromDouble(1.00390625, FloatKind.BF16));
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      double d = Double.longBitsToDouble(r.nextLong());
      if (Double.isNaN(d)) {
        continue;
      }
      assertEquals(Float.floatToRawIntBits((float) d) & 0xFFFF_FFFFL, FloatFormat.fromDouble(d, FloatKind.F32));
      long f16 = FloatFormat.fromDouble(d, FloatKind.F16);
      assertEquals(f16, FloatFormat.fromDouble(FloatFormat.toDouble(f16, FloatKind.F16), FloatKind.F16));
    }
  }

  @Test
  void parseExactIsCorrectlyRounded() {
    Random r = new Random(11);
    for (int i = 0; i < 50_000; i++) {
      String s = randomDecimal(r, -330, 310);
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), FloatFormat.parseExact(s, FloatKind.F64), s);
      String f = randomDecimal(r, -50, 40);
      assertEquals(Float.floatToRawIntBits(Float.parseFloat(f)) & 0xFFFF_FFFFL, FloatFormat.parseExact(f, FloatKind.F32), f);
    }
  }

  @Test
  void fastPathAgreesWithExactPath() {
    Random r = new Random(3);
    for (FloatKind kind : narrowKinds()) {
      for (int i = 0; i < 60_000; i++) {
        long bits;
        if (i % 2 == 0) {
          bits = r.nextLong() & kind.mask();
        } else {
          // Short decimals are the common case in real IR and exercise the exact
          // near-integer comparisons of the fast path.
          double d = Double.parseDouble(randomDecimal(r, -40, 40));
          bits = FloatFormat.fromDouble(i % 3 == 0 ? d : Math.rint(d), kind);
        }
        assertEquals(FloatFormat.formatSlow(bits, kind), FloatFormat.format(bits, kind),
          kind + " " + Long.toHexString(bits));
      }
    }
  }

  @Test
  void fastDefaultFormAgreesWithApFloatToString() {
    Random r = new Random(13);
    for (FloatKind kind : narrowKinds()) {
      int decided = 0;
      int candidates = 0;
      for (int i = 0; i < 40_000; i++) {
        long bits = i % 2 == 0 ? r.nextLong() & kind.mask()
          : FloatFormat.fromDouble(Double.parseDouble(randomDecimal(r, -320, 300)), kind);
        if (kind.isNonFinite(bits) || (bits & ~kind.signBit()) == 0) {
          continue;
        }
        candidates++;
        String fast = FloatFormat.defaultFormFast(bits, kind);
        if (fast != null) {
          decided++;
          assertEquals(FloatFormat.toApString(bits, kind, 0, 3, true), fast, kind + " " + Long.toHexString(bits));
        }
      }
      assertEquals(true, decided > candidates / 2, kind + " fast path rarely applies: " + decided + "/" + candidates);
    }
  }

  @Test
  void roundTripsRandomValues() {
    Random r = new Random(5);
    for (FloatKind kind : narrowKinds()) {
      for (int i = 0; i < 30_000; i++) {
        long bits = r.nextLong() & kind.mask();
        long back = FloatFormat.parse(FloatFormat.format(bits, kind), kind);
        assertEquals(bits, back, kind + " " + Long.toHexString(bits));
      }
    }
  }

  @Test
  void everyMlirFloatKeywordHasAKind() {
    String[] names = {"f16", "bf16", "f32", "f64", "f80", "f128", "tf32", "f8E5M2", "f8E4M3",
      "f8E4M3FN", "f8E5M2FNUZ", "f8E4M3FNUZ", "f8E4M3B11FNUZ", "f8E3M4", "f8E8M0FNU", "f6E2M3FN",
      "f6E3M2FN", "f4E2M1FN"};
    for (String name : names) {
      FloatKind kind = FloatKind.fromMlirName(name);
      assertEquals(name, kind == null ? null : kind.mlirName());
    }
    assertEquals(names.length, FloatKind.values().length);
    assertNull(FloatKind.fromMlirName("f8e4m3fn"));
    assertNull(FloatKind.fromMlirName("i32"));
  }

  @Test
  void kindsDescribeTheirEncodings() {
    assertEquals(16, FloatKind.F8E5M2FNUZ.bias());
    assertEquals(11, FloatKind.F8E4M3B11FNUZ.bias());
    assertEquals(127, FloatKind.F8E8M0FNU.bias());
    assertEquals(80, FloatKind.F80.width());
    assertEquals(64, FloatKind.F80.fractionBits());
    assertEquals(112, FloatKind.F128.fractionBits());
    assertEquals(0x7BFFL, FloatKind.F16.maxFiniteBits());
    assertEquals(0x7EL, FloatKind.F8E4M3FN.maxFiniteBits());
    assertEquals(0x7FL, FloatKind.F8E5M2FNUZ.maxFiniteBits());
    assertEquals(0xFEL, FloatKind.F8E8M0FNU.maxFiniteBits());
    assertEquals(0x7L, FloatKind.F4E2M1FN.maxFiniteBits());
    assertEquals(0L, FloatKind.F8E8M0FNU.signBit());
    assertTrue(FloatKind.F8E4M3FN.isNaN(0xFF) && FloatKind.F8E4M3FN.isNaN(0x7F));
    assertFalse(FloatKind.F8E4M3FN.isNaN(0x78) || FloatKind.F8E4M3FN.isInfinity(0x78));
    assertTrue(FloatKind.F8E4M3FNUZ.isNaN(0x80));
    assertFalse(FloatKind.F8E4M3FNUZ.isNaN(0x00) || FloatKind.F8E4M3FNUZ.hasNegativeZero());
    assertTrue(FloatKind.F8E8M0FNU.isNaN(0xFF));
    assertFalse(FloatKind.F8E8M0FNU.hasZero() || FloatKind.F8E8M0FNU.isSigned());
    assertEquals(FloatKind.NonFiniteBehavior.FINITE_ONLY, FloatKind.F6E3M2FN.nonFiniteBehavior());
    assertEquals(FloatKind.NanEncoding.NEGATIVE_ZERO, FloatKind.F8E5M2FNUZ.nanEncoding());
    assertTrue(FloatKind.F80.isWide() && FloatKind.F80.hasExplicitIntegerBit());
    assertThrows(UnsupportedOperationException.class, () -> FloatKind.F80.mask());
    assertThrows(UnsupportedOperationException.class, () -> FloatKind.F8E4M3FN.infinityBits());
  }

  @Test
  void smallFormatsFollowTheirOwnRules() {
    // Overflow: NaN (FN, FNUZ, E8M0), saturation (finite-only), infinity (IEEE-like).
    assertEquals(0x7FL, FloatFormat.parse("1000.0", FloatKind.F8E4M3FN));
    assertEquals(0xFFL, FloatFormat.parse("-1000.0", FloatKind.F8E4M3FN));
    assertEquals(0x7EL, FloatFormat.parse("464.0", FloatKind.F8E4M3FN)); // tie -> 448 (even)
    assertEquals(0x7FL, FloatFormat.parse("470.0", FloatKind.F8E4M3FN)); // rounds to "480" = NaN
    assertEquals(0x80L, FloatFormat.parse("-1.0e5", FloatKind.F8E4M3FNUZ));
    assertEquals(0x7L, FloatFormat.parse("1.0e5", FloatKind.F4E2M1FN));
    assertEquals(0xFL, FloatFormat.parse("-1.0e5", FloatKind.F4E2M1FN));
    assertEquals("6.000000e+00", FloatFormat.format(0x7, FloatKind.F4E2M1FN));
    assertEquals(0x1FL, FloatFormat.parse("1.0e5", FloatKind.F6E2M3FN));
    assertEquals(0x7CL, FloatFormat.parse("1.0e5", FloatKind.F8E5M2));
    // Literals beyond double's range become infinity first; finite-only kinds then hold the
    // zero pattern (LLVM UB, as mlir-opt-22 behaves).
    assertEquals(0x0L, FloatFormat.parse("1.0e400", FloatKind.F4E2M1FN));
    assertEquals(0x8L, FloatFormat.parse("-1.0e400", FloatKind.F4E2M1FN));
    // No negative zero in FNUZ kinds: 0x80 is their NaN.
    assertEquals(0x0L, FloatFormat.parse("-0.0", FloatKind.F8E5M2FNUZ));
    assertEquals("0x80", FloatFormat.format(0x80, FloatKind.F8E5M2FNUZ));
    assertEquals("5.734400e+04", FloatFormat.format(0x7F, FloatKind.F8E5M2FNUZ));
    // f8E8M0FNU: no zero (0x00 is 2^-127), ties round up, the sign lands in the exponent.
    assertEquals(0x00L, FloatFormat.parse("0.0", FloatKind.F8E8M0FNU));
    assertEquals(0x00L, FloatFormat.parse("-1.0e-300", FloatKind.F8E8M0FNU));
    assertEquals("5.877470e-39", FloatFormat.format(0x00, FloatKind.F8E8M0FNU));
    assertEquals(0x81L, FloatFormat.parse("3.0", FloatKind.F8E8M0FNU));
    assertEquals(0x7FL, FloatFormat.parse("0.75", FloatKind.F8E8M0FNU));
    assertEquals(0xFFL, FloatFormat.parse("-1.0", FloatKind.F8E8M0FNU));
    assertEquals(0x80L, FloatFormat.parse("-2.0", FloatKind.F8E8M0FNU));
    assertEquals(0xFEL, FloatFormat.parse("-0.5", FloatKind.F8E8M0FNU));
    assertEquals(0xFFL, FloatFormat.parse("1.0e300", FloatKind.F8E8M0FNU));
    assertEquals("0xFF", FloatFormat.format(0xFF, FloatKind.F8E8M0FNU));
    assertEquals(0xFFL, FloatFormat.fromDouble(Double.NaN, FloatKind.F8E8M0FNU));
    assertThrows(IllegalArgumentException.class,
      () -> FloatFormat.fromDouble(Double.NaN, FloatKind.F4E2M1FN));
    assertThrows(NumberFormatException.class, () -> FloatFormat.parse("0x1F", FloatKind.F4E2M1FN));
    assertEquals(0xFL, FloatFormat.parse("0x00F", FloatKind.F4E2M1FN));
    assertEquals(2.0, FloatFormat.toDouble(0x80, FloatKind.F8E8M0FNU));
    assertEquals(-0.5, FloatFormat.toDouble(0x9, FloatKind.F4E2M1FN));
    assertEquals(Double.NaN, FloatFormat.toDouble(0x80, FloatKind.F8E4M3FNUZ));
  }

  @Test
  void wideKindsUseBigIntegers() {
    BigInteger one80 = new BigInteger("3FFF8000000000000000", 16);
    assertEquals("1.000000e+00", FloatFormat.formatWide(one80, FloatKind.F80));
    assertEquals(one80, FloatFormat.parseWide("1.0", FloatKind.F80));
    // Decimal literals go through double: no more than 53 bits of 1.1 survive.
    assertEquals("1.10000000000000008882", FloatFormat.formatWide(
      FloatFormat.parseWide("1.1", FloatKind.F80), FloatKind.F80));
    assertEquals("1.10000000000000008881784197001252323", FloatFormat.formatWide(
      FloatFormat.parseWide("1.1", FloatKind.F128), FloatKind.F128));
    assertEquals(new BigInteger("3FFB999999999999A000000000000000", 16),
      FloatFormat.parseWide("0.1", FloatKind.F128));
    // ... while the printer's round-trip check parses directly into the type.
    assertEquals(new BigInteger("3FFB999999999999999999999999999A", 16),
      FloatFormat.parseExactWide("0.1", FloatKind.F128));
    assertEquals("0x4019EB79A2A000000000",
      FloatFormat.formatWide(FloatFormat.parseWide("123456789.0", FloatKind.F80), FloatKind.F80));
    assertEquals("0x7FFF8000000000000000",
      FloatFormat.formatWide(FloatFormat.parseWide("1.0e400", FloatKind.F80), FloatKind.F80));
    assertEquals("3.645200e-4951", FloatFormat.formatWide(BigInteger.ONE, FloatKind.F80));
    // x87 encodings the hardware rejects: an unnormal is a NaN, a pseudo-denormal is normal.
    BigInteger unnormal = new BigInteger("3FFF0000000000000001", 16);
    assertEquals("0x7FFF0000000000000001", FloatFormat.formatWide(unnormal, FloatKind.F80));
    assertEquals(new BigInteger("7FFF0000000000000001", 16),
      FloatFormat.parseWide("0x3FFF0000000000000001", FloatKind.F80));
    BigInteger pseudoDenormal = new BigInteger("8000000000000000", 16);
    assertEquals("3.36210314311209350626E-4932",
      FloatFormat.formatWide(pseudoDenormal, FloatKind.F80));
    assertEquals(pseudoDenormal.setBit(64),
      FloatFormat.canonicalWide(pseudoDenormal, FloatKind.F80));
    assertEquals("NaN", FloatFormat.toApString(unnormal, FloatKind.F80, 6, 0, false));
    assertEquals(new BigInteger("7FFFC000000000000000", 16),
      FloatFormat.fromDoubleWide(Double.NaN, FloatKind.F80));
    assertEquals(new BigInteger("7FFF8000000000000000000000000000", 16),
      FloatFormat.fromDoubleWide(Double.NaN, FloatKind.F128));
    // The BigInteger API takes narrow kinds too, unsigned.
    assertEquals(new BigInteger("BFF0000000000000", 16),
      FloatFormat.parseWide("-1.0", FloatKind.F64));
    assertEquals("-1.000000e+00",
      FloatFormat.formatWide(new BigInteger("BFF0000000000000", 16), FloatKind.F64));
    assertEquals("0x7F", FloatFormat.toHexLiteral(BigInteger.valueOf(0x7F), FloatKind.F8E4M3FN));
    assertThrows(UnsupportedOperationException.class,
      () -> FloatFormat.format(0L, FloatKind.F128));
    assertThrows(UnsupportedOperationException.class,
      () -> FloatFormat.parse("1.0", FloatKind.F80));
    assertThrows(IllegalArgumentException.class,
      () -> FloatFormat.formatWide(BigInteger.ONE.shiftLeft(80), FloatKind.F80));
    assertThrows(IllegalArgumentException.class,
      () -> FloatFormat.formatWide(BigInteger.ONE.negate(), FloatKind.F80));
    assertThrows(NumberFormatException.class,
      () -> FloatFormat.parseWide("0x1" + "0".repeat(20), FloatKind.F80));
  }

  @Test
  void wideKindsRoundTripDoubles() {
    Random r = new Random(17);
    for (FloatKind kind : List.of(FloatKind.F80, FloatKind.F128)) {
      for (int i = 0; i < 3_000; i++) {
        double d = Double.longBitsToDouble(r.nextLong());
        if (Double.isNaN(d)) {
          continue;
        }
        BigInteger bits = FloatFormat.fromDoubleWide(d, kind);
        String text = FloatFormat.formatWide(bits, kind);
        assertEquals(bits, FloatFormat.parseWide(text, kind), kind + " " + d + " " + text);
      }
    }
  }

  private static List<FloatKind> narrowKinds() {
    return Arrays.stream(FloatKind.values()).filter(k -> !k.isWide()).collect(Collectors.toList());
  }

  private static String randomDecimal(Random r, int minExp, int maxExp) {
    int digits = 1 + r.nextInt(r.nextBoolean() ? 6 : 20);
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(4) == 0) {
      sb.append('-');
    }
    sb.append((char) ('1' + r.nextInt(9))).append('.');
    for (int i = 1; i < digits; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.append('e').append(minExp + r.nextInt(maxExp - minExp + 1)).toString();
  }
}

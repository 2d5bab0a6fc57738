package dev.dyad.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
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
    for (FloatKind kind : FloatKind.values()) {
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
    for (FloatKind kind : FloatKind.values()) {
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
    for (FloatKind kind : FloatKind.values()) {
      for (int i = 0; i < 30_000; i++) {
        long bits = r.nextLong() & kind.mask();
        long back = FloatFormat.parse(FloatFormat.format(bits, kind), kind);
        assertEquals(bits, back, kind + " " + Long.toHexString(bits));
      }
    }
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

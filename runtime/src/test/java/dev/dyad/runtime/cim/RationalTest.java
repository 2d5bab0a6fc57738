package dev.dyad.runtime.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RationalTest {
  @Test
  void arithmeticIsExactAndNormalised() {
    Rational third = Rational.of(1, 3);
    assertEquals(Rational.ONE, third.plus(third).plus(third));
    assertEquals(Rational.of(1, 6), third.minus(Rational.of(1, 6)));
    assertEquals(Rational.of(2, 3), Rational.of(4, 6));
    assertEquals(Rational.of(-1, 2), Rational.of(1, -2));
    assertEquals(Rational.of(3, 2), third.times(Rational.of(9, 2)));
    assertEquals(Rational.of(1, 12), third.dividedBy(4));
    assertThrows(ArithmeticException.class, () -> Rational.of(1, 0));
  }

  @Test
  void ceilRoundsUpToWholeCycles() {
    assertEquals(3, Rational.of(5, 2).ceil());
    assertEquals(2, Rational.of(4, 2).ceil());
    assertEquals(0, Rational.ZERO.ceil());
    assertEquals(-2, Rational.of(-5, 2).ceil());
  }

  @Test
  void decimalsAreWhatTheDescriptionSaid() {
    // 12.8 GB/s at 1 GHz is 102.4 bits per cycle: 1024 bits take exactly 10 cycles, not 10 + epsilon.
    assertEquals(Rational.of(10), Rational.of(1024).dividedBy(Rational.ofDecimal(102.4)));
    assertEquals(10, Rational.of(1024).dividedBy(Rational.ofDecimal(102.4)).ceil());
    assertEquals(Rational.of(32), Rational.ofDecimal(32.0));
    assertEquals(Rational.of(1, 10000), Rational.ofDecimal(1.0e-4));
  }

  @Test
  void valuesBeyondLongsStayExact() {
    Rational big = Rational.of(Long.MAX_VALUE, 3).times(Rational.of(Long.MAX_VALUE, 7));
    Rational back = big.dividedBy(Rational.of(Long.MAX_VALUE, 7));
    assertEquals(Rational.of(Long.MAX_VALUE, 3), back);
    assertEquals(Rational.of(Long.MAX_VALUE), Rational.of(Long.MAX_VALUE - 1).plus(Rational.ONE));
    assertEquals(-1, Rational.of(Long.MAX_VALUE - 1).compareTo(Rational.of(Long.MAX_VALUE - 1).plus(Rational.ONE)));
    // a / b against c / d where the cross products overflow 64 bits
    Rational a = Rational.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);
    Rational b = Rational.of(Long.MAX_VALUE - 1, Long.MAX_VALUE);
    assertEquals(-1, a.compareTo(b));
    assertEquals(1, b.compareTo(a));
    assertEquals(-1, a.negate().compareTo(Rational.ZERO));
    assertEquals(1, b.minus(a).signum());
    assertEquals(Rational.ZERO, big.minus(big));
  }

  @Test
  void printsAtMostTheGivenDecimals() {
    assertEquals("12", Rational.of(12).toDecimal(2));
    assertEquals("12.5", Rational.of(25, 2).toDecimal(2));
    assertEquals("0.33", Rational.of(1, 3).toDecimal(2));
    assertEquals("100", Rational.of(100).toDecimal(2));
    assertEquals(0.125, Rational.of(1, 8).toDouble());
  }
}

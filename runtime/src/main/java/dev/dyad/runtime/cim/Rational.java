package dev.dyad.runtime.cim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact fraction (of cycles, mostly): the timing model keeps demands exact until a phase's
 * latency is rounded up (docs/dialects/meta.md, "Timing"). Held in two longs while they suffice
 * (the common case, and the fast one), in BigIntegers beyond.
 */
public final class Rational implements Comparable<Rational> {
  public static final Rational ZERO = new Rational(0, 1);
  public static final Rational ONE = new Rational(1, 1);

  /** Numerator and denominator (> 0) in lowest terms, when {@link #bigNum} is null. */
  private final long num;
  private final long den;
  private final BigInteger bigNum;
  private final BigInteger bigDen;

  private Rational(long num, long den) {
    this.num = num;
    this.den = den;
    this.bigNum = null;
    this.bigDen = null;
  }

  private Rational(BigInteger num, BigInteger den) {
    this.num = 0;
    this.den = 1;
    this.bigNum = num;
    this.bigDen = den;
  }

  public static Rational of(long n) {
    return n == 0 ? ZERO : new Rational(n, 1);
  }

  public static Rational of(long num, long den) {
    if (den == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (den < 0) {
      if (num == Long.MIN_VALUE || den == Long.MIN_VALUE) {
        return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
      }
      num = -num;
      den = -den;
    }
    long g = gcd(Math.abs(num), den);
    return num == 0 ? ZERO : new Rational(num / g, den / g);
  }

  public static Rational of(BigInteger num, BigInteger den) {
    if (den.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
      num = num.divide(g);
      den = den.divide(g);
    }
    if (num.signum() == 0) {
      return ZERO;
    }
    if (num.bitLength() < 64 && den.bitLength() < 64) {
      return new Rational(num.longValue(), den.longValue());
    }
    return new Rational(num, den);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a == 0 ? 1 : a;
  }

  /**
   * The value a hardware description's number stands for: the shortest decimal that reads back
   * as {@code d} (what the JSON said, e.g. 102.4 bits per cycle for 12.8 GB/s at 1 GHz), not the
   * binary fraction nearest to it, so that e.g. 1024 bits at 102.4 bits per cycle are exactly 10
   * cycles.
   */
  public static Rational ofDecimal(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + d);
    }
    BigDecimal b = new BigDecimal(Double.toString(d));
    if (b.scale() <= 0) {
      return of(b.toBigIntegerExact(), BigInteger.ONE);
    }
    return of(b.unscaledValue(), BigInteger.TEN.pow(b.scale()));
  }

  private boolean isBig() {
    return bigNum != null;
  }

  private BigInteger bigNum() {
    return isBig() ? bigNum : BigInteger.valueOf(num);
  }

  private BigInteger bigDen() {
    return isBig() ? bigDen : BigInteger.valueOf(den);
  }

  public Rational plus(Rational o) {
    if (o.signum() == 0) {
      return this;
    }
    if (signum() == 0) {
      return o;
    }
    if (!isBig() && !o.isBig()) {
      try {
        if (den == o.den) {
          return of(Math.addExact(num, o.num), den);
        }
        return of(Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)),
            Math.multiplyExact(den, o.den));
      } catch (ArithmeticException overflow) {
        // fall through to the exact wide form
      }
    }
    return of(bigNum().multiply(o.bigDen()).add(o.bigNum().multiply(bigDen())), bigDen().multiply(o.bigDen()));
  }

  public Rational negate() {
    if (!isBig() && num != Long.MIN_VALUE) {
      return num == 0 ? ZERO : new Rational(-num, den);
    }
    return of(bigNum().negate(), bigDen());
  }

  public Rational minus(Rational o) {
    return plus(o.negate());
  }

  public Rational times(long k) {
    return times(of(k));
  }

  public Rational times(Rational o) {
    if (!isBig() && !o.isBig()) {
      try {
        return of(Math.multiplyExact(num, o.num), Math.multiplyExact(den, o.den));
      } catch (ArithmeticException overflow) {
        // fall through to the exact wide form
      }
    }
    return of(bigNum().multiply(o.bigNum()), bigDen().multiply(o.bigDen()));
  }

  public Rational dividedBy(long k) {
    return dividedBy(of(k));
  }

  public Rational dividedBy(Rational o) {
    if (o.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (!isBig() && !o.isBig()) {
      try {
        return of(Math.multiplyExact(num, o.den), Math.multiplyExact(den, o.num));
      } catch (ArithmeticException overflow) {
        // fall through to the exact wide form
      }
    }
    return of(bigNum().multiply(o.bigDen()), bigDen().multiply(o.bigNum()));
  }

  public Rational max(Rational o) {
    return compareTo(o) >= 0 ? this : o;
  }

  public Rational min(Rational o) {
    return compareTo(o) <= 0 ? this : o;
  }

  public int signum() {
    return isBig() ? bigNum.signum() : Long.signum(num);
  }

  /** The smallest whole number not below this. */
  public long ceil() {
    if (!isBig()) {
      return Math.floorDiv(num, den) + (Math.floorMod(num, den) != 0 ? 1 : 0);
    }
    BigInteger[] qr = bigNum.divideAndRemainder(bigDen);
    BigInteger q = qr[0];
    if (qr[1].signum() > 0) {
      q = q.add(BigInteger.ONE);
    }
    return q.longValueExact();
  }

  public double toDouble() {
    if (!isBig() && den == 1) {
      return num;
    }
    return new BigDecimal(bigNum()).divide(new BigDecimal(bigDen()), MathContext.DECIMAL64).doubleValue();
  }

  /** At most {@code digits} decimals, trailing zeros dropped: {@code 12}, {@code 12.5}, {@code 3.33}. */
  public String toDecimal(int digits) {
    if (!isBig() && den == 1) {
      return Long.toString(num);
    }
    BigDecimal b = new BigDecimal(bigNum()).divide(new BigDecimal(bigDen()), digits, RoundingMode.HALF_EVEN);
    b = b.stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  @Override
  public int compareTo(Rational o) {
    if (!isBig() && !o.isBig()) {
      if (den == o.den) {
        return Long.compare(num, o.num);
      }
      long hi1 = Math.multiplyHigh(num, o.den);
      long hi2 = Math.multiplyHigh(o.num, den);
      if (hi1 != hi2) {
        return Long.compare(hi1, hi2);
      }
      return Long.compareUnsigned(num * o.den, o.num * den);
    }
    return bigNum().multiply(o.bigDen()).compareTo(o.bigNum().multiply(bigDen()));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Rational r)) {
      return false;
    }
    if (!isBig() && !r.isBig()) {
      return num == r.num && den == r.den;
    }
    return bigNum().equals(r.bigNum()) && bigDen().equals(r.bigDen());
  }

  @Override
  public int hashCode() {
    return isBig() ? bigNum.hashCode() * 31 + bigDen.hashCode() : Long.hashCode(num) * 31 + Long.hashCode(den);
  }

  @Override
  public String toString() {
    if (!isBig()) {
      return den == 1 ? Long.toString(num) : num + "/" + den;
    }
    return bigDen.equals(BigInteger.ONE) ? bigNum.toString() : bigNum + "/" + bigDen;
  }
}

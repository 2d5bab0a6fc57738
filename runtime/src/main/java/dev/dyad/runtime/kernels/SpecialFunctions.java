package dev.dyad.runtime.kernels;

/** Special functions the JDK lacks, in double precision with deterministic (pure Java) evaluation. */
public final class SpecialFunctions {
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

  private SpecialFunctions() {}

  /**
   * The error function, to about 1e-15 absolute: the Maclaurin series for |x| < 2, the continued fraction
   * of erfc beyond (where the series would lose digits to cancellation and the fraction converges fast).
   */
  public static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    double r;
    if (a < 2) {
      double term = a;
      double sum = a;
      double x2 = a * a;
      for (int n = 1; n < 200; n++) {
        term *= -x2 / n;
        double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
          break;
        }
      }
      r = TWO_OVER_SQRT_PI * sum;
    } else if (a < 6) {
      r = 1 - erfcContinuedFraction(a);
    } else {
      r = 1;
    }
    return x < 0 ? -r : r;
  }

  /** erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated bottom-up. */
  private static double erfcContinuedFraction(double x) {
    double f = x;
    for (int k = 60; k >= 1; k--) {
      f = x + (k / 2.0) / f;
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }
}

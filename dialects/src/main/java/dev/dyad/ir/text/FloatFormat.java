package dev.dyad.ir.text;

import dev.dyad.ir.type.FloatType;

/** TEMPORARY placeholder until the exact APFloat-compatible formatter lands. */
public final class FloatFormat {
  private FloatFormat() {}

  public static String format(long bits, FloatType.Kind kind) {
    double v = switch (kind) {
      case F32 -> Float.intBitsToFloat((int) bits);
      case F64 -> Double.longBitsToDouble(bits);
      default -> Double.NaN;
    };
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "0x" + Long.toHexString(bits).toUpperCase();
    }
    String s = String.format("%.6e", v);
    return s;
  }
}

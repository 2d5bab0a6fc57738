package dev.dyad.dialect.arith;

import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.type.FloatType;

/**
 * IEEE arithmetic on f32 and f64 constants with the results LLVM's APFloat gives in the default
 * rounding mode: Java's float and double operations round the same way, and NaNs follow APFloat
 * (a NaN operand propagates quieted, the left one first; an invalid operation gives the positive
 * default NaN), which the JVM does not promise. Other float types are not folded (null).
 */
public final class FloatMath {
  private static final long F32_QUIET = 0x0040_0000L;
  private static final long F64_QUIET = 0x0008_0000_0000_0000L;
  private static final long F32_DEFAULT_NAN = 0x7FC0_0000L;
  private static final long F64_DEFAULT_NAN = 0x7FF8_0000_0000_0000L;

  /** A binary operation. */
  public enum Op { ADD, SUB, MUL, DIV }

  private FloatMath() {}

  public static boolean supported(FloatType t) {
    return t.equals(FloatType.F32) || t.equals(FloatType.F64);
  }

  /** {@code a op b} when both are f32 or both f64 constants; otherwise null. */
  public static FloatAttr apply(Op op, FloatAttr a, FloatAttr b) {
    FloatType t = a.type();
    if (!t.equals(b.type()) || !supported(t)) {
      return null;
    }
    boolean f32 = t.equals(FloatType.F32);
    if (isNaN(a)) {
      return quiet(a, f32);
    }
    if (isNaN(b)) {
      return quiet(b, f32);
    }
    double x = value(a);
    double y = value(b);
    if (f32) {
      float r = compute(op, (float) x, (float) y);
      long bits = Float.isNaN(r) ? F32_DEFAULT_NAN : Float.floatToRawIntBits(r) & 0xFFFF_FFFFL;
      return new FloatAttr(bits, FloatType.F32);
    }
    double r = compute(op, x, y);
    return new FloatAttr(Double.isNaN(r) ? F64_DEFAULT_NAN : Double.doubleToRawLongBits(r), FloatType.F64);
  }

  private static float compute(Op op, float x, float y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
    };
  }

  private static double compute(Op op, double x, double y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
    };
  }

  /** The value of an f32 or f64 constant (exact: every f32 is a double). */
  public static double value(FloatAttr a) {
    if (a.type().equals(FloatType.F32)) {
      return Float.intBitsToFloat((int) a.bits());
    }
    return Double.longBitsToDouble(a.bits());
  }

  public static boolean isNaN(FloatAttr a) {
    if (a.type().equals(FloatType.F32)) {
      int bits = (int) a.bits();
      return (bits & 0x7F80_0000) == 0x7F80_0000 && (bits & 0x007F_FFFF) != 0;
    }
    long bits = a.bits();
    return (bits & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L && (bits & 0x000F_FFFF_FFFF_FFFFL) != 0;
  }

  private static FloatAttr quiet(FloatAttr nan, boolean f32) {
    return new FloatAttr(nan.bits() | (f32 ? F32_QUIET : F64_QUIET), nan.type());
  }
}

package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.FloatType;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A floating-point constant, kept as the exact bit pattern of its type (NaN payloads included).
 * Types up to 64 bits use {@code bits}; f80 and f128 patterns live in {@code wideBits} (null
 * otherwise).
 */
public record FloatAttr(long bits, FloatType type, BigInteger wideBits) implements Attribute {
  public FloatAttr {
    Objects.requireNonNull(type);
    if (type.width() > 64 && wideBits == null) {
      throw new IllegalArgumentException(type.kind().keyword + " needs the wide bit pattern");
    }
    if (type.width() <= 64) {
      wideBits = null;
    }
  }

  public FloatAttr(long bits, FloatType type) {
    this(bits, type, null);
  }

  /** A constant of a type wider than 64 bits (f80, f128). */
  public static FloatAttr wide(BigInteger bits, FloatType type) {
    return new FloatAttr(bits.longValue(), type, bits);
  }

  public static FloatAttr f64(double v) {
    return new FloatAttr(Double.doubleToRawLongBits(v), FloatType.F64);
  }

  public static FloatAttr f32(float v) {
    return new FloatAttr(Float.floatToRawIntBits(v) & 0xFFFFFFFFL, FloatType.F32);
  }

  @Override
  public void print(AsmPrinter p) {
    printValue(p);
    p.append(" : ").printType(type);
  }

  @Override
  public void printElidingDefaultType(AsmPrinter p) {
    if (!type.equals(FloatType.F64)) {
      print(p);
      return;
    }
    // Like MLIR, keep ": f64" after a hex literal (NaN, infinities): without a type, 0x7FF0...
    // would read back as an integer.
    StringBuilder text = new StringBuilder();
    new AsmPrinter(text).printFloat(bits, type);
    p.append(text.toString());
    if (text.indexOf("0x") >= 0) {
      p.append(" : ").printType(type);
    }
  }

  private void printValue(AsmPrinter p) {
    if (wideBits != null) {
      p.printWideFloat(wideBits, type);
    } else {
      p.printFloat(bits, type);
    }
  }
}

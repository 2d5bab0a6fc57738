package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.FloatType;
import java.util.Objects;

/** A floating-point constant, kept as the exact bit pattern of its type (NaN payloads included). */
public record FloatAttr(long bits, FloatType type) implements Attribute {
  public FloatAttr {
    Objects.requireNonNull(type);
  }

  public static FloatAttr f64(double v) {
    return new FloatAttr(Double.doubleToRawLongBits(v), FloatType.F64);
  }

  public static FloatAttr f32(float v) {
    return new FloatAttr(Float.floatToRawIntBits(v) & 0xFFFFFFFFL, FloatType.F32);
  }

  @Override
  public void print(AsmPrinter p) {
    p.printFloat(bits, type);
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
}

package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.ComplexType;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;

/**
 * Raw bit patterns of scalar elements (integers up to 64 bits, index, floats up to 64 bits), as
 * stored by the dense attributes: masked to the element width, interpreted at print time.
 */
public final class ElementBits {
  private ElementBits() {}

  /** Whether dense attributes can hold elements of {@code t} (complex counts as two scalars). */
  public static boolean isSupportedElementType(Type t) {
    if (t instanceof ComplexType c) {
      return isSupportedScalar(c.elementType());
    }
    return isSupportedScalar(t);
  }

  static boolean isSupportedScalar(Type t) {
    return (t instanceof IntegerType it && it.width() <= 64)
        || t instanceof IndexType
        || (t instanceof FloatType ft && ft.width() <= 64);
  }

  public static int width(Type scalar) {
    if (scalar instanceof IntegerType it) {
      return it.width();
    }
    if (scalar instanceof IndexType) {
      return IndexType.STORAGE_WIDTH;
    }
    if (scalar instanceof FloatType ft) {
      return ft.width();
    }
    throw new IllegalArgumentException("not a scalar element type: " + scalar);
  }

  public static long mask(long bits, int width) {
    return width >= 64 ? bits : bits & ((1L << width) - 1);
  }

  /** Prints one scalar element in MLIR's dense/array element syntax (no type suffix). */
  public static void print(AsmPrinter p, long bits, Type scalar) {
    if (scalar instanceof FloatType ft) {
      p.printFloat(bits, ft);
      return;
    }
    int width = width(scalar);
    // Every 1-bit integer, si1 and ui1 included, prints as a boolean (MLIR's isInteger(1)).
    if (scalar instanceof IntegerType it && it.width() == 1) {
      p.append(bits != 0 ? "true" : "false");
      return;
    }
    if (scalar instanceof IntegerType it && it.isUnsigned()) {
      p.append(Long.toUnsignedString(mask(bits, width)));
      return;
    }
    p.append(signExtend(bits, width));
  }

  public static long signExtend(long bits, int width) {
    if (width == 0) {
      return 0;
    }
    if (width >= 64) {
      return bits;
    }
    int shift = 64 - width;
    return (bits << shift) >> shift;
  }
}

package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An integer (or boolean: signless i1) constant. The value is kept normalised the way MLIR prints
 * it: wrapped to the type's width, then read as unsigned for {@code uiN} and as signed otherwise.
 */
public record IntegerAttr(BigInteger value, Type type) implements Attribute {
  public static final IntegerAttr TRUE = new IntegerAttr(BigInteger.ONE, IntegerType.I1);
  public static final IntegerAttr FALSE = new IntegerAttr(BigInteger.ZERO, IntegerType.I1);

  public IntegerAttr {
    Objects.requireNonNull(type);
    value = normalise(value, type);
  }

  public static IntegerAttr of(long value, Type type) {
    return new IntegerAttr(BigInteger.valueOf(value), type);
  }

  public static IntegerAttr i64(long value) {
    return of(value, IntegerType.I64);
  }

  public static IntegerAttr bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  public static int widthOf(Type type) {
    if (type instanceof IntegerType it) {
      return it.width();
    }
    if (type instanceof IndexType) {
      return IndexType.STORAGE_WIDTH;
    }
    throw new IllegalArgumentException("not an integer-like type: " + type);
  }

  /** Wraps {@code v} to the width of {@code type}, signed unless the type is unsigned or i1. */
  public static BigInteger normalise(BigInteger v, Type type) {
    int width = widthOf(type);
    boolean unsigned = type instanceof IntegerType it && (it.isUnsigned() || it.isSignlessI1());
    if (width == 0) {
      return BigInteger.ZERO;
    }
    BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    BigInteger bits = v.and(mask);
    if (!unsigned && bits.testBit(width - 1)) {
      bits = bits.subtract(BigInteger.ONE.shiftLeft(width));
    }
    return bits;
  }

  public long longValue() {
    return value.longValue();
  }

  public boolean isBool() {
    return type instanceof IntegerType it && it.isSignlessI1();
  }

  @Override
  public void print(AsmPrinter p) {
    printValue(p);
    if (!isBool()) {
      p.append(" : ").printType(type);
    }
  }

  @Override
  public void printElidingDefaultType(AsmPrinter p) {
    if (type.equals(IntegerType.I64)) {
      printValue(p);
      return;
    }
    print(p);
  }

  private void printValue(AsmPrinter p) {
    if (isBool()) {
      p.append(value.signum() != 0 ? "true" : "false");
      return;
    }
    p.append(value.toString());
  }
}

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
 * Values that fit a {@code long} (nearly all) are stored without a BigInteger.
 */
public final class IntegerAttr implements Attribute {
  // Declared before TRUE/FALSE: their construction uses these.
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  public static final IntegerAttr TRUE = new IntegerAttr(BigInteger.ONE, IntegerType.I1);
  public static final IntegerAttr FALSE = new IntegerAttr(BigInteger.ZERO, IntegerType.I1);

  private final long small;
  /** The value when it does not fit a long, else null. */
  private final BigInteger big;
  private final Type type;

  public IntegerAttr(BigInteger value, Type type) {
    this.type = Objects.requireNonNull(type);
    BigInteger v = normalise(value, type);
    boolean fits = v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
    this.small = fits ? v.longValue() : 0;
    this.big = fits ? null : v;
  }

  private IntegerAttr(long normalised, Type type) {
    this.type = type;
    this.small = normalised;
    this.big = null;
  }

  public static IntegerAttr of(long value, Type type) {
    Objects.requireNonNull(type);
    // Fast path: signed or signless types up to 64 bits wrap within a long.
    int width = widthOf(type);
    boolean unsigned = type instanceof IntegerType it && (it.isUnsigned() || it.isSignlessI1());
    if (width <= 64 && !(unsigned && width == 64)) {
      long v = width == 0 ? 0 : width == 64 ? value : unsigned
          ? value & ((1L << width) - 1)
          : (value << (64 - width)) >> (64 - width);
      return new IntegerAttr(v, type);
    }
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

  public BigInteger value() {
    return big != null ? big : BigInteger.valueOf(small);
  }

  public Type type() {
    return type;
  }

  /** The value as a long (the low 64 bits for wider values). */
  public long longValue() {
    return big != null ? big.longValue() : small;
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
      p.append(small != 0 ? "true" : "false");
    } else if (big != null) {
      p.append(big.toString());
    } else {
      p.append(small);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntegerAttr a && a.small == small && Objects.equals(a.big, big) && a.type.equals(type);
  }

  @Override
  public int hashCode() {
    return (31 * Long.hashCode(small) + Objects.hashCode(big)) * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

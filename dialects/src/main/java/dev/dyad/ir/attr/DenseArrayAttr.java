package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.Type;
import java.util.Arrays;
import java.util.Objects;

/** {@code array<i64: 1, 2>}: a flat array of scalars stored as raw bit patterns. */
public final class DenseArrayAttr implements Attribute {
  private final Type elementType;
  private final long[] bits;

  public DenseArrayAttr(Type elementType, long[] bits) {
    if (!ElementBits.isSupportedScalar(elementType)) {
      throw new IllegalArgumentException("unsupported dense array element type " + elementType);
    }
    this.elementType = Objects.requireNonNull(elementType);
    int w = ElementBits.width(elementType);
    this.bits = new long[bits.length];
    for (int i = 0; i < bits.length; i++) {
      this.bits[i] = ElementBits.mask(bits[i], w);
    }
  }

  public Type elementType() {
    return elementType;
  }

  public int size() {
    return bits.length;
  }

  /** The raw bits of element {@code i}. */
  public long rawBits(int i) {
    return bits[i];
  }

  /** Element {@code i} as a signed integer (sign-extended from the element width). */
  public long getInt(int i) {
    return ElementBits.signExtend(bits[i], ElementBits.width(elementType));
  }

  public long[] toLongArray() {
    long[] out = new long[bits.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = getInt(i);
    }
    return out;
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("array<").printType(elementType);
    for (int i = 0; i < bits.length; i++) {
      p.append(i == 0 ? ": " : ", ");
      ElementBits.print(p, bits[i], elementType);
    }
    p.append('>');
  }

  /**
   * The elements in brackets, {@code [1, 2]}: the form an assembly format gives a dense array
   * attribute of a known element type (MLIR's {@code printStrippedAttrOrType}).
   */
  public String toStrippedString() {
    AsmPrinter p = new AsmPrinter(new StringBuilder());
    p.append('[');
    for (int i = 0; i < bits.length; i++) {
      if (i > 0) {
        p.append(", ");
      }
      ElementBits.print(p, bits[i], elementType);
    }
    p.append(']');
    return p.out().toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseArrayAttr d && d.elementType.equals(elementType) && Arrays.equals(d.bits, bits);
  }

  @Override
  public int hashCode() {
    return 31 * elementType.hashCode() + Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

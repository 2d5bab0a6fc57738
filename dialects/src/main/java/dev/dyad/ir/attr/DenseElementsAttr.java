package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.ComplexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code dense<...> : tensor<...>}: constant elements of a statically shaped tensor or vector,
 * stored as raw bit patterns (two per element for complex types). A splat stores one element.
 */
public final class DenseElementsAttr implements Attribute {
  /** MLIR prints non-splat attributes with more elements than this as a hex string. */
  public static final int HEX_THRESHOLD = 100;

  private final ShapedType type;
  private final long[] bits;
  /** Elements of integer types wider than 64 bits (then {@code bits} is empty), else null. */
  private final BigInteger[] wide;
  private final boolean splat;

  private DenseElementsAttr(ShapedType type, long[] bits, boolean splat) {
    this.type = type;
    this.bits = bits;
    this.wide = null;
    this.splat = splat;
  }

  private DenseElementsAttr(ShapedType type, BigInteger[] wide, boolean splat) {
    this.type = type;
    this.bits = new long[0];
    this.wide = wide;
    this.splat = splat;
  }

  /** Whether elements of {@code elt} need {@link #getWide} (integers wider than 64 bits). */
  public static boolean isWide(Type elt) {
    return elt instanceof IntegerType it && it.width() > 64;
  }

  /** Creates an attribute of wide integers, normalised like IntegerAttr values. */
  public static DenseElementsAttr getWide(ShapedType type, BigInteger[] values) {
    if (!type.hasStaticShape() || !isWide(type.elementType())) {
      throw new IllegalArgumentException("wide dense elements need a static shape and a >64-bit integer type");
    }
    BigInteger[] norm = new BigInteger[values.length];
    for (int i = 0; i < values.length; i++) {
      norm[i] = IntegerAttr.normalise(values[i], type.elementType());
    }
    long n = type.numElements();
    if (norm.length == 1) {
      return new DenseElementsAttr(type, norm, true);
    }
    if (norm.length != n) {
      throw new IllegalArgumentException("expected " + n + " elements, got " + norm.length);
    }
    if (n > 0 && java.util.Arrays.stream(norm).allMatch(v -> v.equals(norm[0]))) {
      return new DenseElementsAttr(type, new BigInteger[] {norm[0]}, true);
    }
    return new DenseElementsAttr(type, norm, false);
  }

  /**
   * Creates the attribute from one element's scalars ({@code splat}) or all of them, detecting
   * splats the way MLIR does (all elements equal).
   */
  public static DenseElementsAttr get(ShapedType type, long[] scalars) {
    Objects.requireNonNull(type);
    if (!type.hasStaticShape()) {
      throw new IllegalArgumentException("dense elements need a static shape: " + type);
    }
    Type elt = type.elementType();
    if (!ElementBits.isSupportedElementType(elt)) {
      throw new IllegalArgumentException("unsupported dense element type " + elt);
    }
    int per = scalarsPerElement(elt);
    int width = ElementBits.width(scalarType(elt));
    long n = type.numElements();
    long[] masked = new long[scalars.length];
    for (int i = 0; i < scalars.length; i++) {
      masked[i] = ElementBits.mask(scalars[i], width);
    }
    if (masked.length == per) {
      return new DenseElementsAttr(type, masked, true);
    }
    if (masked.length != n * per) {
      throw new IllegalArgumentException(
          "expected " + n + " elements for " + AsmPrinter.toString(type) + ", got " + masked.length / per);
    }
    if (n > 0 && allEqual(masked, per)) {
      return new DenseElementsAttr(type, Arrays.copyOf(masked, per), true);
    }
    return new DenseElementsAttr(type, masked, false);
  }

  private static boolean allEqual(long[] v, int per) {
    for (int i = per; i < v.length; i++) {
      if (v[i] != v[i % per]) {
        return false;
      }
    }
    return true;
  }

  public static int scalarsPerElement(Type elt) {
    return elt instanceof ComplexType ? 2 : 1;
  }

  public static Type scalarType(Type elt) {
    return elt instanceof ComplexType c ? c.elementType() : elt;
  }

  public ShapedType type() {
    return type;
  }

  public boolean isSplat() {
    return splat;
  }

  public long numElements() {
    return type.numElements();
  }

  /** Raw bits of scalar {@code i} of the logical (unsplatted) element sequence. */
  public long rawBits(long i) {
    int per = scalarsPerElement(type.elementType());
    return splat ? bits[(int) (i % per)] : bits[(int) i];
  }

  /** Element {@code i} as a sign-extended integer (integer element types). */
  public long getInt(long i) {
    return ElementBits.signExtend(rawBits(i), ElementBits.width(type.elementType()));
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("dense<");
    printBody(p);
    p.append("> : ").printType(type);
  }

  /** The part between {@code dense<} and {@code >}; also used inside {@code sparse<...>}. */
  public void printBody(AsmPrinter p) {
    Type elt = type.elementType();
    long n = type.numElements();
    if (splat) {
      printElement(p, 0);
      return;
    }
    if (n == 0) {
      return;
    }
    if (n > HEX_THRESHOLD) {
      p.append('"').append("0x").append(hex()).append('"');
      return;
    }
    printNested(p, type.shape(), 0, new long[] {0});
  }

  private void printNested(AsmPrinter p, List<Long> shape, int dim, long[] next) {
    if (dim == shape.size()) {
      printElement(p, next[0]++);
      return;
    }
    p.append('[');
    for (long i = 0; i < shape.get(dim); i++) {
      if (i > 0) {
        p.append(", ");
      }
      printNested(p, shape, dim + 1, next);
    }
    p.append(']');
  }

  private void printElement(AsmPrinter p, long index) {
    Type elt = type.elementType();
    if (wide != null) {
      p.append(wide[splat ? 0 : (int) index].toString());
      return;
    }
    Type scalar = scalarType(elt);
    if (elt instanceof ComplexType) {
      p.append('(');
      ElementBits.print(p, rawBits(2 * index), scalar);
      p.append(',');
      ElementBits.print(p, rawBits(2 * index + 1), scalar);
      p.append(')');
      return;
    }
    ElementBits.print(p, rawBits(index), scalar);
  }

  /** MLIR's raw storage as upper-case hex: little-endian bytes per scalar, i1 bit-packed. */
  private String hex() {
    Type scalar = scalarType(type.elementType());
    int width = ElementBits.width(scalar);
    byte[] raw;
    if (wide != null) {
      int bytes = (width + 7) / 8;
      raw = new byte[wide.length * bytes];
      for (int i = 0; i < wide.length; i++) {
        byte[] be = wide[i].toByteArray();
        for (int b = 0; b < bytes; b++) {
          int src = be.length - 1 - b;
          raw[i * bytes + b] = src >= 0 ? be[src] : (byte) (wide[i].signum() < 0 ? 0xFF : 0);
        }
      }
    } else if (scalar instanceof IntegerType it && it.width() == 1) {
      raw = new byte[(bits.length + 7) / 8];
      for (int i = 0; i < bits.length; i++) {
        if (bits[i] != 0) {
          raw[i / 8] |= (byte) (1 << (i % 8));
        }
      }
    } else {
      int bytes = (width + 7) / 8;
      raw = new byte[bits.length * bytes];
      for (int i = 0; i < bits.length; i++) {
        for (int b = 0; b < bytes; b++) {
          raw[i * bytes + b] = (byte) (bits[i] >>> (8 * b));
        }
      }
    }
    StringBuilder sb = new StringBuilder(raw.length * 2);
    for (byte b : raw) {
      sb.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
      sb.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseElementsAttr d
        && d.type.equals(type)
        && d.splat == splat
        && Arrays.equals(d.bits, bits)
        && Arrays.equals(d.wide, wide);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(bits) + Arrays.hashCode(wide);
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

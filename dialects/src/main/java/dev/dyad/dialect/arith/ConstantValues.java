package dev.dyad.dialect.arith;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.Type;

/**
 * Reads constant operands the way MLIR's matchers do ({@code m_ConstantInt}, {@code m_Zero},
 * {@code m_One}, {@code m_OneFloat}, ...): a scalar constant, or a splat of tensors and vectors.
 */
public final class ConstantValues {
  private ConstantValues() {}

  /** The bit pattern of an integer constant or integer splat (width at most 64), or null. */
  public static Long intValue(Attribute a) {
    if (a instanceof IntegerAttr i && IntMath.width(i.type()) > 0) {
      return i.longValue();
    }
    if (a instanceof DenseElementsAttr d && d.isSplat() && IntMath.width(d.type().elementType()) > 0) {
      return d.rawBits(0);
    }
    return null;
  }

  /** The width at which {@link #intValue} of {@code a} is read, or -1. */
  public static int intWidth(Attribute a) {
    if (a instanceof IntegerAttr i) {
      return IntMath.width(i.type());
    }
    if (a instanceof DenseElementsAttr d && d.isSplat()) {
      return IntMath.width(d.type().elementType());
    }
    return -1;
  }

  public static boolean isZero(Attribute a) {
    Long v = intValue(a);
    return v != null && IntMath.zext(v, intWidth(a)) == 0;
  }

  public static boolean isOne(Attribute a) {
    Long v = intValue(a);
    return v != null && IntMath.zext(v, intWidth(a)) == 1;
  }

  public static boolean isAllOnes(Attribute a) {
    Long v = intValue(a);
    return v != null && IntMath.isAllOnes(v, intWidth(a));
  }

  /** A float constant or float splat (as a scalar attribute), or null. */
  public static FloatAttr floatValue(Attribute a) {
    if (a instanceof FloatAttr f) {
      return f;
    }
    if (a instanceof DenseElementsAttr d && d.isSplat() && d.type().elementType() instanceof FloatType ft
        && ft.width() <= 64) {
      return new FloatAttr(d.rawBits(0), ft);
    }
    return null;
  }

  public static boolean isPosZeroFloat(Attribute a) {
    FloatAttr f = floatValue(a);
    return f != null && f.bits() == 0;
  }

  public static boolean isNegZeroFloat(Attribute a) {
    FloatAttr f = floatValue(a);
    return f != null && f.bits() == signBit(f.type());
  }

  public static boolean isAnyZeroFloat(Attribute a) {
    return isPosZeroFloat(a) || isNegZeroFloat(a);
  }

  /** Whether the constant is exactly 1.0 (f16, bf16, f32 and f64). */
  public static boolean isOneFloat(Attribute a) {
    FloatAttr f = floatValue(a);
    if (f == null) {
      return false;
    }
    Type t = f.type();
    long one = t.equals(FloatType.F16) ? 0x3C00L
        : t.equals(FloatType.BF16) ? 0x3F80L
        : t.equals(FloatType.F32) ? 0x3F80_0000L
        : t.equals(FloatType.F64) ? 0x3FF0_0000_0000_0000L : -1;
    return f.bits() == one;
  }

  private static long signBit(FloatType t) {
    return t.width() >= 64 ? Long.MIN_VALUE : 1L << (t.width() - 1);
  }
}

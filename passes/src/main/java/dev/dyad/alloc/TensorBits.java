package dev.dyad.alloc;

import dev.dyad.ir.Value;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;

/** Sizes of statically shaped tensors in bits (meta.md: E elements of w bits take E·w bits). */
public final class TensorBits {
  private TensorBits() {}

  /** The bits of a static tensor (a scalar type counts as one element). */
  public static long of(Type t) {
    if (t instanceof RankedTensorType r) {
      long elements = 1;
      for (long d : r.shape()) {
        elements = Math.multiplyExact(elements, d);
      }
      return Math.multiplyExact(elements, elementBits(r.elementType()));
    }
    return elementBits(t);
  }

  public static long of(Value v) {
    return of(v.getType());
  }

  static long elementBits(Type t) {
    if (t instanceof IntegerType i) {
      return i.width();
    }
    if (t instanceof FloatType f) {
      return f.kind().width;
    }
    throw new IllegalArgumentException("no bit width for " + t);
  }
}

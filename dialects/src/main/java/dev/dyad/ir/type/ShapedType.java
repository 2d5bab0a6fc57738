package dev.dyad.ir.type;

import java.util.List;

/** A type with an element type and (if ranked) a shape: tensors, vectors and memrefs. */
public interface ShapedType extends Type {
  /** The size of a dynamic dimension, printed as {@code ?}. */
  long DYNAMIC = Long.MIN_VALUE;

  Type elementType();

  boolean hasRank();

  /** The dimensions; only valid when {@link #hasRank()}. */
  List<Long> shape();

  default int rank() {
    return shape().size();
  }

  default boolean hasStaticShape() {
    return hasRank() && shape().stream().noneMatch(d -> d == DYNAMIC);
  }

  /** Number of elements of a static shape. */
  default long numElements() {
    long n = 1;
    for (long d : shape()) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  static void checkDims(List<Long> shape) {
    for (long d : shape) {
      if (d < 0 && d != DYNAMIC) {
        throw new IllegalArgumentException("negative dimension " + d);
      }
    }
  }
}

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

  /**
   * Number of elements of a static shape, or Long.MAX_VALUE when the product overflows (MLIR
   * lets it wrap around; tensor<9223372036854775807x2xi32> is a valid type, and a saturated
   * count keeps every "does the data match the type" comparison right).
   */
  default long numElements() {
    if (shape().contains(0L)) {
      return 0;
    }
    long n = 1;
    for (long d : shape()) {
      if (n > Long.MAX_VALUE / d) {
        return Long.MAX_VALUE;
      }
      n *= d;
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

package dev.dyad.dialect.arith;

import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import dev.dyad.ir.type.UnrankedTensorType;
import dev.dyad.ir.type.VectorType;
import java.util.List;

/** Shape checks of arith's cast ops (MLIR's {@code areValidCastInputsAndOutputs}). */
final class Casts {
  private Casts() {}

  /**
   * Both scalars, or both vectors (or tensors) whose shapes are compatible: equal where both
   * dimensions are static, with matching tensor encodings.
   */
  static boolean sameShape(Type a, Type b) {
    if (a instanceof VectorType va) {
      return b instanceof VectorType vb && va.shape().equals(vb.shape()) && va.scalableDims().equals(vb.scalableDims());
    }
    if (a instanceof RankedTensorType ra && b instanceof RankedTensorType rb) {
      return compatible(ra.shape(), rb.shape()) && java.util.Objects.equals(ra.encoding(), rb.encoding());
    }
    if (isTensor(a) || isTensor(b)) {
      return isTensor(a) && isTensor(b);
    }
    return !(a instanceof ShapedType) && !(b instanceof ShapedType);
  }

  private static boolean isTensor(Type t) {
    return t instanceof RankedTensorType || t instanceof UnrankedTensorType;
  }

  private static boolean compatible(List<Long> x, List<Long> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      boolean dynamic = x.get(i) == ShapedType.DYNAMIC || y.get(i) == ShapedType.DYNAMIC;
      if (!dynamic && !x.get(i).equals(y.get(i))) {
        return false;
      }
    }
    return true;
  }
}

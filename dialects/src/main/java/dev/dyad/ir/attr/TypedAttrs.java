package dev.dyad.ir.attr;

import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.NoneType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import dev.dyad.ir.type.VectorType;

/** The type carried by an attribute (MLIR's TypedAttr) and the zero constant of a type. */
public final class TypedAttrs {
  private TypedAttrs() {}

  /** The type of a typed attribute, or null for untyped ones (arrays, dictionaries, ...). */
  public static Type typeOf(Attribute a) {
    if (a instanceof IntegerAttr i) {
      return i.type();
    }
    if (a instanceof FloatAttr f) {
      return f.type();
    }
    if (a instanceof DenseElementsAttr d) {
      return d.type();
    }
    if (a instanceof DenseStringElementsAttr d) {
      return d.type();
    }
    if (a instanceof SparseElementsAttr s) {
      return s.type();
    }
    if (a instanceof DenseResourceAttr r) {
      return r.type();
    }
    if (a instanceof StringAttr s) {
      // MLIR strings are typed attributes too; untyped ones have type none.
      return s.type() != null ? s.type() : NoneType.INSTANCE;
    }
    return null;
  }

  /** Whether {@code a} is an elements attribute (MLIR's ElementsAttr). */
  public static boolean isElements(Attribute a) {
    return a instanceof DenseElementsAttr || a instanceof DenseStringElementsAttr || a instanceof SparseElementsAttr
        || a instanceof DenseResourceAttr;
  }

  /**
   * MLIR's {@code Builder::getZeroAttr}: 0 for integers and index, +0.0 for floats, a zero
   * splat for statically shaped tensors and vectors of those; null otherwise.
   */
  public static Attribute zero(Type type) {
    if (type instanceof IntegerType || type instanceof IndexType) {
      return IntegerAttr.of(0, type);
    }
    if (type instanceof FloatType f && f.width() <= 64) {
      return new FloatAttr(0, f);
    }
    boolean tensorOrVector = type instanceof RankedTensorType || type instanceof VectorType;
    if (tensorOrVector && ((ShapedType) type).hasStaticShape() && zero(((ShapedType) type).elementType()) != null) {
      ShapedType s = (ShapedType) type;
      return DenseElementsAttr.get(s, new long[] {0});
    }
    return null;
  }
}

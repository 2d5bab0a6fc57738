package dev.dyad.dialect.nn;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.ElementBits;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Data-layout changes of {@code nn.constant} values: a dense value is rearranged at compile time
 * into a new dense value; a file or generator value (or a view of one) becomes a
 * {@link ViewAttr}, so that weights of any size are rearranged without being materialised.
 */
public final class ConstantViews {
  private ConstantViews() {}

  /**
   * The value of a constant of {@code type} holding {@code value} after {@code step}; its type is
   * {@link #resultType}.
   *
   * @throws IllegalArgumentException when the step does not fit the type, the value is not a
   *     constant value of it, or a dense value of this element type cannot be padded
   */
  public static Attribute apply(Attribute value, RankedTensorType type, ViewStep step) {
    RankedTensorType result = resultType(type, step);
    if (value instanceof DenseElementsAttr dense) {
      if (!dense.type().equals(type)) {
        throw new IllegalArgumentException("the dense value's type does not match " + type);
      }
      long[] data = new long[Math.toIntExact(dense.numElements())];
      for (int i = 0; i < data.length; i++) {
        data[i] = dense.rawBits(i);
      }
      long padBits = step instanceof ViewStep.Pad pad ? padBits(type.elementType(), pad.value()) : 0;
      return DenseElementsAttr.get(result, step.apply(data, type.shape(), padBits));
    }
    if (value instanceof ViewAttr view) {
      return then(view, step);
    }
    if (value instanceof WeightsAttr || value instanceof RandomAttr) {
      return new ViewAttr(value, type.shape(), List.of(step));
    }
    throw new IllegalArgumentException("not a constant value: " + value);
  }

  /** {@code view} followed by {@code step}; consecutive reshapes merge (and cancel out). */
  private static Attribute then(ViewAttr view, ViewStep step) {
    List<ViewStep> steps = view.steps();
    if (!(step instanceof ViewStep.Reshape) || !(steps.get(steps.size() - 1) instanceof ViewStep.Reshape)) {
      return view.then(step);
    }
    List<ViewStep> before = steps.subList(0, steps.size() - 1);
    List<Long> shape = view.baseShape();
    for (ViewStep s : before) {
      shape = s.resultShape(shape);
    }
    if (!shape.equals(((ViewStep.Reshape) step).shape())) {
      List<ViewStep> merged = new ArrayList<>(before);
      merged.add(step);
      return new ViewAttr(view.base(), view.baseShape(), merged);
    }
    return before.isEmpty() ? view.base() : new ViewAttr(view.base(), view.baseShape(), before);
  }

  /** The type of {@code type}'s value after {@code step}. */
  public static RankedTensorType resultType(RankedTensorType type, ViewStep step) {
    return new RankedTensorType(step.resultShape(type.shape()), type.elementType());
  }

  /** The raw bits of {@code value} as an element of {@code element} (integers and f32/f64). */
  static long padBits(Type element, long value) {
    if (element instanceof IntegerType i) {
      return ElementBits.mask(value, i.width());
    }
    if (element.equals(FloatType.F32)) {
      return Float.floatToRawIntBits((float) value) & 0xffff_ffffL;
    }
    if (element.equals(FloatType.F64)) {
      return Double.doubleToRawLongBits((double) value);
    }
    throw new IllegalArgumentException("cannot pad dense " + element + " values at compile time");
  }
}

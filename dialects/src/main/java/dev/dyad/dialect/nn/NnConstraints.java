package dev.dyad.dialect.nn;

import static dev.dyad.ir.ods.TypeConstraints.anyOf;
import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.TypeConstraints.floatOfWidth;
import static dev.dyad.ir.ods.TypeConstraints.signlessInteger;
import static dev.dyad.ir.ods.TypeConstraints.staticShapeTensorOf;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.AttrConstraint;
import dev.dyad.ir.ods.AttrConstraints;
import dev.dyad.ir.ods.TypeConstraint;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The type and attribute constraints of the nn op definitions. */
final class NnConstraints {
  private NnConstraints() {}

  static final TypeConstraint F32 = floatOfWidth(32);
  static final TypeConstraint I8 = signlessInteger(8);
  static final TypeConstraint I32 = signlessInteger(32);
  static final TypeConstraint I64 = signlessInteger(64);

  /** Statically shaped f32 tensors: the operands of the f32-only ops. */
  static final TypeConstraint F32_TENSOR = staticShapeTensorOf(F32);
  /** Activations and weights of the ops with a quantized form, and of relu, clip, max-pool. */
  static final TypeConstraint F32_OR_I8_TENSOR = staticShapeTensorOf(anyOf(F32, I8));
  /** The bias and result of the ops with a quantized form (i32 accumulators). */
  static final TypeConstraint F32_OR_I32_TENSOR = staticShapeTensorOf(anyOf(F32, I32));
  /** Elementwise arithmetic: f32, or saturating i8 and i32. */
  static final TypeConstraint ARITH_TENSOR = staticShapeTensorOf(anyOf(F32, I8, I32));
  static final TypeConstraint I8_TENSOR = staticShapeTensorOf(I8);
  static final TypeConstraint I32_TENSOR = staticShapeTensorOf(I32);
  static final TypeConstraint I8_OR_I32_TENSOR = staticShapeTensorOf(anyOf(I8, I32));
  static final TypeConstraint INDEX_TENSOR = staticShapeTensorOf(anyOf(I32, I64));
  /** Data movement: any element type. */
  static final TypeConstraint ANY_TENSOR = staticShapeTensorOf(anyType());

  static AttrConstraint i64Array() {
    return AttrConstraints.denseI64ArrayAttr();
  }

  static AttrConstraint i64() {
    return AttrConstraints.signlessIntegerAttr(64);
  }

  /** MLIR's {@code F32Attr}. */
  static AttrConstraint f32() {
    return floatOf(FloatType.F32, "32-bit float attribute");
  }

  /** MLIR's {@code F64Attr}. */
  static AttrConstraint f64() {
    return floatOf(FloatType.F64, "64-bit float attribute");
  }

  private static AttrConstraint floatOf(FloatType type, String description) {
    return AttrConstraint.of(description, FloatAttr.class, a -> a instanceof FloatAttr f && f.type().equals(type));
  }

  /**
   * A boolean flag written ONNX-style as a 0/1 i64 ({@code ceil_mode = 1 : i64}); {@code true} and
   * {@code false} are accepted too.
   */
  static AttrConstraint flag() {
    Predicate<Attribute> ok = a -> a instanceof IntegerAttr i
        && (i.isBool() || (i.type().equals(IntegerType.I64) && (i.longValue() == 0 || i.longValue() == 1)));
    return new AttrConstraint.Described(ok, a -> a instanceof IntegerAttr, "0 or 1 (64-bit integer) or bool attribute",
        null);
  }

  /** A string attribute whose value is one of {@code values}. */
  static AttrConstraint oneOf(String... values) {
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add(AsmPrinter.toString(StringAttr.of(v)));
    }
    return AttrConstraint.of("string attribute " + String.join(" or ", quoted), StringAttr.class,
        a -> a instanceof StringAttr s && List.of(values).contains(s.text()));
  }

  /** The value of {@code nn.constant}. */
  static AttrConstraint constantValue() {
    return AttrConstraint.of("dense elements attribute, #nn.weights, #nn.random or #nn.view", Attribute.class,
        a -> a instanceof DenseElementsAttr || a instanceof WeightsAttr || a instanceof RandomAttr
            || a instanceof ViewAttr);
  }
}

package dev.dyad.dialect.cim;

import static dev.dyad.ir.ods.TypeConstraints.floatOfWidth;
import static dev.dyad.ir.ods.TypeConstraints.signlessInteger;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.ods.AttrConstraint;
import dev.dyad.ir.ods.AttrConstraints;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraint;
import dev.dyad.ir.ods.TypeConstraints;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.Arrays;
import java.util.List;

/**
 * What the {@code cim} and {@code meta} op definitions share: type and property constraints,
 * property reading, the weight-constant rule and message formatting.
 */
public final class CimSupport {
  private CimSupport() {}

  /** The nn op that holds weights; accepted by name so cim IR reads without the nn dialect. */
  public static final String NN_CONSTANT = "nn.constant";
  public static final String INPUT_ZERO_POINT = "input_zero_point";
  public static final String WEIGHT_ZERO_POINT = "weight_zero_point";
  // ---- custom forms (assembly formats) shared by cim and meta ops --------------------------------

  /**
   * Operands, then properties other than their defaults: {@code %y = cim.mmm %x, %w {source =
   * "nn.linear"} : (tensor<...>, tensor<...>) -> tensor<...>}.
   */
  public static final String OPERANDS_FORMAT = "operands attr-dict `:` functional-type(operands, results)";
  /** {@code %r = cim.vector "nn.softmax" %x params {axis = 1 : i64} : (tensor<...>) -> tensor<...>}. */
  public static final String VECTOR_FORMAT =
      "$kind $inputs (`params` $params^)? attr-dict `:` functional-type(operands, results)";
  /** {@code %r:2 = cim.segment 1 -> (tensor<...>, tensor<...>) { ... }}. */
  public static final String SEGMENT_FORMAT = "$id (`->` `(` type($results)^ `)`)? $body attr-dict-with-keyword";
  /** {@code cim.yield %a, %b : tensor<...>, tensor<...>}, or {@code cim.yield} (as func.return). */
  public static final String YIELD_FORMAT = "attr-dict ($values^ `:` type($values))?";

  static final long I8_MIN = -128;
  static final long I8_MAX = 127;

  // ---- constraints -----------------------------------------------------------------------------

  /** The element types of MMM operands: i8 (quantized) or f32 (functional experiments). */
  static TypeConstraint i8OrF32() {
    return TypeConstraints.anyOf(signlessInteger(8), floatOfWidth(32));
  }

  /** Element types of data-layout ops: MMM inputs and outputs. */
  static TypeConstraint i8I32OrF32() {
    return TypeConstraints.anyOf(signlessInteger(8), signlessInteger(32), floatOfWidth(32));
  }

  /** A statically shaped tensor of rank {@code rank} with {@code elements}. */
  public static TypeConstraint staticTensor(TypeConstraint elements, int rank) {
    return TypeConstraint.of(rank + "D statically shaped tensor of " + elements.description() + " values",
        t -> t instanceof RankedTensorType r && r.rank() == rank && r.hasStaticShape()
            && elements.accepts(r.elementType()));
  }

  /** Any statically shaped ranked tensor. */
  public static TypeConstraint anyStaticTensor() {
    return TypeConstraints.staticShapeTensorOf(TypeConstraints.anyType());
  }

  public static AttrConstraint i64Attr() {
    return AttrConstraints.signlessIntegerAttr(64);
  }

  public static AttrConstraint i64ArrayAttr() {
    return AttrConstraints.denseI64ArrayAttr();
  }

  // ---- properties ------------------------------------------------------------------------------

  public static IntegerAttr i64(long value) {
    return IntegerAttr.i64(value);
  }

  public static DenseArrayAttr i64Array(long... values) {
    return new DenseArrayAttr(IntegerType.I64, values);
  }

  /** An i64 property of {@code op} (or its default) as a long. */
  public static long i64(OpDefinition def, Operation op, String name) {
    return ((IntegerAttr) def.attribute(op, name)).longValue();
  }

  /** An {@code array<i64>} property of {@code op} (or its default), or null when absent. */
  public static long[] ints(OpDefinition def, Operation op, String name) {
    Attribute a = def.attribute(op, name);
    return a == null ? null : ((DenseArrayAttr) a).toLongArray();
  }

  // ---- rules -----------------------------------------------------------------------------------

  /**
   * Whether {@code v} is a constant whose value can be programmed into arrays: the result of a
   * ConstantLike op, or of an {@code nn.constant} (also when the nn dialect is not registered).
   */
  public static boolean isWeightConstant(Value v) {
    Operation def = v.getDefiningOp();
    return def != null && (def.hasTrait(Trait.CONSTANT_LIKE) || def.getNameString().equals(NN_CONSTANT));
  }

  /**
   * Checks the zero points of an MMM-like op: within the i8 range for i8 operands, 0 for f32
   * ones (zero points belong to the quantized form). Returns false after reporting.
   */
  public static boolean verifyZeroPoints(OpDefinition def, Operation op, Type inputElement, DiagnosticEmitter emitter) {
    for (String name : List.of(INPUT_ZERO_POINT, WEIGHT_ZERO_POINT)) {
      long zp = i64(def, op, name);
      if (inputElement.equals(FloatType.F32) && zp != 0) {
        emitter.emitOpError(op, "'" + name + "' must be 0 on the f32 form (zero points are quantized-only), but is "
            + zp);
        return false;
      }
      if (zp < I8_MIN || zp > I8_MAX) {
        emitter.emitOpError(op, "'" + name + "' must be in the i8 range [-128, 127], but is " + zp);
        return false;
      }
    }
    return true;
  }

  /** The element type of the accumulator for {@code element} operands: i32 for i8, f32 for f32. */
  static Type accumulatorOf(Type element) {
    return element.equals(IntegerType.I8) ? IntegerType.I32 : FloatType.F32;
  }

  /** Checks an inferred type against the op's; false after reporting (the nn dialect's wording). */
  public static boolean verifyInferred(Operation op, Type inferred, Type actual, DiagnosticEmitter emitter) {
    if (inferred.equals(actual)) {
      return true;
    }
    emitter.emitOpError(op, "inferred result type " + quoted(inferred) + " does not match " + quoted(actual));
    return false;
  }

  /**
   * Checks an array-id list: non-empty, no negative ids, no id twice. Arrays beyond the chip's
   * count are the interpreter's business (the IR does not require a {@code #cim.arch}).
   */
  public static boolean verifyArrayIds(Operation op, String name, long[] ids, DiagnosticEmitter emitter) {
    if (ids.length == 0) {
      emitter.emitOpError(op, "'" + name + "' must list at least one array");
      return false;
    }
    long[] sorted = ids.clone();
    Arrays.sort(sorted);
    if (sorted[0] < 0) {
      emitter.emitOpError(op, "'" + name + "' must not hold negative array ids, but holds " + sorted[0]);
      return false;
    }
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        emitter.emitOpError(op, "'" + name + "' lists array " + sorted[i] + " twice");
        return false;
      }
    }
    return true;
  }

  public static String quoted(Type t) {
    return "'" + AsmPrinter.toString(t) + "'";
  }

  public static String print(Type t) {
    return AsmPrinter.toString(t);
  }

  static RankedTensorType tensor(Type t) {
    return (RankedTensorType) t;
  }

  static long dim(Type t, int i) {
    return ((RankedTensorType) t).shape().get(i);
  }

  /** {@code a · b}, or a ShapeInferenceException naming {@code what} when it overflows. */
  static long product(long a, long b, String what) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new ShapeInferenceException(what + " does not fit in 64 bits");
    }
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code nn.constant}: a tensor given inline (a dense elements attribute of the result type), as
 * raw data in a file ({@link WeightsAttr}), by a seeded generator ({@link RandomAttr}) or as a
 * data-layout view of one of these two ({@link ViewAttr}).
 */
public record ConstantOp(Operation op) {
  public static final String NAME = "nn.constant";
  public static final String VALUE = "value";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("tensor constant: dense elements, #nn.weights<\"file\", offset>, #nn.random<seed> or #nn.view<...>")
      .property(VALUE, NnConstraints.constantValue())
      .result(NnOps.OUTPUT, NnConstraints.ANY_TENSOR)
      .trait(Trait.CONSTANT_LIKE, Trait.PURE)
      .verify(ConstantOp::verify)
      .fold((op, operands) -> FoldResult.of(op.getProperty(VALUE)))
      .assemblyFormat("$value attr-dict `:` type($output)")
      .build();

  public ConstantOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** A constant of the dense value's type. */
  public static ConstantOp create(Builder b, Location loc, DenseElementsAttr value) {
    return create(b, loc, value, value.type());
  }

  /** A constant of {@code type} given by {@code value} (dense, weights, random or a view). */
  public static ConstantOp create(Builder b, Location loc, Attribute value, Type type) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(VALUE, value);
    return new ConstantOp(DEFINITION.create(b, loc, List.of(), props, List.of(type)));
  }

  /** Whether a constant of {@code type} can hold {@code value} (what {@code materializeConstant} needs). */
  public static boolean isBuildableWith(Attribute value, Type type) {
    if (!(type instanceof RankedTensorType t) || !t.hasStaticShape()) {
      return false;
    }
    if (value instanceof DenseElementsAttr d) {
      return d.type().equals(type);
    }
    if (value instanceof ViewAttr v && !v.shape().equals(t.shape())) {
      return false;
    }
    return (value instanceof WeightsAttr || value instanceof RandomAttr || value instanceof ViewAttr)
        && hasStorableElements(t);
  }

  public Attribute value() {
    return op.getProperty(VALUE);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  /** Integers and IEEE-like floats of 8, 16, 32 or 64 bits: what raw files and generators can fill. */
  private static boolean hasStorableElements(RankedTensorType t) {
    Type e = t.elementType();
    if (e instanceof IntegerType i) {
      return i.width() == 8 || i.width() == 16 || i.width() == 32 || i.width() == 64;
    }
    return e.equals(FloatType.F16) || e.equals(FloatType.BF16) || e.equals(FloatType.F32) || e.equals(FloatType.F64);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    Attribute value = op.getProperty(VALUE);
    RankedTensorType type = (RankedTensorType) op.getResult(0).getType();
    if (value instanceof DenseElementsAttr d) {
      if (!d.type().equals(type)) {
        emitter.emitOpError(op, "value type " + NnInfer.quoted(d.type()) + " does not match the result type "
            + NnInfer.quoted(type));
      }
      return;
    }
    if (!hasStorableElements(type)) {
      String kind = value instanceof WeightsAttr ? "#nn.weights"
          : value instanceof RandomAttr ? "#nn.random" : "#nn.view";
      emitter.emitOpError(op, "a " + kind + " constant needs integer elements of 8, 16, 32 or 64 bits or f16, bf16,"
          + " f32, f64 elements, but the result is " + NnInfer.quoted(type));
      return;
    }
    if (value instanceof ViewAttr view) {
      verifyView(op, view, type, emitter);
    }
  }

  private static void verifyView(Operation op, ViewAttr view, RankedTensorType type, DiagnosticEmitter emitter) {
    if (!view.shape().equals(type.shape())) {
      emitter.emitOpError(op, "the view's shape " + ViewStep.list(view.shape()) + " does not match the result type "
          + NnInfer.quoted(type));
      return;
    }
    if (!(type.elementType() instanceof IntegerType i)) {
      return;
    }
    long min = i.width() == 64 ? Long.MIN_VALUE : -(1L << (i.width() - 1));
    long max = i.width() == 64 ? Long.MAX_VALUE : (1L << (i.width() - 1)) - 1;
    for (ViewStep s : view.steps()) {
      if (s instanceof ViewStep.Pad pad && (pad.value() < min || pad.value() > max)) {
        emitter.emitOpError(op, "the view's pad value " + pad.value() + " is not an " + NnInfer.print(i) + " value");
        return;
      }
    }
  }
}

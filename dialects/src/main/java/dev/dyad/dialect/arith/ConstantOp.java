package dev.dyad.dialect.arith;

import static dev.dyad.ir.ods.TypeConstraints.anyType;

import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.TypedAttrs;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;

/** {@code arith.constant}: an integer, float or elements constant of its attribute's type. */
public record ConstantOp(Operation op) {
  public static final String NAME = "arith.constant";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("integer or floating point constant")
      .property("value", ArithConstraints.typedAttr())
      .result("result", anyType())
      .trait(Trait.CONSTANT_LIKE, Trait.PURE)
      .verify(ConstantOp::verify)
      .fold((op, operands) -> FoldResult.of(new ConstantOp(op).value()))
      .build();

  public ConstantOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** A constant of {@code value}'s type, inserted at the builder's insertion point. */
  public static ConstantOp create(Builder b, Location loc, Attribute value) {
    Type type = TypedAttrs.typeOf(value);
    if (type == null) {
      throw new IllegalArgumentException("arith.constant needs a typed attribute: " + value);
    }
    OperationState st = new OperationState(b.getContext().getOperationName(NAME), loc);
    st.properties = DictionaryAttr.EMPTY.with("value", value);
    st.addType(type);
    return new ConstantOp(b.create(st));
  }

  public static ConstantOp create(Builder b, Location loc, long value, Type type) {
    return create(b, loc, IntegerAttr.of(value, type));
  }

  /**
   * MLIR's {@code isBuildableWith}: the attribute has exactly {@code type}, integers are signless,
   * and it is an integer, float or elements attribute.
   */
  public static boolean isBuildableWith(Attribute value, Type type) {
    if (!type.equals(TypedAttrs.typeOf(value))) {
      return false;
    }
    Type element = type instanceof ShapedType s ? s.elementType() : type;
    if (element instanceof IntegerType it && !it.isSignless()) {
      return false;
    }
    return value instanceof IntegerAttr || value instanceof FloatAttr || TypedAttrs.isElements(value);
  }

  public Attribute value() {
    return op.getProperty("value");
  }

  public OpResult result() {
    return op.getResult(0);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    Attribute value = op.getProperty("value");
    Type type = op.getResult(0).getType();
    if (!type.equals(TypedAttrs.typeOf(value))) {
      emitter.emitOpError(op, "failed to verify that all of {value, result} have same type");
      return;
    }
    if (type instanceof IntegerType it && !it.isSignless()) {
      emitter.emitOpError(op, "integer return type must be signless");
      return;
    }
    if (!(value instanceof IntegerAttr || value instanceof FloatAttr || TypedAttrs.isElements(value))) {
      emitter.emitOpError(op, "value must be an integer, float, or elements attribute");
    }
  }
}

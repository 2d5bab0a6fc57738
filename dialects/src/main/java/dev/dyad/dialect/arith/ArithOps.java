package dev.dyad.dialect.arith;

import static dev.dyad.ir.ods.TypeConstraints.floatLike;
import static dev.dyad.ir.ods.TypeConstraints.signlessIntegerLike;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.ods.FoldHook;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import dev.dyad.ir.type.UnrankedTensorType;
import dev.dyad.ir.type.VectorType;
import java.util.List;

/** What arith's op classes share: definition shapes, creation and constant folding. */
final class ArithOps {
  /** A binary integer operation on bit patterns of the given width; null means "do not fold". */
  @FunctionalInterface
  interface IntOp {
    Long apply(long a, long b, int width);
  }

  private ArithOps() {}

  static final String OVERFLOW_FLAGS = "overflowFlags";
  static final String FASTMATH = "fastmath";
  static final String PREDICATE = "predicate";

  /** {@code Arith_IntBinaryOp}: two signless-integer-like operands of the result's type. */
  static OpDefinition.Builder intBinary(String name, String summary, boolean overflowFlags, FoldHook fold,
      Trait... traits) {
    OpDefinition.Builder b = OpDefinition.builder(name).summary(summary)
        .operand("lhs", signlessIntegerLike())
        .operand("rhs", signlessIntegerLike());
    if (overflowFlags) {
      b.property(OVERFLOW_FLAGS, ArithConstraints.overflowFlags(), IntegerOverflowFlagsAttr.NONE);
    }
    return b.result("result", signlessIntegerLike())
        .trait(traits)
        .trait(Trait.SAME_OPERANDS_AND_RESULT_TYPE)
        .fold(fold);
  }

  /** {@code Arith_FloatBinaryOp}: two floating-point-like operands and fastmath flags. */
  static OpDefinition.Builder floatBinary(String name, String summary, FoldHook fold, Trait... traits) {
    return OpDefinition.builder(name).summary(summary)
        .operand("lhs", floatLike())
        .operand("rhs", floatLike())
        .property(FASTMATH, ArithConstraints.fastMathFlags(), FastMathFlagsAttr.NONE)
        .result("result", floatLike())
        .trait(traits)
        .trait(Trait.PURE, Trait.SAME_OPERANDS_AND_RESULT_TYPE)
        .fold(fold);
  }

  /** A binary op of {@code lhs}'s type, inserted at the builder's insertion point. */
  static Operation binary(Builder b, String name, Location loc, Value lhs, Value rhs, String property,
      Attribute value) {
    OperationState st = new OperationState(b.getContext().getOperationName(name), loc);
    st.addOperand(lhs).addOperand(rhs).addType(lhs.getType());
    if (property != null) {
      st.properties = DictionaryAttr.EMPTY.with(property, value);
    }
    return b.create(st);
  }

  static IntegerOverflowFlagsAttr overflowFlags(Operation op) {
    return op.getProperty(OVERFLOW_FLAGS) instanceof IntegerOverflowFlagsAttr f ? f : IntegerOverflowFlagsAttr.NONE;
  }

  static FastMathFlagsAttr fastMath(Operation op) {
    return op.getProperty(FASTMATH) instanceof FastMathFlagsAttr f ? f : FastMathFlagsAttr.NONE;
  }

  // ---- constant folding (MLIR's constFoldBinaryOp over scalars and splats) ------------------

  /** {@code fn} over two integer constants of the same type (scalars or splats), or null. */
  static Attribute foldInts(List<Attribute> operands, IntOp fn) {
    Attribute a = operands.get(0);
    Attribute b = operands.get(1);
    if (a instanceof IntegerAttr x && b instanceof IntegerAttr y && x.type().equals(y.type())) {
      int width = IntMath.width(x.type());
      Long r = width < 0 ? null : fn.apply(x.longValue(), y.longValue(), width);
      return r == null ? null : IntegerAttr.of(r, x.type());
    }
    if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && x.isSplat() && y.isSplat()
        && x.type().equals(y.type())) {
      int width = IntMath.width(x.type().elementType());
      Long r = width < 0 ? null : fn.apply(x.rawBits(0), y.rawBits(0), width);
      return r == null ? null : DenseElementsAttr.get(x.type(), new long[] {r});
    }
    return null;
  }

  /** An IEEE operation over two f32/f64 constants of the same type (scalars or splats), or null. */
  static Attribute foldFloats(List<Attribute> operands, FloatMath.Op op) {
    Attribute a = operands.get(0);
    Attribute b = operands.get(1);
    if (a instanceof FloatAttr x && b instanceof FloatAttr y) {
      return FloatMath.apply(op, x, y);
    }
    if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && x.isSplat() && y.isSplat()
        && x.type().equals(y.type())) {
      FloatAttr r = FloatMath.apply(op, ConstantValues.floatValue(x), ConstantValues.floatValue(y));
      return r == null ? null : DenseElementsAttr.get(x.type(), new long[] {r.bits()});
    }
    return null;
  }

  /** MLIR's {@code getI1SameShape}: i1, or a vector/tensor of i1 of the same shape. */
  static Type i1SameShape(Type type) {
    if (type instanceof VectorType v) {
      return new VectorType(v.shape(), v.scalableDims(), IntegerType.I1);
    }
    if (type instanceof RankedTensorType r) {
      return new RankedTensorType(r.shape(), IntegerType.I1, r.encoding());
    }
    if (type instanceof UnrankedTensorType) {
      return new UnrankedTensorType(IntegerType.I1);
    }
    return IntegerType.I1;
  }

  /** MLIR's {@code getBoolAttribute}: true/false of {@code type}'s shape; null for dynamic shapes. */
  static Attribute boolAttr(Type type, boolean value) {
    if (!(type instanceof ShapedType s)) {
      return IntegerAttr.bool(value);
    }
    boolean denseable = (type instanceof VectorType || type instanceof RankedTensorType) && s.hasStaticShape();
    return denseable ? DenseElementsAttr.get(s, new long[] {value ? 1 : 0}) : null;
  }

  /** The element type of vectors and tensors, else the type itself. */
  static Type elementTypeOrSelf(Type t) {
    return t instanceof ShapedType s ? s.elementType() : t;
  }

  /** The defining op of {@code v} if it is named {@code name}, else null. */
  static Operation definedBy(Value v, String name) {
    Operation def = v.getDefiningOp();
    return def != null && def.getNameString().equals(name) ? def : null;
  }
}

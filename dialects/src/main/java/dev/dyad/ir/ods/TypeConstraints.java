package dev.dyad.ir.ods;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import dev.dyad.ir.type.UnrankedTensorType;
import dev.dyad.ir.type.VectorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Type constraints with MLIR ODS's descriptions (the summaries of CommonTypeConstraints.td). */
public final class TypeConstraints {
  private TypeConstraints() {}

  public static TypeConstraint anyType() {
    return TypeConstraint.of("any type", t -> true);
  }

  /** {@code I<width>}. */
  public static TypeConstraint signlessInteger(int width) {
    return new TypeConstraint.Fixed(IntegerType.signless(width), width + "-bit signless integer", null);
  }

  /** {@code AnyI<width>}: any signedness. */
  public static TypeConstraint integerOfWidth(int width) {
    return TypeConstraint.of(width + "-bit integer", t -> t instanceof IntegerType i && i.width() == width);
  }

  public static TypeConstraint signlessInteger() {
    return TypeConstraint.of("signless integer", t -> t instanceof IntegerType i && i.isSignless());
  }

  public static TypeConstraint anyInteger() {
    return TypeConstraint.of("integer", t -> t instanceof IntegerType);
  }

  /** Signless integers, index, and vectors/tensors of them. */
  public static TypeConstraint signlessIntegerLike() {
    return TypeConstraint.of("signless-integer-like", t -> isSignlessIntOrIndex(elementOrSelf(t)));
  }

  public static TypeConstraint anyFloat() {
    return TypeConstraint.of("floating-point", t -> t instanceof FloatType);
  }

  /** {@code F<width>} for the IEEE widths (f16, f32, f64...). */
  public static TypeConstraint floatOfWidth(int width) {
    FloatType.Kind kind = FloatType.Kind.byKeyword("f" + width);
    if (kind != null && kind.width == width) {
      return new TypeConstraint.Fixed(new FloatType(kind), width + "-bit float", null);
    }
    return TypeConstraint.of(width + "-bit float",
        t -> t instanceof FloatType f && f.width() == width && f.kind().name().equals("F" + width));
  }

  public static TypeConstraint floatLike() {
    return TypeConstraint.of("floating-point-like", t -> elementOrSelf(t) instanceof FloatType);
  }

  public static TypeConstraint index() {
    return new TypeConstraint.Fixed(IndexType.INSTANCE, "index", null);
  }

  public static TypeConstraint boolLike() {
    return TypeConstraint.of("bool-like", t -> elementOrSelf(t) instanceof IntegerType i && i.isSignlessI1());
  }

  public static TypeConstraint anyTensor() {
    return tensorOf(anyType());
  }

  /** {@code TensorOf<[elements]>}: ranked or unranked. */
  public static TypeConstraint tensorOf(TypeConstraint elements) {
    return TypeConstraint.of("tensor of " + elements.description() + " values",
        t -> isTensor(t) && elements.accepts(((ShapedType) t).elementType()));
  }

  /** {@code RankedTensorOf<[elements]>}. */
  public static TypeConstraint rankedTensorOf(TypeConstraint elements) {
    return TypeConstraint.of("ranked tensor of " + elements.description() + " values",
        t -> t instanceof RankedTensorType r && elements.accepts(r.elementType()));
  }

  /** {@code TensorRankOf<[elements], [ranks]>}: described as {@code 2D/4D tensor of ... values}. */
  public static TypeConstraint rankedTensorOf(TypeConstraint elements, int... ranks) {
    List<String> names = new ArrayList<>();
    for (int r : ranks) {
      names.add(r + "D");
    }
    return TypeConstraint.of(String.join("/", names) + " tensor of " + elements.description() + " values",
        t -> t instanceof RankedTensorType r && elements.accepts(r.elementType())
            && Arrays.stream(ranks).anyMatch(k -> k == r.rank()));
  }

  /** {@code StaticShapeTensorOf<[elements]>}. */
  public static TypeConstraint staticShapeTensorOf(TypeConstraint elements) {
    return TypeConstraint.of("statically shaped tensor of " + elements.description() + " values",
        t -> t instanceof RankedTensorType r && r.hasStaticShape() && elements.accepts(r.elementType()));
  }

  /** {@code AnyTypeOf<[...]>}: described as the alternatives joined by {@code or}. */
  public static TypeConstraint anyOf(TypeConstraint... alternatives) {
    List<String> names = new ArrayList<>();
    for (TypeConstraint c : alternatives) {
      names.add(c.description());
    }
    return TypeConstraint.of(String.join(" or ", names),
        t -> Arrays.stream(alternatives).anyMatch(c -> c.accepts(t)));
  }

  /** Exactly {@code type}. */
  public static TypeConstraint exactly(Type type) {
    return new TypeConstraint.Fixed(type, AsmPrinter.toString(type), null);
  }

  /** A constraint variable: all values constrained by {@code name} share one type. */
  public static TypeConstraint var(String name, TypeConstraint base) {
    return new TypeConstraint.Var(name, base);
  }

  /** The element type of a vector or tensor, else the type itself: what "-like" constraints test. */
  static Type elementOrSelf(Type t) {
    if (t instanceof VectorType || isTensor(t)) {
      return ((ShapedType) t).elementType();
    }
    return t;
  }

  private static boolean isSignlessIntOrIndex(Type t) {
    return t instanceof IndexType || (t instanceof IntegerType i && i.isSignless());
  }

  private static boolean isTensor(Type t) {
    return t instanceof RankedTensorType || t instanceof UnrankedTensorType;
  }
}

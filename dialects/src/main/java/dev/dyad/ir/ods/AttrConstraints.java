package dev.dyad.ir.ods;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.SymbolRefAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Attribute constraints with MLIR ODS's descriptions (the summaries of CommonAttrConstraints.td). */
public final class AttrConstraints {
  private AttrConstraints() {}

  public static AttrConstraint anyAttr() {
    return AttrConstraint.of("any attribute", Attribute.class, a -> true);
  }

  /** {@code StrAttr}. */
  public static AttrConstraint stringAttr() {
    return AttrConstraint.of("string attribute", StringAttr.class, a -> a instanceof StringAttr);
  }

  /** {@code SymbolNameAttr}: a string naming a symbol; MLIR describes it as a string attribute. */
  public static AttrConstraint symbolNameAttr() {
    return stringAttr();
  }

  /** {@code FlatSymbolRefAttr}: {@code @name} without nested references. */
  public static AttrConstraint flatSymbolRefAttr() {
    return new AttrConstraint.Described(AttrConstraints::isFlatSymbolRef, AttrConstraints::isFlatSymbolRef,
        "flat symbol reference attribute", null);
  }

  public static AttrConstraint symbolRefAttr() {
    return AttrConstraint.of("symbol reference attribute", SymbolRefAttr.class, a -> a instanceof SymbolRefAttr);
  }

  /** {@code TypeAttr}: any type. */
  public static AttrConstraint typeAttr() {
    return AttrConstraint.of("any type attribute", TypeAttr.class, a -> a instanceof TypeAttr);
  }

  /** {@code TypeAttrOf<FunctionType>}. */
  public static AttrConstraint functionTypeAttr() {
    return AttrConstraint.of("type attribute of function type", TypeAttr.class,
        a -> a instanceof TypeAttr t && t.type() instanceof FunctionType);
  }

  /** {@code DictArrayAttr}: an array of dictionaries (argument/result attributes). */
  public static AttrConstraint dictArrayAttr() {
    return AttrConstraint.of("Array of dictionary attributes", ArrayAttr.class,
        a -> a instanceof ArrayAttr arr && arr.elements().stream().allMatch(e -> e instanceof DictionaryAttr));
  }

  public static AttrConstraint arrayAttr() {
    return AttrConstraint.of("array attribute", ArrayAttr.class, a -> a instanceof ArrayAttr);
  }

  public static AttrConstraint dictionaryAttr() {
    return AttrConstraint.of("dictionary of named attribute values", DictionaryAttr.class,
        a -> a instanceof DictionaryAttr);
  }

  public static AttrConstraint unitAttr() {
    return AttrConstraint.of("unit attribute", UnitAttr.class, a -> a instanceof UnitAttr);
  }

  /** {@code BoolAttr}: an i1 integer attribute. */
  public static AttrConstraint boolAttr() {
    return AttrConstraint.of("bool attribute", IntegerAttr.class, a -> a instanceof IntegerAttr i && i.isBool());
  }

  /** {@code I<width>Attr}, e.g. {@code 64-bit signless integer attribute}. */
  public static AttrConstraint signlessIntegerAttr(int width) {
    return integerAttrOf(IntegerType.signless(width));
  }

  /** An integer attribute of exactly {@code type}, described as MLIR's typed integer attributes are. */
  public static AttrConstraint integerAttrOf(Type type) {
    String desc = type instanceof IntegerType it
        ? it.width() + "-bit " + signednessWord(it) + "integer attribute"
        : AsmPrinter.toString(type) + " attribute";
    return new AttrConstraint.Typed(a -> a instanceof IntegerAttr i && i.type().equals(type),
        IntegerAttr.class::isInstance, desc, null, type);
  }

  public static AttrConstraint floatAttr() {
    return AttrConstraint.of("floating-point attribute", FloatAttr.class, a -> a instanceof FloatAttr);
  }

  /** {@code F<width>Attr}, e.g. {@code 32-bit float attribute}: a float constant of {@code type}. */
  public static AttrConstraint floatAttrOf(FloatType type) {
    String desc = type.kind().name().equals("F" + type.width()) ? type.width() + "-bit float attribute"
        : AsmPrinter.toString(type) + " attribute";
    return new AttrConstraint.Typed(a -> a instanceof FloatAttr f && f.type().equals(type),
        FloatAttr.class::isInstance, desc, null, type);
  }

  /** {@code DenseI32ArrayAttr}: {@code array<i32: ...>}. */
  public static AttrConstraint denseI32ArrayAttr() {
    return denseArrayOf(IntegerType.I32, "i32 dense array attribute");
  }

  /** {@code DenseI64ArrayAttr}: {@code array<i64: ...>}. */
  public static AttrConstraint denseI64ArrayAttr() {
    return denseArrayOf(IntegerType.I64, "i64 dense array attribute");
  }

  /**
   * {@code DenseBoolArrayAttr}, {@code DenseI8ArrayAttr} ... {@code DenseF64ArrayAttr}: dense arrays
   * of {@code element} (i1, i8, i16, i32, i64, f32 or f64), e.g. {@code i16 dense array attribute}.
   */
  public static AttrConstraint denseArrayAttrOf(Type element) {
    return denseArrayOf(element, AsmPrinter.toString(element) + " dense array attribute");
  }

  private static AttrConstraint denseArrayOf(Type element, String desc) {
    return new AttrConstraint.DenseArrayOf(element, desc, null);
  }

  /** {@code ArrayAttr} whose elements all satisfy {@code element}: {@code <element> array attribute}. */
  public static AttrConstraint arrayOf(AttrConstraint element, String description) {
    return AttrConstraint.of(description, ArrayAttr.class,
        a -> a instanceof ArrayAttr arr && arr.elements().stream().allMatch(element::accepts));
  }

  /** {@code AnyAttrOf<[...]>}: alternatives joined by {@code or}. */
  public static AttrConstraint anyOf(AttrConstraint... alternatives) {
    List<String> names = new ArrayList<>();
    for (AttrConstraint c : alternatives) {
      names.add(c.description());
    }
    Predicate<Attribute> any = a -> Arrays.stream(alternatives).anyMatch(c -> c.accepts(a));
    Predicate<Attribute> store =
        a -> Arrays.stream(alternatives).anyMatch(c -> c.storable(a));
    return new AttrConstraint.Described(any, store, String.join(" or ", names), null);
  }

  private static boolean isFlatSymbolRef(Attribute a) {
    return a instanceof SymbolRefAttr s && s.nested().isEmpty();
  }

  private static String signednessWord(IntegerType it) {
    return switch (it.signedness()) {
      case SIGNLESS -> "signless ";
      case SIGNED -> "signed ";
      case UNSIGNED -> "unsigned ";
    };
  }
}

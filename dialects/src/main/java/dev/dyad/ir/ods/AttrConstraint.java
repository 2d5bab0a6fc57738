package dev.dyad.ir.ods;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.type.Type;
import java.util.function.Predicate;

/**
 * A predicate on a property or attribute value, with the MLIR-style description that fills
 * {@code attribute 'x' failed to satisfy constraint: <description>}, and the storage check that
 * decides whether a value can be a property at all (MLIR's property conversion). Factories are in
 * {@link AttrConstraints}.
 */
public interface AttrConstraint {
  boolean accepts(Attribute value);

  String description();

  /**
   * Whether {@code value} fits the property's storage (e.g. any TypeAttr for a function-type
   * constraint): values that do not are rejected when properties are set from text.
   */
  default boolean storable(Attribute value) {
    return true;
  }

  /** A custom message template replacing MLIR's, or null; placeholders {@code {name}}, {@code {value}}. */
  default String message() {
    return null;
  }

  /**
   * The type of every attribute this constraint accepts when it fixes one (MLIR's buildable
   * attribute type: i64 for I64Attr), else null. Assembly formats print such attributes without
   * their type and parse them with it.
   */
  default Type valueType() {
    return null;
  }

  /**
   * The element type when this constraint stores dense arrays of one element type (MLIR's
   * DenseI64ArrayAttr and kin), else null. Assembly formats print such attributes as MLIR does,
   * stripped to the bracketed elements ({@code [1, 2]}), and read them so.
   */
  default Type arrayElementType() {
    return null;
  }

  default AttrConstraint withMessage(String template) {
    return new Described(this::accepts, this::storable, description(), template);
  }

  default AttrConstraint describedAs(String description) {
    return new Described(this::accepts, this::storable, description, message());
  }

  /** A constraint stored as {@code storage}-typed attributes and checked with {@code predicate}. */
  static AttrConstraint of(String description, Class<? extends Attribute> storage, Predicate<Attribute> predicate) {
    return new Described(predicate, storage::isInstance, description, null);
  }

  /** A plain constraint: predicate, storage check, description and an optional message template. */
  record Described(Predicate<Attribute> predicate, Predicate<Attribute> storage, String description, String message)
      implements AttrConstraint {
    @Override
    public boolean accepts(Attribute value) {
      return predicate.test(value);
    }

    @Override
    public boolean storable(Attribute value) {
      return storage.test(value);
    }
  }

  /** Attributes of one fixed type (integer or float constants of that type). */
  record Typed(Predicate<Attribute> predicate, Predicate<Attribute> storage, String description, String message,
      Type valueType) implements AttrConstraint {
    @Override
    public boolean accepts(Attribute value) {
      return predicate.test(value);
    }

    @Override
    public boolean storable(Attribute value) {
      return storage.test(value);
    }

    @Override
    public AttrConstraint withMessage(String template) {
      return new Typed(predicate, storage, description, template, valueType);
    }

    @Override
    public AttrConstraint describedAs(String newDescription) {
      return new Typed(predicate, storage, newDescription, message, valueType);
    }
  }

  /** {@code DenseArrayAttr}s of exactly one element type: {@code array<i64: 1, 2>}. */
  record DenseArrayOf(Type arrayElementType, String description, String message) implements AttrConstraint {
    @Override
    public boolean accepts(Attribute value) {
      return value instanceof DenseArrayAttr d && d.elementType().equals(arrayElementType);
    }

    @Override
    public boolean storable(Attribute value) {
      return accepts(value);
    }

    @Override
    public AttrConstraint withMessage(String template) {
      return new DenseArrayOf(arrayElementType, description, template);
    }

    @Override
    public AttrConstraint describedAs(String newDescription) {
      return new DenseArrayOf(arrayElementType, newDescription, message);
    }
  }
}

package dev.dyad.ir.ods;

import dev.dyad.ir.type.Type;
import java.util.function.Predicate;

/**
 * A predicate on the type of an operand or result, with the MLIR-style description that fills
 * {@code operand #0 must be <description>, but got 'f32'}. Factories are in {@link TypeConstraints}.
 */
public interface TypeConstraint {
  boolean accepts(Type type);

  String description();

  /**
   * A custom message template replacing MLIR's default, or null. Placeholders: {@code {kind}}
   * (operand/result), {@code {index}}, {@code {name}} (the group's name), {@code {type}} (quoted).
   */
  default String message() {
    return null;
  }

  /**
   * The one type this constraint accepts when it is fixed (MLIR's buildable type, e.g. i64 for
   * I64), else null. Assembly formats need not print such a type: the parser builds it.
   */
  default Type buildableType() {
    return null;
  }

  /** The same check reported with {@code template} (see {@link #message()}). */
  default TypeConstraint withMessage(String template) {
    return new Described(this::accepts, description(), template);
  }

  /** The same check described as {@code description}. */
  default TypeConstraint describedAs(String description) {
    return new Described(this::accepts, description, message());
  }

  /** A constraint from a predicate and its description. */
  static TypeConstraint of(String description, Predicate<Type> predicate) {
    return new Described(predicate, description, null);
  }

  /** Exactly {@code type}, described as {@code description}: a buildable type. */
  record Fixed(Type type, String description, String message) implements TypeConstraint {
    @Override
    public boolean accepts(Type t) {
      return type.equals(t);
    }

    @Override
    public Type buildableType() {
      return type;
    }

    @Override
    public TypeConstraint withMessage(String template) {
      return new Fixed(type, description, template);
    }

    @Override
    public TypeConstraint describedAs(String newDescription) {
      return new Fixed(type, newDescription, message);
    }
  }

  /** A plain constraint: predicate, description and an optional message template. */
  record Described(Predicate<Type> predicate, String description, String message) implements TypeConstraint {
    @Override
    public boolean accepts(Type type) {
      return predicate.test(type);
    }
  }

  /**
   * A constraint variable: every value constrained by the same name must have the same type
   * (xDSL's VarConstraint, MLIR's AllTypesMatch), and each must satisfy {@code base}.
   */
  record Var(String name, TypeConstraint base) implements TypeConstraint {
    @Override
    public boolean accepts(Type type) {
      return base.accepts(type);
    }

    @Override
    public String description() {
      return base.description();
    }

    @Override
    public String message() {
      return base.message();
    }

    @Override
    public Type buildableType() {
      return base.buildableType();
    }
  }
}

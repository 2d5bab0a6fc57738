package dev.dyad.ir.ods;

/** A named operand or result group of an op definition. */
public record ValueDef(String name, Arity arity, TypeConstraint constraint) {
  /** {@code any type}, {@code variadic of any type}, {@code optional any type}. */
  public String describe() {
    return switch (arity) {
      case SINGLE -> constraint.description();
      case OPTIONAL -> "optional " + constraint.description();
      case VARIADIC -> "variadic of " + constraint.description();
    };
  }
}

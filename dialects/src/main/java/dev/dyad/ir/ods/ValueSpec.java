package dev.dyad.ir.ods;

import java.util.Objects;

/** An arity and a type constraint: what {@code variadic(anyType())} stands for in a definition. */
public record ValueSpec(Arity arity, TypeConstraint constraint) {
  public ValueSpec {
    Objects.requireNonNull(arity);
    Objects.requireNonNull(constraint);
  }

  public static ValueSpec single(TypeConstraint c) {
    return new ValueSpec(Arity.SINGLE, c);
  }

  public static ValueSpec optional(TypeConstraint c) {
    return new ValueSpec(Arity.OPTIONAL, c);
  }

  public static ValueSpec variadic(TypeConstraint c) {
    return new ValueSpec(Arity.VARIADIC, c);
  }
}

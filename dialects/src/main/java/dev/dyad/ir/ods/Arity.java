package dev.dyad.ir.ods;

/** How many values an operand or result group holds. */
public enum Arity {
  /** Exactly one. */
  SINGLE,
  /** Zero or one. */
  OPTIONAL,
  /** Any number. */
  VARIADIC;

  public boolean isVariable() {
    return this != SINGLE;
  }
}

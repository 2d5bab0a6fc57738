package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;

/** An immutable IR attribute. Builtin attributes are records; dialects add their own. */
public interface Attribute {
  /** Prints this attribute in MLIR syntax, with its type where MLIR prints one. */
  void print(AsmPrinter p);

  /**
   * Prints this attribute where MLIR allows eliding a default type (array elements): integers
   * of type i64 and floats of type f64 drop their {@code : type} suffix.
   */
  default void printElidingDefaultType(AsmPrinter p) {
    print(p);
  }
}

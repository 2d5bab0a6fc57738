package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;

/** An immutable IR type. Builtin types are records; dialects add their own implementations. */
public interface Type {
  /** Prints this type in MLIR syntax (aliases are resolved by the printer, not here). */
  void print(AsmPrinter p);
}

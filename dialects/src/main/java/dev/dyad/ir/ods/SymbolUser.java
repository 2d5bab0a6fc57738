package dev.dyad.ir.ods;

import dev.dyad.ir.Trait;

/**
 * MLIR's SymbolUserOpInterface as a trait: the op refers to symbols, and {@code verifier} checks
 * those references when the enclosing symbol table is verified (after all its nested ops).
 */
public record SymbolUser(VerifyHook verifier) implements Trait {
  @Override
  public String name() {
    return "SymbolUserOpInterface";
  }
}

package dev.dyad.rewrite;

import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;

/**
 * What the transformations may assume about an op's effects (MLIR's side-effect queries), from
 * Dyad's traits: Pure and NoMemoryEffect ops touch no memory; anything else, unregistered ops
 * included, might.
 */
public final class SideEffects {
  private SideEffects() {}

  /** Whether {@code op} reads and writes no memory. */
  public static boolean isMemoryEffectFree(Operation op) {
    return op.hasTrait(Trait.PURE) || op.hasTrait(Trait.NO_MEMORY_EFFECT);
  }

  /**
   * Whether {@code op} could be erased if its results were unused: not a terminator or symbol
   * (MLIR keeps both) and free of memory effects.
   */
  public static boolean wouldOpBeTriviallyDead(Operation op) {
    if (!op.isRegistered() || op.hasTrait(Trait.TERMINATOR) || op.hasTrait(Trait.SYMBOL)) {
      return false;
    }
    return isMemoryEffectFree(op);
  }

  /** Whether {@code op} has no used results and could be erased (MLIR's {@code isOpTriviallyDead}). */
  public static boolean isOpTriviallyDead(Operation op) {
    return op.use_empty() && wouldOpBeTriviallyDead(op);
  }
}

package dev.dyad.transforms;

import dev.dyad.pass.PassProvider;
import dev.dyad.pass.PassRegistry;

/** Registers the generic transforms: canonicalize, cse, dce and symbol-dce. */
public final class TransformPasses implements PassProvider {
  @Override
  public void registerPasses(PassRegistry registry) {
    registry.registerPass(CanonicalizePass::new)
        .registerPass(CsePass::new)
        .registerPass(DcePass::new)
        .registerPass(SymbolDcePass::new);
  }
}

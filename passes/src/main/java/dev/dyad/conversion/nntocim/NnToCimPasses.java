package dev.dyad.conversion.nntocim;

import dev.dyad.pass.PassProvider;
import dev.dyad.pass.PassRegistry;

/** Registers {@code nn-to-cim}. */
public final class NnToCimPasses implements PassProvider {
  @Override
  public void registerPasses(PassRegistry registry) {
    registry.registerPass(NnToCimPass::new);
  }
}

package dev.dyad.alloc;

import dev.dyad.pass.PassProvider;
import dev.dyad.pass.PassRegistry;

/** Registers the baseline allocation passes: cim-mlc-alloc and naive-alloc. */
public final class AllocPasses implements PassProvider {
  @Override
  public void registerPasses(PassRegistry registry) {
    registry.registerPass(CimMlcAllocPass::new).registerPass(NaiveAllocPass::new);
  }
}

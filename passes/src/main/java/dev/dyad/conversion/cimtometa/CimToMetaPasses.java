package dev.dyad.conversion.cimtometa;

import dev.dyad.pass.PassProvider;
import dev.dyad.pass.PassRegistry;

/** Registers cim-to-meta and the compilation pipelines cim-default, cim-mlc and naive. */
public final class CimToMetaPasses implements PassProvider {
  @Override
  public void registerPasses(PassRegistry registry) {
    registry.registerPass(CimToMetaPass::new)
        .registerPipeline(() -> new CimPipeline("cim-default", "cim-mlc-alloc"))
        .registerPipeline(() -> new CimPipeline("cim-mlc", "cim-mlc-alloc"))
        .registerPipeline(() -> new CimPipeline("naive", "naive-alloc"));
  }
}

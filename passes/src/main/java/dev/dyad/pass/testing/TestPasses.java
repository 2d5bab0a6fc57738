package dev.dyad.pass.testing;

import dev.dyad.pass.PassPipeline;
import dev.dyad.pass.PassProvider;
import dev.dyad.pass.PassRegistry;

/** Registers the {@code test-*} passes and pipeline. */
public final class TestPasses implements PassProvider {
  /** Whether {@code argument} names a test pass or pipeline, by MLIR's naming convention. */
  public static boolean isTestPass(String argument) {
    return argument.startsWith("test-");
  }

  @Override
  public void registerPasses(PassRegistry registry) {
    registry.registerPass(TestPrintOpCountPass::new)
        .registerPass(TestFailPass::new)
        .registerPass(TestOptionsPass::new)
        .registerPass(TestModulePass::new)
        .registerPass(TestFuncPass::new)
        .registerPass(TestTagPass::new)
        .registerPass(TestBreakIrPass::new)
        .registerPipeline(() -> PassPipeline.ofText("test-pipeline",
            "Test pipeline: tags the op, then counts what it holds", "test-tag,test-print-op-count"));
  }
}

package dev.dyad.pass.testing;

import dev.dyad.ir.Operation;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;

/** Anchored on {@code builtin.module}; counts its runs. For anchor checks. */
public final class TestModulePass extends Pass {
  private final Statistic runs = statistic("num-runs", "Number of modules the pass ran on");

  @Override
  public String argument() {
    return "test-module-pass";
  }

  @Override
  public String summary() {
    return "Test pass anchored on builtin.module";
  }

  @Override
  public String anchor() {
    return "builtin.module";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    runs.increment();
  }
}

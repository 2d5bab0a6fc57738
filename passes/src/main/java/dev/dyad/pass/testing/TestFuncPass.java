package dev.dyad.pass.testing;

import dev.dyad.ir.Operation;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;

/** Anchored on {@code func.func}; counts its runs. For anchor checks. */
public final class TestFuncPass extends Pass {
  private final Statistic runs = statistic("num-runs", "Number of functions the pass ran on");

  @Override
  public String argument() {
    return "test-func-pass";
  }

  @Override
  public String summary() {
    return "Test pass anchored on func.func";
  }

  @Override
  public String anchor() {
    return "func.func";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    runs.increment();
  }
}

package dev.dyad.transforms;

import dev.dyad.ir.Operation;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;

/** {@code cse}: runs {@link Cse} on the op's regions. */
public final class CsePass extends Pass {
  private final Statistic numCse = statistic("num-cse", "Number of operations CSE'd");
  private final Statistic numDce = statistic("num-dce", "Number of operations DCE'd");

  @Override
  public String argument() {
    return "cse";
  }

  @Override
  public String summary() {
    return "Eliminate common sub-expressions";
  }

  @Override
  public String name() {
    return "CSE";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    Cse cse = new Cse(ctx.context());
    cse.run(op);
    numCse.add(cse.statistics().eliminated());
    numDce.add(cse.statistics().erasedDead());
  }
}

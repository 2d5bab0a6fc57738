package dev.dyad.pass;

import dev.dyad.ir.Operation;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Times each pass into a {@link TimingManager}, nested like the pipeline: a pass adaptor is
 * {@code 'func.func' Pipeline}, or with several pipelines a {@code Pipeline Collection} with one
 * row per pipeline, as in MLIR's report.
 */
public final class PassTimingInstrumentation implements PassInstrumentation {
  private final TimingManager timing;
  private final Deque<Pass> passes = new ArrayDeque<>();
  private final Deque<Boolean> pipelineRows = new ArrayDeque<>();

  public PassTimingInstrumentation(TimingManager timing) {
    this.timing = timing;
  }

  @Override
  public void runBeforePass(Pass pass, Operation op) {
    passes.push(pass);
    timing.push(pass, pass.name());
  }

  @Override
  public void runAfterPass(Pass pass, Operation op) {
    timing.pop();
    passes.pop();
  }

  @Override
  public void runAfterPassFailed(Pass pass, Operation op) {
    runAfterPass(pass, op);
  }

  @Override
  public void runBeforePipeline(OpPassManager pm, Operation op) {
    boolean row = passes.peek() instanceof PassAdaptor a && a.managers().size() > 1;
    if (row) {
      timing.push(pm, "'" + pm.anchor() + "' Pipeline");
    }
    pipelineRows.push(row);
  }

  @Override
  public void runAfterPipeline(OpPassManager pm, Operation op) {
    if (pipelineRows.pop()) {
      timing.pop();
    }
  }
}

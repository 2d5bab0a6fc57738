package dev.dyad.transforms;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.rewrite.PatternRewriter;
import dev.dyad.rewrite.RegionSimplifier;

/**
 * Erases dead ops in the regions of an op: ops free of effects (not terminators or symbols) none
 * of whose results a live op uses, whole dead chains and dead cycles of graph regions included.
 */
public final class Dce {
  private final Context context;

  public Dce(Context context) {
    this.context = context;
  }

  /** Whether anything was erased. */
  public boolean run(Operation op) {
    PatternRewriter rewriter = new PatternRewriter(context);
    boolean changed = false;
    for (Region region : op.getRegions()) {
      changed |= RegionSimplifier.eraseDeadOps(rewriter, region);
    }
    return changed;
  }
}

package dev.dyad.rewrite;

/**
 * How the greedy driver runs (MLIR's {@code GreedyRewriteConfig}). Limits of -1 mean none.
 *
 * @param topDown seed the worklist in pre-order, so ops are visited top-down (else post-order)
 * @param maxIterations how many times the worklist is re-seeded from the whole IR
 * @param maxNumRewrites how many pattern applications one iteration may make
 * @param fold whether ops are folded before patterns are tried
 * @param cseConstants whether constants are uniqued and hoisted to their region's entry
 * @param regionSimplification what is simplified in the regions after each iteration
 * @param reportNonConvergence whether a warning is emitted when the iterations run out
 * @param listener told of every change besides the driver itself (may be null)
 */
public record GreedyRewriteConfig(boolean topDown, int maxIterations, long maxNumRewrites, boolean fold,
    boolean cseConstants, RegionSimplification regionSimplification, boolean reportNonConvergence,
    RewriterListener listener) {

  /** Region simplification levels (MLIR's {@code GreedySimplifyRegionLevel}). */
  public enum RegionSimplification {
    /** None. */
    DISABLED,
    /**
     * Erase blocks unreachable from their region's entry, ops whose results nothing live uses and
     * unused arguments of non-entry blocks.
     */
    NORMAL,
    /** As {@link #NORMAL}, and merge identical blocks. */
    AGGRESSIVE
  }

  public static final int NO_LIMIT = -1;

  /** Top-down, 10 iterations, no rewrite limit, folding, constant CSE, no region simplification. */
  public static final GreedyRewriteConfig DEFAULT =
      new GreedyRewriteConfig(true, 10, NO_LIMIT, true, true, RegionSimplification.DISABLED, true, null);

  public GreedyRewriteConfig withTopDown(boolean v) {
    return new GreedyRewriteConfig(v, maxIterations, maxNumRewrites, fold, cseConstants, regionSimplification,
        reportNonConvergence, listener);
  }

  public GreedyRewriteConfig withMaxIterations(int v) {
    return new GreedyRewriteConfig(topDown, v, maxNumRewrites, fold, cseConstants, regionSimplification,
        reportNonConvergence, listener);
  }

  public GreedyRewriteConfig withMaxNumRewrites(long v) {
    return new GreedyRewriteConfig(topDown, maxIterations, v, fold, cseConstants, regionSimplification,
        reportNonConvergence, listener);
  }

  public GreedyRewriteConfig withFold(boolean v) {
    return new GreedyRewriteConfig(topDown, maxIterations, maxNumRewrites, v, cseConstants, regionSimplification,
        reportNonConvergence, listener);
  }

  public GreedyRewriteConfig withCseConstants(boolean v) {
    return new GreedyRewriteConfig(topDown, maxIterations, maxNumRewrites, fold, v, regionSimplification,
        reportNonConvergence, listener);
  }

  public GreedyRewriteConfig withRegionSimplification(RegionSimplification v) {
    return new GreedyRewriteConfig(topDown, maxIterations, maxNumRewrites, fold, cseConstants, v,
        reportNonConvergence, listener);
  }

  public GreedyRewriteConfig withReportNonConvergence(boolean v) {
    return new GreedyRewriteConfig(topDown, maxIterations, maxNumRewrites, fold, cseConstants,
        regionSimplification, v, listener);
  }

  public GreedyRewriteConfig withListener(RewriterListener v) {
    return new GreedyRewriteConfig(topDown, maxIterations, maxNumRewrites, fold, cseConstants,
        regionSimplification, reportNonConvergence, v);
  }
}

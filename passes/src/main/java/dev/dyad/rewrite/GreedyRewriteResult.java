package dev.dyad.rewrite;

/**
 * What a greedy rewrite did.
 *
 * @param converged whether the last iteration changed nothing (a fixpoint was reached)
 * @param changed whether the IR changed at all
 * @param iterations how many iterations ran
 * @param rewrites pattern applications, over all iterations
 * @param folds ops folded away or in place
 * @param erased ops erased as trivially dead or by region simplification
 */
public record GreedyRewriteResult(boolean converged, boolean changed, int iterations, long rewrites, long folds,
    long erased) {

  /** Both results together (a rewrite of several regions). */
  public GreedyRewriteResult merge(GreedyRewriteResult other) {
    return new GreedyRewriteResult(converged && other.converged, changed || other.changed,
        Math.max(iterations, other.iterations), rewrites + other.rewrites, folds + other.folds,
        erased + other.erased);
  }

  /** The result of rewriting nothing. */
  public static GreedyRewriteResult unchanged() {
    return new GreedyRewriteResult(true, false, 0, 0, 0, 0);
  }
}

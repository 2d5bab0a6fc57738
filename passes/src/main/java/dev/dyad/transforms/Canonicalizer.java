package dev.dyad.transforms;

import dev.dyad.ir.Context;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;
import dev.dyad.rewrite.GreedyPatternRewriteDriver;
import dev.dyad.rewrite.GreedyRewriteConfig;
import dev.dyad.rewrite.GreedyRewriteConfig.RegionSimplification;
import dev.dyad.rewrite.GreedyRewriteResult;
import dev.dyad.rewrite.PatternApplicator;
import dev.dyad.rewrite.PatternSet;
import java.util.List;

/**
 * MLIR's canonicalizer: the canonicalization patterns of every registered dialect, op folding
 * and dead-op erasure, applied greedily to the regions of an op until nothing changes.
 */
public final class Canonicalizer {
  /**
   * MLIR's options of {@code canonicalize}.
   *
   * @param topDown seed the worklist top-down (MLIR's default) rather than bottom-up
   * @param regionSimplify erase unreachable blocks and dead ops after each iteration (default on)
   * @param maxIterations iterations before giving up (-1: no limit)
   * @param maxNumRewrites pattern applications per iteration (-1: no limit)
   * @param testConvergence make non-convergence an error instead of a warning
   * @param disabledPatterns patterns (by debug name) not to use
   * @param enabledPatterns if not empty, the only patterns to use
   */
  public record Options(boolean topDown, RegionSimplification regionSimplify, int maxIterations,
      long maxNumRewrites, boolean testConvergence, List<String> disabledPatterns, List<String> enabledPatterns) {
    public static final Options DEFAULT =
        new Options(true, RegionSimplification.NORMAL, 10, GreedyRewriteConfig.NO_LIMIT, false, List.of(), List.of());

    public Options {
      disabledPatterns = List.copyOf(disabledPatterns);
      enabledPatterns = List.copyOf(enabledPatterns);
    }
  }

  private final Context context;
  private final Options options;
  private final DiagnosticEmitter errors;
  private final PatternApplicator patterns;

  public Canonicalizer(Context context) {
    this(context, Options.DEFAULT);
  }

  public Canonicalizer(Context context, Options options) {
    this(context, options, (op, message) -> context.emitError(op.getLoc(), message));
  }

  /** Collects the patterns once, as MLIR's pass does when it is initialised; errors go to {@code errors}. */
  public Canonicalizer(Context context, Options options, DiagnosticEmitter errors) {
    this.context = context;
    this.options = options;
    this.errors = errors;
    PatternSet all = CanonicalizationPatterns.forContext(context);
    this.patterns = new PatternApplicator(all.filtered(options.disabledPatterns(), options.enabledPatterns()));
  }

  /** Canonicalizes the regions of {@code op}; whether the IR changed. */
  public boolean run(Operation op) {
    return runWithResult(op).changed();
  }

  /**
   * Canonicalizes and reports how it went. Running out of iterations is a warning, or an error
   * under {@code testConvergence} (then the caller should fail).
   */
  public GreedyRewriteResult runWithResult(Operation op) {
    GreedyRewriteConfig config = GreedyRewriteConfig.DEFAULT
        .withTopDown(options.topDown())
        .withRegionSimplification(options.regionSimplify())
        .withMaxIterations(options.maxIterations())
        .withMaxNumRewrites(options.maxNumRewrites())
        .withReportNonConvergence(!options.testConvergence());
    GreedyRewriteResult result = GreedyPatternRewriteDriver.applyPatternsGreedily(context, op, patterns, config);
    if (options.testConvergence() && !result.converged()) {
      errors.emitError(op, GreedyPatternRewriteDriver.nonConvergenceMessage(result));
    }
    return result;
  }
}

package dev.dyad.transforms;

import dev.dyad.ir.Operation;
import dev.dyad.pass.ListOption;
import dev.dyad.pass.Option;
import dev.dyad.pass.OptionType;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.rewrite.GreedyRewriteConfig.RegionSimplification;
import dev.dyad.rewrite.GreedyRewriteResult;

/** {@code canonicalize}, with MLIR's options: runs {@link Canonicalizer} on the op's regions. */
public final class CanonicalizePass extends Pass {
  /** MLIR's {@code region-simplify} levels. */
  public enum RegionSimplify implements OptionType.Spelled {
    DISABLED("disabled", "Don't run any control-flow simplification."),
    NORMAL("normal", "Perform simple control-flow simplifications (unreachable blocks, dead ops)."),
    AGGRESSIVE("aggressive", "Perform aggressive control-flow simplification (e.g. block merging).");

    private final String spelling;
    private final String description;

    RegionSimplify(String spelling, String description) {
      this.spelling = spelling;
      this.description = description;
    }

    @Override
    public String spelling() {
      return spelling;
    }

    @Override
    public String description() {
      return description;
    }
  }

  private final ListOption<String> disablePatterns = options.listOption("disable-patterns", OptionType.STRING,
      "Labels of patterns that should be filtered out during application");
  private final ListOption<String> enablePatterns = options.listOption("enable-patterns", OptionType.STRING,
      "Labels of patterns that should be used during application, all other patterns are filtered out");
  private final Option<Long> maxIterations = options.longOption("max-iterations", 10,
      "Max. iterations between applying patterns / simplifying regions");
  private final Option<Long> maxNumRewrites = options.longOption("max-num-rewrites", -1,
      "Max. number of pattern rewrites within an iteration");
  private final Option<RegionSimplify> regionSimplify = options.enumOption("region-simplify", RegionSimplify.NORMAL,
      "Perform control flow optimizations to the region tree");
  private final Option<Boolean> testConvergence = options.boolOption("test-convergence", false,
      "Test only: Fail pass on non-convergence to detect cyclic pattern");
  private final Option<Boolean> topDown = options.boolOption("top-down", true,
      "Seed the worklist in general top-down order");

  @Override
  public String argument() {
    return "canonicalize";
  }

  @Override
  public String summary() {
    return "Canonicalize operations";
  }

  @Override
  public String description() {
    return "Applies the canonicalization patterns of every registered dialect, folds ops and erases dead "
        + "ones, greedily until nothing changes.";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    RegionSimplification level = switch (regionSimplify.get()) {
      case DISABLED -> RegionSimplification.DISABLED;
      case NORMAL -> RegionSimplification.NORMAL;
      case AGGRESSIVE -> RegionSimplification.AGGRESSIVE;
    };
    long iterations = maxIterations.get();
    Canonicalizer.Options o = new Canonicalizer.Options(topDown.get(), level,
        iterations > Integer.MAX_VALUE || iterations < 0 ? -1 : (int) iterations, maxNumRewrites.get(),
        testConvergence.get(), disablePatterns.get(), enablePatterns.get());
    GreedyRewriteResult r = new Canonicalizer(ctx.context(), o, ctx::emitError).runWithResult(op);
    if (testConvergence.get() && !r.converged()) {
      ctx.signalPassFailure();
    }
  }
}

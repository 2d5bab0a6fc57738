package dev.dyad.rewrite;

import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpFoldResult;
import dev.dyad.ir.OpOperand;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies patterns and folds to a fixpoint with a worklist, as MLIR's greedy driver does, so that
 * the result matches {@code mlir-opt}'s op for op: each iteration seeds the worklist from the IR
 * (uniquing and hoisting constants on the way), erases unreachable blocks, then pops ops, erasing
 * trivially dead ones, folding, and trying patterns; changed ops and their neighbours go back on
 * the worklist. It stops when an iteration changes nothing, or after {@code maxIterations} (not
 * converged).
 *
 * <p>One departure from MLIR: without {@code maxNumRewrites}, an iteration still stops after
 * {@value #REWRITES_PER_OP} rewrites and folds per op it started with, so that patterns undoing
 * each other end in a non-convergence warning instead of running forever.
 */
public final class GreedyPatternRewriteDriver implements RewriterListener {
  /** The rewrite budget of an unlimited iteration, per op in the scope when it starts. */
  public static final int REWRITES_PER_OP = 64;

  private final Context context;
  private final Region scope;
  private final PatternApplicator applicator;
  private final GreedyRewriteConfig config;
  private final PatternRewriter rewriter;
  private final Worklist worklist = new Worklist();
  private long rewrites;
  private long folds;
  private long erased;
  /** Ops seen while seeding the current iteration. */
  private long seeded;

  private GreedyPatternRewriteDriver(Context context, Region scope, PatternApplicator applicator,
      GreedyRewriteConfig config) {
    this.context = context;
    this.scope = scope;
    this.applicator = applicator;
    this.config = config;
    this.rewriter = new PatternRewriter(context).addListener(this);
  }

  /** Rewrites the regions of {@code op} (not {@code op} itself) with the default configuration. */
  public static GreedyRewriteResult applyPatternsGreedily(Context ctx, Operation op, PatternSet patterns) {
    return applyPatternsGreedily(ctx, op, new PatternApplicator(patterns), GreedyRewriteConfig.DEFAULT);
  }

  public static GreedyRewriteResult applyPatternsGreedily(Context ctx, Operation op, PatternSet patterns,
      GreedyRewriteConfig config) {
    return applyPatternsGreedily(ctx, op, new PatternApplicator(patterns), config);
  }

  /**
   * Rewrites each region of {@code op} on its own; {@code op} should be isolated from above, so
   * that nothing outside is touched. Warns at {@code op} when a region did not converge (if the
   * configuration asks for it).
   */
  public static GreedyRewriteResult applyPatternsGreedily(Context ctx, Operation op, PatternApplicator patterns,
      GreedyRewriteConfig config) {
    GreedyRewriteResult total = GreedyRewriteResult.unchanged();
    for (Region region : op.getRegions()) {
      total = total.merge(applyPatternsGreedily(ctx, region, patterns, config));
    }
    if (!total.converged() && config.reportNonConvergence()) {
      ctx.diagnostics().emitWarning(op.getLoc(), nonConvergenceMessage(total));
    }
    return total;
  }

  /** Rewrites the ops of {@code region}; nothing is reported. */
  public static GreedyRewriteResult applyPatternsGreedily(Context ctx, Region region, PatternApplicator patterns,
      GreedyRewriteConfig config) {
    return new GreedyPatternRewriteDriver(ctx, region, patterns, config).simplify();
  }

  /** The warning for a rewrite that ran out of iterations, with what it did. */
  public static String nonConvergenceMessage(GreedyRewriteResult r) {
    return "greedy pattern rewrite did not converge after " + r.iterations() + " iterations (" + r.rewrites()
        + " rewrites, " + r.folds() + " folds, " + r.erased() + " erased ops)";
  }

  // ---- the iterations ---------------------------------------------------------------------------

  private GreedyRewriteResult simplify() {
    boolean continueRewrites = false;
    boolean changed = false;
    int iterations = 0;
    while (config.maxIterations() == GreedyRewriteConfig.NO_LIMIT || iterations < config.maxIterations()) {
      iterations++;
      worklist.clear();
      seed(new OperationFolder(rewriter));
      continueRewrites = RegionSimplifier.eraseUnreachableBlocks(rewriter, scope);
      continueRewrites |= processWorklist();
      if (config.regionSimplification() != GreedyRewriteConfig.RegionSimplification.DISABLED) {
        continueRewrites |= RegionSimplifier.simplify(rewriter, scope,
            config.regionSimplification() == GreedyRewriteConfig.RegionSimplification.AGGRESSIVE);
      }
      changed |= continueRewrites;
      if (!continueRewrites) {
        break;
      }
    }
    return new GreedyRewriteResult(!continueRewrites, changed, iterations, rewrites, folds, erased);
  }

  /**
   * Fills the worklist from the scope: pre-order then reversed (top-down) or post-order. Known
   * constants are uniqued and hoisted first; a duplicate is replaced by its twin and not visited.
   */
  private void seed(OperationFolder folder) {
    seeded = 0;
    for (Block block : scope.getBlocks()) {
      seedBlock(block, folder);
    }
    if (config.topDown()) {
      worklist.reverse();
    }
  }

  private void seedBlock(Block block, OperationFolder folder) {
    Operation op = block.front();
    while (op != null) {
      Operation next = op.getNextNode();
      seedOp(op, folder);
      op = next;
    }
  }

  private void seedOp(Operation op, OperationFolder folder) {
    seeded++;
    if (config.cseConstants() && op.hasTrait(Trait.CONSTANT_LIKE)) {
      Attribute value = Folding.constantValue(op.getResult(0));
      if (value != null && !folder.insertKnownConstant(op, value)) {
        return;
      }
    }
    if (config.topDown()) {
      addToWorklist(op);
    }
    for (Region r : op.getRegions()) {
      for (Block b : r.getBlocks()) {
        seedBlock(b, folder);
      }
    }
    if (!config.topDown()) {
      addToWorklist(op);
    }
  }

  /** Pops ops until the worklist is empty or the rewrite limit is hit; whether anything changed. */
  private boolean processWorklist() {
    boolean changed = false;
    long iterationRewrites = 0;
    long budget = REWRITES_PER_OP * (seeded + 1);
    long spent = 0;
    while (!worklist.isEmpty()
        && (config.maxNumRewrites() == GreedyRewriteConfig.NO_LIMIT || iterationRewrites < config.maxNumRewrites())) {
      if (config.maxNumRewrites() == GreedyRewriteConfig.NO_LIMIT && spent++ >= budget) {
        // Patterns that undo each other: give up on this iteration, it did not converge.
        return true;
      }
      Operation op = worklist.pop();
      if (SideEffects.isOpTriviallyDead(op)) {
        rewriter.eraseOp(op);
        erased++;
        changed = true;
        continue;
      }
      if (config.fold() && !op.hasTrait(Trait.CONSTANT_LIKE) && tryFold(op)) {
        folds++;
        changed = true;
        continue;
      }
      if (applicator.matchAndRewrite(op, rewriter) != null) {
        rewrites++;
        iterationRewrites++;
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Folds {@code op}: an in-place fold puts it back on the worklist, a replacement materialises
   * constants right before it (through its dialect) and replaces it. False if nothing happened.
   */
  private boolean tryFold(Operation op) {
    FoldResult r = Folding.fold(op);
    if (r.failed()) {
      return false;
    }
    if (r.isInPlace()) {
      rewriter.finalizeOpModification(op);
      return true;
    }
    Builder.InsertPoint saved = rewriter.saveInsertionPoint();
    rewriter.setInsertionPoint(op);
    List<Value> replacements = new ArrayList<>();
    List<Operation> created = new ArrayList<>();
    for (int i = 0; i < op.getNumResults(); i++) {
      OpFoldResult result = r.results().get(i);
      if (result.isValue()) {
        replacements.add(result.value());
        continue;
      }
      Operation constant = materialize(op, result.attribute(), i);
      if (constant == null) {
        created.forEach(rewriter::eraseOp);
        rewriter.restoreInsertionPoint(saved);
        return false;
      }
      created.add(constant);
      replacements.add(constant.getResult(0));
    }
    rewriter.restoreInsertionPoint(saved);
    rewriter.replaceOp(op, replacements);
    return true;
  }

  private Operation materialize(Operation op, Attribute value, int resultIndex) {
    Dialect dialect = context.getDialect(op.getName().getDialectNamespace());
    if (dialect == null) {
      return null;
    }
    Location loc = op.getLoc();
    return dialect.materializeConstant(rewriter, value, op.getResult(resultIndex).getType(), loc);
  }

  // ---- the worklist -----------------------------------------------------------------------------

  /** Adds {@code op} and its ancestors up to the scope; ops outside the scope are ignored. */
  private void addToWorklist(Operation op) {
    Region region = op.getParentRegion();
    if (region == scope) {
      worklist.push(op);
      return;
    }
    List<Operation> ancestors = new ArrayList<>();
    ancestors.add(op);
    while (region != null) {
      if (region == scope) {
        ancestors.forEach(worklist::push);
        return;
      }
      Operation parent = region.getParentOp();
      if (parent == null) {
        return;
      }
      ancestors.add(parent);
      region = parent.getParentRegion();
    }
  }

  /**
   * Re-adds the definitions of {@code op}'s operands that will have at most one user left once
   * {@code op} is gone: they may now be dead, or newly simplifiable.
   */
  private void addOperandsToWorklist(Operation op) {
    for (int i = 0; i < op.getNumOperands(); i++) {
      Value operand = op.getOperand(i);
      Operation def = operand.getDefiningOp();
      if (def != null && atMostOneOtherUser(operand, op)) {
        addToWorklist(def);
      }
    }
  }

  private static boolean atMostOneOtherUser(Value v, Operation except) {
    Operation other = null;
    for (OpOperand use : v.getUses()) {
      Operation user = use.getOwner();
      if (user == except || user == other) {
        continue;
      }
      if (other != null) {
        return false;
      }
      other = user;
    }
    return true;
  }

  // ---- listening to the rewriter ----------------------------------------------------------------

  @Override
  public void notifyOperationInserted(Operation op) {
    if (config.listener() != null) {
      config.listener().notifyOperationInserted(op);
    }
    addToWorklist(op);
  }

  @Override
  public void notifyOperationModified(Operation op) {
    if (config.listener() != null) {
      config.listener().notifyOperationModified(op);
    }
    addToWorklist(op);
  }

  @Override
  public void notifyOperationReplaced(Operation op, List<? extends Value> replacement) {
    if (config.listener() != null) {
      config.listener().notifyOperationReplaced(op, replacement);
    }
  }

  @Override
  public void notifyOperationErased(Operation op) {
    if (config.listener() != null) {
      config.listener().notifyOperationErased(op);
    }
    addOperandsToWorklist(op);
    worklist.remove(op);
  }

  @Override
  public void notifyBlockInserted(Block block) {
    if (config.listener() != null) {
      config.listener().notifyBlockInserted(block);
    }
  }

  @Override
  public void notifyBlockErased(Block block) {
    if (config.listener() != null) {
      config.listener().notifyBlockErased(block);
    }
  }

  @Override
  public void notifyMatchFailure(Location loc, String reason) {
    if (config.listener() != null) {
      config.listener().notifyMatchFailure(loc, reason);
    }
  }
}

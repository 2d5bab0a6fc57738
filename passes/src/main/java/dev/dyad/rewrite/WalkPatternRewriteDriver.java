package dev.dyad.rewrite;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Applies patterns in one sweep (MLIR's {@code walkAndApplyPatterns}): every op nested in the
 * root when the sweep starts is visited once, in post-order, and given to the first pattern that
 * applies. Ops the patterns create are not visited, erased ones are skipped, nothing is folded
 * and nothing is revisited, so the result need not be a fixpoint, but the cost is one visit per op.
 */
public final class WalkPatternRewriteDriver {
  private WalkPatternRewriteDriver() {}

  /** Sweeps the regions of {@code root}; returns how many patterns applied. */
  public static int walkAndApplyPatterns(Context ctx, Operation root, PatternSet patterns,
      RewriterListener listener) {
    PatternApplicator applicator = new PatternApplicator(patterns);
    Set<Operation> erased = Collections.newSetFromMap(new IdentityHashMap<>());
    PatternRewriter rewriter = new PatternRewriter(ctx);
    rewriter.addListener(new RewriterListener() {
      @Override
      public void notifyOperationErased(Operation op) {
        erased.add(op);
      }
    });
    if (listener != null) {
      rewriter.addListener(listener);
    }
    List<Operation> order = new ArrayList<>();
    for (Region r : root.getRegions()) {
      r.getBlocks().forEach(b -> b.getOperations().forEach(op -> op.walk(order::add)));
    }
    int applied = 0;
    for (Operation op : order) {
      if (!erased.contains(op) && applicator.matchAndRewrite(op, rewriter) != null) {
        applied++;
      }
    }
    return applied;
  }

  public static int walkAndApplyPatterns(Context ctx, Operation root, PatternSet patterns) {
    return walkAndApplyPatterns(ctx, root, patterns, null);
  }
}

package dev.dyad.rewrite;

import dev.dyad.ir.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the patterns to try on an op, as MLIR's {@code PatternApplicator} with the default cost
 * model: the op's own patterns and the any-op patterns, each stably sorted by decreasing benefit,
 * interleaved by benefit with the op's own first on ties.
 */
public final class PatternApplicator {
  private static final Comparator<RewritePattern> BY_BENEFIT =
      Comparator.comparingInt(RewritePattern::benefit).reversed();

  private final Map<String, List<RewritePattern>> byRoot = new HashMap<>();
  private final List<RewritePattern> anyOp = new ArrayList<>();
  private final Map<String, List<RewritePattern>> merged = new HashMap<>();

  public PatternApplicator(PatternSet patterns) {
    for (RewritePattern p : patterns.patterns()) {
      if (p.rootName() == null) {
        anyOp.add(p);
      } else {
        byRoot.computeIfAbsent(p.rootName(), k -> new ArrayList<>()).add(p);
      }
    }
    byRoot.values().forEach(list -> list.sort(BY_BENEFIT));
    anyOp.sort(BY_BENEFIT);
  }

  /** The patterns for ops named {@code opName}, in the order they are tried. */
  public List<RewritePattern> patternsFor(String opName) {
    return merged.computeIfAbsent(opName, this::merge);
  }

  private List<RewritePattern> merge(String opName) {
    List<RewritePattern> own = byRoot.getOrDefault(opName, List.of());
    List<RewritePattern> out = new ArrayList<>(own.size() + anyOp.size());
    int i = 0;
    int j = 0;
    while (i < own.size() || j < anyOp.size()) {
      boolean takeAny = i == own.size() || (j < anyOp.size() && own.get(i).benefit() < anyOp.get(j).benefit());
      out.add(takeAny ? anyOp.get(j++) : own.get(i++));
    }
    return List.copyOf(out);
  }

  public boolean isEmpty() {
    return byRoot.isEmpty() && anyOp.isEmpty();
  }

  /**
   * Tries the patterns for {@code op} in order, each with the insertion point right before
   * {@code op}, until one applies; returns the one that did, or null.
   */
  public RewritePattern matchAndRewrite(Operation op, PatternRewriter rewriter) {
    for (RewritePattern p : patternsFor(op.getNameString())) {
      rewriter.setInsertionPoint(op);
      if (p.matchAndRewrite(op, rewriter)) {
        return p;
      }
    }
    return null;
  }
}

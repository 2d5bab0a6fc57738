package dev.dyad.rewrite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** An ordered collection of patterns (MLIR's {@code RewritePatternSet}); order breaks benefit ties. */
public final class PatternSet {
  private final List<RewritePattern> patterns = new ArrayList<>();

  public PatternSet() {}

  public PatternSet(Collection<? extends RewritePattern> patterns) {
    this.patterns.addAll(patterns);
  }

  public PatternSet add(RewritePattern... more) {
    Collections.addAll(patterns, more);
    return this;
  }

  public PatternSet addAll(PatternSet other) {
    patterns.addAll(other.patterns);
    return this;
  }

  public List<RewritePattern> patterns() {
    return Collections.unmodifiableList(patterns);
  }

  public int size() {
    return patterns.size();
  }

  /**
   * The patterns left after MLIR's label filters: drop those named in {@code disabled}, and when
   * {@code enabled} is not empty keep only those named in it. A name also matches with a C++
   * qualifier, as MLIR spells its patterns: {@code (anonymous namespace)::AddIAddConstant}.
   */
  public PatternSet filtered(Collection<String> disabled, Collection<String> enabled) {
    PatternSet out = new PatternSet();
    for (RewritePattern p : patterns) {
      boolean off = names(disabled, p) || (!enabled.isEmpty() && !names(enabled, p));
      if (!off) {
        out.patterns.add(p);
      }
    }
    return out;
  }

  private static boolean names(Collection<String> labels, RewritePattern p) {
    for (String label : labels) {
      if (label.equals(p.debugName()) || label.endsWith("::" + p.debugName())) {
        return true;
      }
    }
    return false;
  }
}

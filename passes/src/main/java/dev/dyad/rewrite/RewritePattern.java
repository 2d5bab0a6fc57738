package dev.dyad.rewrite;

import dev.dyad.ir.Operation;
import java.util.Objects;

/**
 * A rewrite rule rooted at ops of one name (or at any op): {@link #matchAndRewrite} changes the
 * IR only through the rewriter and returns true exactly when it changed it. Among patterns for
 * the same op, a higher benefit is tried first.
 */
public abstract class RewritePattern {
  private final String rootName;
  private final int benefit;
  private final String debugName;

  /** A pattern for ops named {@code rootName} (null: any op). */
  protected RewritePattern(String rootName, int benefit) {
    this(rootName, benefit, null);
  }

  protected RewritePattern(String rootName, int benefit, String debugName) {
    if (benefit < 0) {
      throw new IllegalArgumentException("pattern benefit must not be negative: " + benefit);
    }
    this.rootName = rootName;
    this.benefit = benefit;
    this.debugName = debugName != null ? debugName : getClass().getSimpleName();
  }

  /** A pattern from a function, handy for small rules and tests. */
  public static RewritePattern of(String debugName, String rootName, int benefit, Rule rule) {
    Objects.requireNonNull(rule);
    return new RewritePattern(rootName, benefit, debugName) {
      @Override
      public boolean matchAndRewrite(Operation op, PatternRewriter rewriter) {
        return rule.apply(op, rewriter);
      }
    };
  }

  /** The body of a pattern made by {@link #of}. */
  @FunctionalInterface
  public interface Rule {
    boolean apply(Operation op, PatternRewriter rewriter);
  }

  /** Rewrites {@code op} if it matches; true exactly when the IR changed. */
  public abstract boolean matchAndRewrite(Operation op, PatternRewriter rewriter);

  /** The op name this pattern is rooted at, or null when it applies to any op. */
  public String rootName() {
    return rootName;
  }

  public int benefit() {
    return benefit;
  }

  /** The name used by pattern filters and diagnostics (the class name unless given). */
  public String debugName() {
    return debugName;
  }

  @Override
  public String toString() {
    return debugName;
  }
}

package dev.dyad.rewrite;

import dev.dyad.ir.Operation;
import java.util.function.Function;

/**
 * A pattern over a typed op wrapper (MLIR's {@code OpRewritePattern}): rooted at one op name,
 * it sees the matched op as a {@code T}, e.g. {@code new OpPattern<>(AddIOp.NAME, AddIOp::new)}.
 */
public abstract class OpPattern<T> extends RewritePattern {
  private final Function<Operation, T> wrap;

  protected OpPattern(String opName, Function<Operation, T> wrap, int benefit) {
    super(opName, benefit);
    this.wrap = wrap;
  }

  protected OpPattern(String opName, Function<Operation, T> wrap) {
    this(opName, wrap, 1);
  }

  @Override
  public final boolean matchAndRewrite(Operation op, PatternRewriter rewriter) {
    return matchAndRewrite(wrap.apply(op), rewriter);
  }

  /** Rewrites {@code op} if it matches; true exactly when the IR changed. */
  public abstract boolean matchAndRewrite(T op, PatternRewriter rewriter);
}

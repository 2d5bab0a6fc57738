package dev.dyad.conversion;

import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import java.util.List;
import java.util.function.Function;

/** A conversion pattern over a typed op wrapper (MLIR's {@code OpConversionPattern}). */
public abstract class OpConversionPattern<T> extends ConversionPattern {
  private final Function<Operation, T> wrap;

  protected OpConversionPattern(String opName, Function<Operation, T> wrap, TypeConverter typeConverter, int benefit) {
    super(opName, benefit, typeConverter);
    this.wrap = wrap;
  }

  protected OpConversionPattern(String opName, Function<Operation, T> wrap, TypeConverter typeConverter) {
    this(opName, wrap, typeConverter, 1);
  }

  @Override
  public final boolean matchAndRewrite(Operation op, List<Value> operands, ConversionPatternRewriter rewriter) {
    return matchAndRewrite(wrap.apply(op), operands, rewriter);
  }

  /** Rewrites {@code op} given its converted {@code operands}; true exactly when the IR changed. */
  public abstract boolean matchAndRewrite(T op, List<Value> operands, ConversionPatternRewriter rewriter);
}

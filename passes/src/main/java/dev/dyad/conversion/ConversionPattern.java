package dev.dyad.conversion;

import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.rewrite.PatternRewriter;
import dev.dyad.rewrite.RewritePattern;
import java.util.List;

/**
 * A pattern of a dialect conversion (MLIR's {@code ConversionPattern}): it sees the op's operands
 * as already converted (the adaptor), with the types its type converter gives, and rewrites
 * through a {@link ConversionPatternRewriter}.
 */
public abstract class ConversionPattern extends RewritePattern {
  private final TypeConverter typeConverter;

  protected ConversionPattern(String rootName, int benefit, TypeConverter typeConverter) {
    super(rootName, benefit);
    this.typeConverter = typeConverter;
  }

  /** The converter for operand and result types, or null. */
  public TypeConverter typeConverter() {
    return typeConverter;
  }

  /** Rewrites {@code op} given its converted {@code operands}; true exactly when the IR changed. */
  public abstract boolean matchAndRewrite(Operation op, List<Value> operands, ConversionPatternRewriter rewriter);

  @Override
  public final boolean matchAndRewrite(Operation op, PatternRewriter rewriter) {
    if (!(rewriter instanceof ConversionPatternRewriter conversion)) {
      throw new IllegalStateException(debugName() + " is a conversion pattern: apply it with DialectConversion");
    }
    TypeConverter previous = conversion.getTypeConverter();
    conversion.setTypeConverter(typeConverter);
    try {
      return matchAndRewrite(op, conversion.getRemappedOperands(op), conversion);
    } finally {
      conversion.setTypeConverter(previous);
    }
  }
}

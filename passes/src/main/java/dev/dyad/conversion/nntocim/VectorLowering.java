package dev.dyad.conversion.nntocim;

import dev.dyad.conversion.ConversionPattern;
import dev.dyad.conversion.ConversionPatternRewriter;
import dev.dyad.dialect.cim.VectorOp;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import java.util.List;

/**
 * Any nn op as work for the digital vector unit: {@code cim.vector} with {@code kind} = the op's
 * name and {@code params} = its properties, same operands and result types. Products whose
 * weight is a constant are left to the array patterns ({@link ArrayProducts#onArrays}), and so are
 * products of two activations that the {@code attention} option puts onto arrays.
 */
final class VectorLowering extends ConversionPattern {
  private final Lowering lowering;

  VectorLowering(String opName, Lowering lowering) {
    super(opName, 1, null);
    this.lowering = lowering;
  }

  @Override
  public String debugName() {
    return "NnToVector";
  }

  @Override
  public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionPatternRewriter rewriter) {
    if (ArrayProducts.onArrays(op)) {
      return rewriter.notifyMatchFailure(op, "its weight is a constant, so it belongs on the CIM arrays");
    }
    if (MatmulLowering.activationProductOnArrays(op, lowering)) {
      return rewriter.notifyMatchFailure(op, "attention=" + lowering.attention.spelling()
          + " puts this product of two activations on arrays written at run time");
    }
    lowering.vectorOps++;
    VectorOp v = VectorOp.create(rewriter, op.getLoc(), op.getNameString(), op.getPropertiesDictionary(), operands,
        op.getResultTypes());
    rewriter.replaceOp(op, v.outputs());
    return true;
  }
}

package dev.dyad.conversion.nntocim;

import dev.dyad.conversion.ConversionPatternRewriter;
import dev.dyad.conversion.OpConversionPattern;
import dev.dyad.dialect.nn.LinearOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.RankedTensorType;
import java.util.List;

/**
 * {@code nn.linear} with a constant weight onto the arrays: x {@code [..., in]} reshaped to
 * {@code [M, in]} → {@code cim.mmm} against the weight transposed to {@code [in, out]} → reshaped
 * back to {@code [..., out]} → bias added as {@code nn.add} (which broadcasts {@code [out]}).
 */
final class LinearLowering extends OpConversionPattern<LinearOp> {
  private final Lowering lowering;

  LinearLowering(Lowering lowering) {
    super(LinearOp.NAME, LinearOp::new, null, 2);
    this.lowering = lowering;
  }

  @Override
  public String debugName() {
    return "LinearToMmm";
  }

  @Override
  public boolean matchAndRewrite(LinearOp linear, List<Value> operands, ConversionPatternRewriter rewriter) {
    ConstantValue w = ConstantValue.of(linear.weight());
    if (w == null) {
      return rewriter.notifyMatchFailure(linear.op(), "its weight is not a constant");
    }
    Value x = operands.get(0);
    String problem = lowering.precisionProblem(((RankedTensorType) x.getType()).elementType());
    if (problem != null) {
      return rewriter.notifyMatchFailure(linear.op(), problem);
    }
    Location loc = linear.op().getLoc();
    List<Long> in = Lowering.shape(x);
    long features = w.dim(1);
    long m = Lowering.product(in.subList(0, in.size() - 1));
    Value rows = lowering.reshape(rewriter, loc, x, m, features);
    Value y = lowering.multiply(rewriter, loc, rows, w.transpose(1, 0), linear.inputZeroPoint(),
        linear.weightZeroPoint(), LinearOp.NAME);
    y = lowering.reshape(rewriter, loc, y, Lowering.shape(linear.output()));
    if (operands.size() > 2) {
      y = lowering.add(rewriter, loc, y, operands.get(2));
    }
    lowering.replacedConstants.add(linear.weight().getDefiningOp());
    rewriter.replaceOp(linear.op(), List.of(y));
    return true;
  }
}

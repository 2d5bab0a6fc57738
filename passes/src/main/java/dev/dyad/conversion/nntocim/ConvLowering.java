package dev.dyad.conversion.nntocim;

import dev.dyad.conversion.ConversionPatternRewriter;
import dev.dyad.conversion.OpConversionPattern;
import dev.dyad.dialect.cim.Col2ImOp;
import dev.dyad.dialect.cim.ConvWindow;
import dev.dyad.dialect.cim.Im2ColOp;
import dev.dyad.dialect.nn.Conv2dOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.RankedTensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nn.conv2d} with a constant weight onto the arrays: per group (or per block of packed
 * groups) {@code cim.im2col} → {@code cim.mmm} against the group's OIHW weights as a K×N matrix
 * (K = Cg·KH·KW, N = O_g) → one {@code cim.col2im} of all groups → bias added as {@code nn.add}
 * of a [1, O, 1, 1] view.
 *
 * <p>Packing (depthwise convolutions above all): B groups share one product whose K×N weight is
 * block-diagonal — group j's weights at rows j·Kg and columns j·O_g, the weight zero point
 * elsewhere, so the other groups' inputs contribute {@code (x − zx)·0}. B is the largest divisor of
 * the group count whose block fits one array (B·Kg ≤ rows, B·O_g ≤ weights per row); the
 * im2col of a block is that of a convolution with group/B groups, whose columns are exactly the
 * block's Kg-column groups in order.
 */
final class ConvLowering extends OpConversionPattern<Conv2dOp> {
  private static final String SOURCE = Conv2dOp.NAME;
  private final Lowering lowering;

  ConvLowering(Lowering lowering) {
    super(Conv2dOp.NAME, Conv2dOp::new, null, 2);
    this.lowering = lowering;
  }

  @Override
  public String debugName() {
    return "Conv2dToMmm";
  }

  @Override
  public boolean matchAndRewrite(Conv2dOp conv, List<Value> operands, ConversionPatternRewriter rewriter) {
    ConstantValue w = ConstantValue.of(conv.weight());
    if (w == null) {
      return rewriter.notifyMatchFailure(conv.op(), "its weight is not a constant");
    }
    Value x = operands.get(0);
    String problem = lowering.precisionProblem(((RankedTensorType) x.getType()).elementType());
    if (problem != null) {
      return rewriter.notifyMatchFailure(conv.op(), problem);
    }
    Location loc = conv.op().getLoc();
    long o = w.dim(0);
    long kg = w.dim(1) * w.dim(2) * w.dim(3);
    long groups = conv.group();
    long og = o / groups;
    long zx = conv.inputZeroPoint();
    long zw = conv.weightZeroPoint();
    long packed = packing(groups, kg, og);
    ConstantValue matrix = w.reshape(o, kg);
    List<Value> blocks = new ArrayList<>();
    for (long block = 0; block < groups / packed; block++) {
      Value rows = Im2ColOp.create(rewriter, loc, x, window(conv, w, groups / packed, block, zx)).output();
      ConstantValue weight = packed == 1
          ? matrix.slice(new long[] {block * og, 0}, new long[] {(block + 1) * og, kg}).transpose(1, 0)
          : blockDiagonal(matrix, block, packed, og, kg, zw);
      blocks.add(lowering.multiply(rewriter, loc, rows, weight, zx, zw, SOURCE));
    }
    if (packed > 1) {
      lowering.packedGroups += groups;
    }
    List<Long> out = ((RankedTensorType) conv.output().getType()).shape();
    Value y = Col2ImOp.create(rewriter, loc, blocks, out.get(0), out.get(1), out.get(2), out.get(3)).output();
    if (operands.size() > 2) {
      y = lowering.add(rewriter, loc, y, lowering.biasView(rewriter, loc, operands.get(2), 1, o, 1, 1));
    }
    lowering.replacedConstants.add(conv.weight().getDefiningOp());
    rewriter.replaceOp(conv.op(), List.of(y));
    return true;
  }

  /** How many groups share a product: 1 unless packing is on and a block of two or more fits one array. */
  private long packing(long groups, long kg, long og) {
    if (groups == 1 || lowering.groupedConv != NnToCimPass.GroupedConv.PACKED) {
      return 1;
    }
    for (long b = groups; b >= 2; b--) {
      if (groups % b == 0 && b * kg <= lowering.arch.rows() && b * og <= lowering.arch.weightCols()) {
        return b;
      }
    }
    return 1;
  }

  private static ConvWindow window(Conv2dOp conv, ConstantValue w, long group, long groupIndex, long padValue) {
    long[] s = conv.strides();
    long[] p = conv.pads();
    long[] d = conv.dilations();
    return new ConvWindow(w.dim(2), w.dim(3), s[0], s[1], p[0], p[1], p[2], p[3], d[0], d[1], group, groupIndex,
        padValue);
  }

  /**
   * The K×N weight [B·Kg, B·O_g] of block {@code block} of {@code b} groups from the [O, Kg]
   * matrix: for each output o of a group, the groups' [B, Kg] rows are placed on a diagonal by
   * padding each row with B·Kg zero points, flattening and keeping the first B·B·Kg elements
   * (row j then starts at column j·Kg).
   */
  private static ConstantValue blockDiagonal(ConstantValue matrix, long block, long b, long og, long kg, long zw) {
    ConstantValue v = matrix.slice(new long[] {block * b * og, 0}, new long[] {(block + 1) * b * og, kg});
    v = v.reshape(b, og, kg).transpose(1, 0, 2);
    v = v.pad(new long[] {0, 0, 0, 0, 0, b * kg}, zw);
    v = v.reshape(og, b * kg * (b + 1)).slice(new long[] {0, 0}, new long[] {og, b * b * kg});
    v = v.reshape(og, b, b * kg).transpose(1, 0, 2);
    return v.reshape(b * og, b * kg).transpose(1, 0);
  }
}

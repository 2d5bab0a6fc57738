package dev.dyad.conversion.nntocim;

import dev.dyad.conversion.ConversionPattern;
import dev.dyad.conversion.ConversionPatternRewriter;
import dev.dyad.dialect.nn.BatchMatmulOp;
import dev.dyad.dialect.nn.MatmulOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.matmul} and {@code nn.batch_matmul} whose b is a constant onto the arrays, and those
 * of two activations that the {@code attention} option puts there (b written at run time, as a
 * {@code runtime_weights} product). When b has
 * no batch dimensions other than 1, a's batch dimensions fold into M: a {@code [..., M, K]} is
 * reshaped to {@code [B·M, K]}, one product against b as {@code [K, N]}, reshaped to the result.
 * Otherwise each batch element of the (broadcast) result is its own product — a's and b's
 * matching elements sliced out — and the products are concatenated. Transposed operands are
 * swapped first: a by a vector transpose, b in the constant (a vector transpose when computed).
 */
final class MatmulLowering extends ConversionPattern {
  private final Lowering lowering;

  MatmulLowering(String opName, Lowering lowering) {
    super(opName, 2, null);
    this.lowering = lowering;
  }

  @Override
  public String debugName() {
    return "MatmulToMmm";
  }

  /** The parts of nn.matmul and nn.batch_matmul the lowering reads. */
  private record Matmul(Value b, boolean transposeA, boolean transposeB, long zx, long zw, RankedTensorType result) {
    static Matmul of(Operation op) {
      RankedTensorType result = (RankedTensorType) op.getResult(0).getType();
      if (MatmulOp.isa(op)) {
        MatmulOp m = new MatmulOp(op);
        return new Matmul(m.b(), m.transposeA(), m.transposeB(), m.inputZeroPoint(), m.weightZeroPoint(), result);
      }
      BatchMatmulOp m = new BatchMatmulOp(op);
      return new Matmul(m.b(), m.transposeA(), m.transposeB(), m.inputZeroPoint(), m.weightZeroPoint(), result);
    }
  }

  /**
   * Whether {@code op} (nn.matmul or nn.batch_matmul) multiplies two activations and the chip's
   * cost rule puts it onto arrays written at run time ({@link Lowering#activationProductOnArrays}).
   */
  static boolean activationProductOnArrays(Operation op, Lowering lowering) {
    if (!MatmulOp.isa(op) && !BatchMatmulOp.isa(op)) {
      return false;
    }
    Matmul mm = Matmul.of(op);
    if (ConstantValue.of(mm.b()) != null) {
      return false;
    }
    List<Long> a = Lowering.shape(op.getOperand(0));
    List<Long> b = Lowering.shape(mm.b());
    long m = a.get(a.size() - (mm.transposeA() ? 1 : 2));
    long k = a.get(a.size() - (mm.transposeA() ? 2 : 1));
    long n = b.get(b.size() - (mm.transposeB() ? 2 : 1));
    Type element = ((RankedTensorType) op.getOperand(0).getType()).elementType();
    return lowering.activationProductOnArrays(element, m, k, n);
  }

  @Override
  public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionPatternRewriter rewriter) {
    Matmul mm = Matmul.of(op);
    ConstantValue constant = ConstantValue.of(mm.b());
    if (constant == null && !activationProductOnArrays(op, lowering)) {
      return rewriter.notifyMatchFailure(op, "b is not a constant, and a product of two activations stays on the"
          + " vector unit (attention=" + lowering.attention.spelling() + ")");
    }
    Value a = operands.get(0);
    String problem = lowering.precisionProblem(((RankedTensorType) a.getType()).elementType());
    if (problem != null) {
      return rewriter.notifyMatchFailure(op, problem);
    }
    Location loc = op.getLoc();
    if (mm.transposeA()) {
      a = lowering.transpose(rewriter, loc, a, swapLastTwo(Lowering.shape(a).size()));
    }
    Value runtimeB = constant == null ? operands.get(1) : null;
    if (mm.transposeB()) {
      if (constant != null) {
        constant = constant.transpose(swapLastTwo(constant.shape().size()));
      } else {
        runtimeB = lowering.transpose(rewriter, loc, runtimeB, swapLastTwo(Lowering.shape(runtimeB).size()));
      }
    }
    List<Long> bShape = constant != null ? constant.shape() : Lowering.shape(runtimeB);
    List<Long> aShape = Lowering.shape(a);
    int aBatch = aShape.size() - 2;
    int bBatch = bShape.size() - 2;
    long m = aShape.get(aBatch);
    long k = aShape.get(aBatch + 1);
    long n = bShape.get(bBatch + 1);
    List<Long> result = mm.result().shape();
    List<Long> batch = result.subList(0, result.size() - 2);
    Value y;
    if (Lowering.product(bShape.subList(0, bBatch)) == 1) {
      Value rows = lowering.reshape(rewriter, loc, a, Lowering.product(aShape.subList(0, aBatch)) * m, k);
      Lowering.Weight weight = constant != null ? constant.reshape(k, n)
          : new Lowering.RuntimeWeight(lowering, lowering.reshape(rewriter, loc, runtimeB, k, n));
      y = lowering.multiply(rewriter, loc, rows, weight, mm.zx(), mm.zw(), op.getNameString());
    } else {
      List<Value> pieces = new ArrayList<>();
      long count = Lowering.product(batch);
      for (long r = 0; r < count; r++) {
        long[] index = unflatten(r, batch);
        Value rows = lowering.reshape(rewriter, loc, batchElement(rewriter, loc, a, index), m, k);
        Lowering.Weight weight = constant != null
            ? constant.slice(starts(index, bShape), ends(index, bShape)).reshape(k, n)
            : new Lowering.RuntimeWeight(lowering,
                lowering.reshape(rewriter, loc, batchElement(rewriter, loc, runtimeB, index), k, n));
        pieces.add(lowering.multiply(rewriter, loc, rows, weight, mm.zx(), mm.zw(), op.getNameString()));
      }
      y = lowering.concat(rewriter, loc, pieces, 0);
    }
    y = lowering.reshape(rewriter, loc, y, result);
    if (constant != null) {
      lowering.replacedConstants.add(mm.b().getDefiningOp());
    }
    rewriter.replaceOp(op, List.of(y));
    return true;
  }

  /** The [1, ..., 1, rows, cols] element of activation {@code a} at the broadcast batch {@code index}. */
  private Value batchElement(ConversionPatternRewriter rewriter, Location loc, Value a, long[] index) {
    List<Long> shape = Lowering.shape(a);
    int batch = shape.size() - 2;
    if (batch == 0) {
      return a;
    }
    long[] axes = new long[batch];
    long[] from = starts(index, shape);
    long[] to = ends(index, shape);
    for (int i = 0; i < batch; i++) {
      axes[i] = i;
    }
    return lowering.slice(rewriter, loc, a, Arrays.copyOf(from, batch), Arrays.copyOf(to, batch), axes);
  }

  /**
   * Where the broadcast batch {@code index} starts in a tensor of {@code shape}: its batch
   * dimensions align with the index's trailing ones, and a dimension of 1 is broadcast (index 0);
   * the last two dimensions start at 0.
   */
  private static long[] starts(long[] index, List<Long> shape) {
    int rank = shape.size();
    int batch = rank - 2;
    long[] s = new long[rank];
    for (int i = 0; i < batch; i++) {
      long at = index[index.length - batch + i];
      s[i] = shape.get(i) == 1 ? 0 : at;
    }
    return s;
  }

  private static long[] ends(long[] index, List<Long> shape) {
    long[] e = starts(index, shape);
    int rank = shape.size();
    for (int i = 0; i < rank - 2; i++) {
      e[i]++;
    }
    e[rank - 2] = shape.get(rank - 2);
    e[rank - 1] = shape.get(rank - 1);
    return e;
  }

  private static long[] unflatten(long flat, List<Long> shape) {
    long[] index = new long[shape.size()];
    for (int i = shape.size() - 1; i >= 0; i--) {
      index[i] = flat % shape.get(i);
      flat /= shape.get(i);
    }
    return index;
  }

  private static long[] swapLastTwo(int rank) {
    long[] perm = new long[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    return perm;
  }
}

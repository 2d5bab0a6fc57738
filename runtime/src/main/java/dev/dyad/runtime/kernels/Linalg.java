package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Shapes;
import dev.dyad.runtime.tensor.Tensor;
import java.util.Arrays;

/**
 * Matrix products: {@code matmul} (numpy semantics with optional transposes and batch broadcasting),
 * {@code batch_matmul} and {@code linear} (y = x W^T + b, W as [out, in]), in f32 and in exact integer
 * arithmetic (i8 operands with zero points, i32 accumulation that wraps on overflow).
 *
 * <p>Each product runs i-k-j over row-major [M, K] and [K, N] copies of its operands: the innermost loop
 * updates a contiguous output row (vectorised by the JIT), and every output element receives its products in
 * increasing k, so f32 results equal a sequential dot product: products and sums rounded to f32 (no fused
 * multiply-add), starting from 0, bias added last.
 */
public final class Linalg {
  private Linalg() {}

  public static Tensor matmul(Tensor a, Tensor b) {
    return matmul(a, b, false, false);
  }

  /**
   * numpy {@code matmul} of {@code a} [..., M, K] and {@code b} [..., K, N] (after the optional transposes of
   * their last two axes); batch axes broadcast; a rank-1 operand is a row (a) or column (b) vector whose axis
   * is dropped from the result. f32 only; see {@link #matmulInteger} for i8.
   */
  public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    a.requireType(DType.F32);
    b.requireType(DType.F32);
    return product(a, b, transposeA, transposeB, 0, 0, false);
  }

  /** {@code matmul} of i8 operands: i32 {@code sum (a - aZero)(b - bZero)}. */
  public static Tensor matmulInteger(Tensor a, Tensor b, boolean transposeA, boolean transposeB, int aZero,
      int bZero) {
    a.requireType(DType.I8);
    b.requireType(DType.I8);
    return product(a, b, transposeA, transposeB, aZero, bZero, true);
  }

  /** Product of two activations [B..., M, K] x [B..., K, N] of rank at least 3 with equal batch shapes. */
  public static Tensor batchMatmul(Tensor a, Tensor b) {
    checkBatch(a, b);
    return matmul(a, b);
  }

  public static Tensor batchMatmulInteger(Tensor a, Tensor b, int aZero, int bZero) {
    checkBatch(a, b);
    return matmulInteger(a, b, false, false, aZero, bZero);
  }

  /** {@code y = x W^T + bias}: x [..., in], W [out, in], bias [out] or null. */
  public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
    checkLinear(x, weight, bias);
    Tensor y = matmul(x, weight, false, true);
    if (bias == null) {
      return y;
    }
    return Elementwise.add(y, bias.requireType(DType.F32));
  }

  /** Integer {@code linear}: i8 x and W, optional i32 bias, i32 result; the bias addition wraps. */
  public static Tensor linearInteger(Tensor x, Tensor weight, Tensor bias, int xZero, int wZero) {
    checkLinear(x, weight, bias);
    Tensor y = matmulInteger(x, weight, false, true, xZero, wZero);
    if (bias == null) {
      return y;
    }
    bias.requireType(DType.I32);
    int[] out = y.toIntArray();
    int n = bias.size();
    for (int i = 0; i < out.length; i++) {
      out[i] += bias.intAt(i % n);
    }
    return Tensor.wrapInts(y.shape(), out);
  }

  private static void checkBatch(Tensor a, Tensor b) {
    if (a.rank() < 3 || a.rank() != b.rank()
        || !Arrays.equals(Arrays.copyOf(a.shape(), a.rank() - 2), Arrays.copyOf(b.shape(), b.rank() - 2))) {
      throw new KernelException("batch_matmul needs operands of equal rank >= 3 and equal batch axes, got "
          + Shapes.toString(a.shape()) + " and " + Shapes.toString(b.shape()));
    }
  }

  private static void checkLinear(Tensor x, Tensor weight, Tensor bias) {
    if (weight.rank() != 2 || x.rank() < 1 || x.dim(-1) != weight.dim(1)) {
      throw new KernelException("linear: input " + Shapes.toString(x.shape()) + " does not match weight "
          + Shapes.toString(weight.shape()) + " ([out, in])");
    }
    if (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0))) {
      throw new KernelException("linear: bias must have shape [" + weight.dim(0) + "], got "
          + Shapes.toString(bias.shape()));
    }
  }

  private static Tensor product(Tensor a, Tensor b, boolean transposeA, boolean transposeB, int aZero, int bZero,
      boolean integer) {
    if (a.rank() == 0 || b.rank() == 0) {
      throw new KernelException("matmul operands must have rank >= 1");
    }
    boolean vecA = a.rank() == 1;
    boolean vecB = b.rank() == 1;
    int[] as = vecA ? new int[] {1, a.dim(0)} : a.shape();
    int[] bs = vecB ? new int[] {b.dim(0), 1} : b.shape();
    if (transposeA && !vecA) {
      swapLast(as);
    }
    if (transposeB && !vecB) {
      swapLast(bs);
    }
    int m = as[as.length - 2];
    int k = as[as.length - 1];
    int n = bs[bs.length - 1];
    if (bs[bs.length - 2] != k) {
      throw new KernelException("matmul: inner dimensions differ: " + Shapes.toString(a.shape())
          + (transposeA ? "^T" : "") + " x " + Shapes.toString(b.shape()) + (transposeB ? "^T" : ""));
    }
    int[] batchA = Arrays.copyOf(as, as.length - 2);
    int[] batchB = Arrays.copyOf(bs, bs.length - 2);
    Broadcast bc = new Broadcast(batchA, batchB);
    int batches = bc.size;
    int[] offA = new int[batches];
    int[] offB = new int[batches];
    bc.offsets(offA, offB);

    int[] outShape = Arrays.copyOf(bc.shape, bc.shape.length + 2);
    outShape[bc.shape.length] = m;
    outShape[bc.shape.length + 1] = n;
    float[] outF = integer ? null : new float[batches * m * n];
    int[] outI = integer ? new int[batches * m * n] : null;
    // A broadcast operand is converted once, not once per batch.
    float[] fa = null;
    float[] fb = null;
    int[] ia = null;
    int[] ib = null;
    for (int t = 0; t < batches; t++) {
      boolean newA = t == 0 || offA[t] != offA[t - 1];
      boolean newB = t == 0 || offB[t] != offB[t - 1];
      int baseA = offA[t] * m * k;
      int baseB = offB[t] * k * n;
      if (integer) {
        ia = newA ? matrixInt(a, baseA, m, k, transposeA && !vecA, aZero) : ia;
        ib = newB ? matrixInt(b, baseB, k, n, transposeB && !vecB, bZero) : ib;
        multiplyInt(ia, ib, outI, t * m * n, m, k, n);
      } else {
        fa = newA ? matrixF32(a, baseA, m, k, transposeA && !vecA) : fa;
        fb = newB ? matrixF32(b, baseB, k, n, transposeB && !vecB) : fb;
        multiplyF32(fa, fb, outF, t * m * n, m, k, n);
      }
    }
    int[] shape = outShape;
    if (vecA && vecB) {
      shape = bc.shape;
    } else if (vecA) {
      shape = dropAxis(outShape, outShape.length - 2);
    } else if (vecB) {
      shape = dropAxis(outShape, outShape.length - 1);
    }
    return integer ? Tensor.wrapInts(shape, outI) : Tensor.wrapFloats(shape, outF);
  }

  private static void multiplyF32(float[] a, float[] b, float[] c, int cBase, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int row = cBase + i * n;
      for (int p = 0; p < k; p++) {
        float av = a[i * k + p];
        int bRow = p * n;
        for (int j = 0; j < n; j++) {
          c[row + j] += av * b[bRow + j];
        }
      }
    }
  }

  private static void multiplyInt(int[] a, int[] b, int[] c, int cBase, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int row = cBase + i * n;
      for (int p = 0; p < k; p++) {
        int av = a[i * k + p];
        int bRow = p * n;
        for (int j = 0; j < n; j++) {
          c[row + j] += av * b[bRow + j];
        }
      }
    }
  }

  /** The [rows, cols] matrix at {@code base}, read from storage that is [cols, rows] when transposed. */
  private static float[] matrixF32(Tensor t, int base, int rows, int cols, boolean transposed) {
    float[] r = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        r[i * cols + j] = t.floatAt(base + (transposed ? j * rows + i : i * cols + j));
      }
    }
    return r;
  }

  private static int[] matrixInt(Tensor t, int base, int rows, int cols, boolean transposed, int zero) {
    int[] r = new int[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        r[i * cols + j] = t.i8At(base + (transposed ? j * rows + i : i * cols + j)) - zero;
      }
    }
    return r;
  }

  private static void swapLast(int[] s) {
    int t = s[s.length - 1];
    s[s.length - 1] = s[s.length - 2];
    s[s.length - 2] = t;
  }

  private static int[] dropAxis(int[] s, int axis) {
    int[] r = new int[s.length - 1];
    for (int i = 0, j = 0; i < s.length; i++) {
      if (i != axis) {
        r[j++] = s[i];
      }
    }
    return r;
  }
}

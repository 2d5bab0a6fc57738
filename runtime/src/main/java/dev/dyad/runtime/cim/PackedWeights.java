package dev.dyad.runtime.cim;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;

/**
 * A weight slice as the MVM kernel wants it, packed once when {@code meta.write_weights} programs
 * it (copies on several arrays share one packing): column-major ints for i8 weights, so that each
 * output is a contiguous dot product the JIT vectorises, with the column sums that fold the zero
 * points out of the inner loop; column-major floats for f32 weights.
 *
 * <p>For i8, {@code Σ_r (x_r − zx)(w_r − zw) = Σ x_r·w_r − zw·Σ x_r − zx·Σ w_r + rows·zx·zw},
 * which holds exactly in wrap-around int arithmetic (the ring of integers mod 2³²), so the result
 * is bit for bit nn's.
 */
public final class PackedWeights {
  private final int rows;
  private final int cols;
  private final int[] intCols;
  private final int[] colSums;
  private final float[] floatCols;

  private PackedWeights(int rows, int cols, int[] intCols, int[] colSums, float[] floatCols) {
    this.rows = rows;
    this.cols = cols;
    this.intCols = intCols;
    this.colSums = colSums;
    this.floatCols = floatCols;
  }

  /** Packs {@code w[rowOffset : +rows, colOffset : +cols]} of a K×N i8 or f32 weight. */
  public static PackedWeights pack(Tensor w, int rowOffset, int rows, int colOffset, int cols) {
    int n = w.dim(1);
    if (w.dtype() == DType.I8) {
      int[] packed = new int[rows * cols];
      int[] sums = new int[cols];
      for (int r = 0; r < rows; r++) {
        int base = (rowOffset + r) * n + colOffset;
        for (int j = 0; j < cols; j++) {
          int v = w.i8At(base + j);
          packed[j * rows + r] = v;
          sums[j] += v;
        }
      }
      return new PackedWeights(rows, cols, packed, sums, null);
    }
    if (w.dtype() == DType.F32) {
      float[] packed = new float[rows * cols];
      for (int r = 0; r < rows; r++) {
        int base = (rowOffset + r) * n + colOffset;
        for (int j = 0; j < cols; j++) {
          packed[j * rows + r] = w.floatAt(base + j);
        }
      }
      return new PackedWeights(rows, cols, null, null, packed);
    }
    throw new IllegalArgumentException("weights must be i8 or f32, got " + w.dtype());
  }

  public boolean isInteger() {
    return intCols != null;
  }

  /**
   * {@code y[m, j] = acc[m, j] + Σ_{r < rows} (x[m, rowOffset + r] − zx)·(W[r, j] − zw)} in
   * wrap-around i32, for an M×K′ i8 input {@code x} (row-major, {@code kx} = K′ columns) and an
   * optional M×cols {@code acc} (null: 0).
   */
  public int[] mvm(byte[] x, int m, int kx, int rowOffset, int zx, int zw, int[] acc) {
    int[] y = acc != null ? acc.clone() : new int[m * cols];
    int[] xr = new int[rows];
    int[] w = intCols;
    int k = rows;
    int constant = k * zx * zw;
    for (int i = 0; i < m; i++) {
      int xo = i * kx + rowOffset;
      int xs = 0;
      for (int r = 0; r < k; r++) {
        int v = x[xo + r];
        xr[r] = v;
        xs += v;
      }
      int corr = constant - zw * xs;
      int yo = i * cols;
      int j = 0;
      // Two columns per pass halve the loads of the input row; each is a plain int reduction.
      for (; j + 1 < cols; j += 2) {
        int w0 = j * k;
        int w1 = w0 + k;
        int s0 = 0;
        int s1 = 0;
        for (int r = 0; r < k; r++) {
          int v = xr[r];
          s0 += v * w[w0 + r];
          s1 += v * w[w1 + r];
        }
        y[yo + j] += s0 + corr - zx * colSums[j];
        y[yo + j + 1] += s1 + corr - zx * colSums[j + 1];
      }
      if (j < cols) {
        int w0 = j * k;
        int s0 = 0;
        for (int r = 0; r < k; r++) {
          s0 += xr[r] * w[w0 + r];
        }
        y[yo + j] += s0 + corr - zx * colSums[j];
      }
    }
    return y;
  }

  /**
   * The f32 form: each output summed from 0 in increasing r, then added to {@code acc} (zero
   * points are 0 on f32).
   */
  public float[] mvm(float[] x, int m, int kx, int rowOffset, float[] acc) {
    float[] y = new float[m * cols];
    float[] w = floatCols;
    for (int i = 0; i < m; i++) {
      int xo = i * kx + rowOffset;
      for (int j = 0; j < cols; j++) {
        int wo = j * rows;
        float s = 0;
        for (int r = 0; r < rows; r++) {
          s += x[xo + r] * w[wo + r];
        }
        y[i * cols + j] = acc != null ? acc[i * cols + j] + s : s;
      }
    }
    return y;
  }
}

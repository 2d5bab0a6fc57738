package dev.dyad.runtime.cim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed MVM kernel against the definition, summed naively, on random slices and zero points. */
class PackedWeightsTest {
  @Test
  void int8SlicesMatchTheNaiveSumWithZeroPointsAndAccumulator() {
    Random rnd = new Random(5);
    for (int c = 0; c < 200; c++) {
      int k = 1 + rnd.nextInt(40);
      int n = 1 + rnd.nextInt(12);
      int m = 1 + rnd.nextInt(7);
      int kx = k + rnd.nextInt(5);
      int rows = 1 + rnd.nextInt(Math.min(k, kx));
      int rowOffset = rnd.nextInt(Math.min(k, kx) - rows + 1);
      int cols = 1 + rnd.nextInt(n);
      int colOffset = rnd.nextInt(n - cols + 1);
      int zx = rnd.nextInt(256) - 128;
      int zw = rnd.nextInt(256) - 128;
      Tensor w = RandomInit.uniform(DType.I8, new int[] {k, n}, c);
      byte[] x = RandomInit.uniform(DType.I8, new int[] {m, kx}, 1000 + c).toI8Array();
      int[] acc = rnd.nextBoolean() ? null : RandomInit.uniform(DType.I32, new int[] {m, cols}, 2000 + c)
          .toIntArray();
      int[] expected = new int[m * cols];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < cols; j++) {
          int s = acc == null ? 0 : acc[i * cols + j];
          for (int r = 0; r < rows; r++) {
            s += (x[i * kx + rowOffset + r] - zx) * (w.i8At((rowOffset + r) * n + colOffset + j) - zw);
          }
          expected[i * cols + j] = s;
        }
      }
      PackedWeights p = PackedWeights.pack(w, rowOffset, rows, colOffset, cols);
      int[] actual = p.mvm(x, m, kx, rowOffset, zx, zw, acc == null ? null : acc.clone());
      assertArrayEquals(expected, actual, "case " + c);
    }
  }

  @Test
  void int32WrapsAroundAsNnDoes() {
    // 300 products of 127 * 127 = 4,838,700 ... and an accumulator near the top: the sum wraps.
    int k = 300;
    byte[] x = new byte[k];
    java.util.Arrays.fill(x, (byte) 127);
    byte[] wv = new byte[k];
    java.util.Arrays.fill(wv, (byte) 127);
    Tensor w = Tensor.wrapI8(new int[] {k, 1}, wv);
    int[] acc = {Integer.MAX_VALUE - 5};
    int expected = Integer.MAX_VALUE - 5 + k * 127 * 127;
    assertArrayEquals(new int[] {expected}, PackedWeights.pack(w, 0, k, 0, 1).mvm(x, 1, k, 0, 0, 0, acc));
  }

  @Test
  void f32SumsInIncreasingRowOrder() {
    float[] xv = {1e8f, 1f, -1e8f};
    Tensor w = Tensor.ofFloats(new int[] {3, 1}, 1f, 1f, 1f);
    // (1e8 + 1) rounds to 1e8 in f32, then - 1e8 = 0: the order is part of the result
    float[] y = PackedWeights.pack(w, 0, 3, 0, 1).mvm(xv, 1, 3, 0, new float[] {0.5f});
    assertArrayEquals(new float[] {0.5f}, y);
  }
}

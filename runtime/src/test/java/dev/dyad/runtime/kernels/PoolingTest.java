package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PoolingTest {
  private static final Tensor X = Tensor.ofFloats(new int[] {1, 1, 4, 4},
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);

  @Test
  void maxPoolFloorAndCeilMode() {
    Pool2dOptions floor = new Pool2dOptions(3, 3, 2, 2, 0, 0, 0, 0, 1, 1, false, false);
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 1, 1}, 11), Pooling.maxPool2d(X, floor));
    Pool2dOptions ceil = new Pool2dOptions(3, 3, 2, 2, 0, 0, 0, 0, 1, 1, true, false);
    // ceil((4 - 3) / 2) + 1 = 2; the second window covers only rows/columns 2..3.
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 2, 2}, 11, 12, 15, 16), Pooling.maxPool2d(X, ceil));
  }

  @Test
  void ceilModeDropsAWindowStartingInThePadding() {
    // in 4, k 2, s 2, pad 1+1: ceil((6 - 2) / 2) + 1 = 3 windows, starting at -1, 1, 3: all start inside.
    assertEquals(3, Pooling.outputSize(4, 2, 2, 1, 1, 1, true));
    // in 5, k 2, s 2, pad 1+1: ceil(5 / 2) + 1 = 4, but the last would start at 5 = in + pad - 1 + 1: dropped.
    assertEquals(3, Pooling.outputSize(5, 2, 2, 1, 1, 1, true));
    assertEquals(3, Pooling.outputSize(5, 2, 2, 1, 1, 1, false));
  }

  @Test
  void maxPoolOnInt8WithPaddingIgnored() {
    Tensor x = Tensor.ofI8(new int[] {1, 1, 2, 2}, -100, -50, -128, -1);
    Pool2dOptions o = new Pool2dOptions(2, 2, 1, 1, 1, 1, 0, 0, 1, 1, false, false);
    assertEquals(Tensor.ofI8(new int[] {1, 1, 2, 2}, -100, -50, -100, -1), Pooling.maxPool2d(x, o));
  }

  @Test
  void averagePoolCountIncludePad() {
    Tensor x = Tensor.ofFloats(new int[] {1, 1, 2, 2}, 1, 2, 3, 4);
    Pool2dOptions excl = new Pool2dOptions(2, 2, 1, 1, 1, 1, 0, 0, 1, 1, false, false);
    Pool2dOptions incl = new Pool2dOptions(2, 2, 1, 1, 1, 1, 0, 0, 1, 1, false, true);
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 2, 2}, 1, 1.5f, 2, 2.5f), Pooling.avgPool2d(x, excl));
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 2, 2}, 0.25f, 0.75f, 1, 2.5f), Pooling.avgPool2d(x, incl));
  }

  @Test
  void averagePoolCeilModeDividesByTheClippedWindow() {
    // 3x3 input, k 2, s 2, ceil: 2x2 outputs; the last row/column windows see one row/column only.
    Tensor x = Tensor.ofFloats(new int[] {1, 1, 3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    Pool2dOptions o = new Pool2dOptions(2, 2, 2, 2, 0, 0, 0, 0, 1, 1, true, true);
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 2, 2}, 3, 4.5f, 7.5f, 9), Pooling.avgPool2d(x, o));
  }

  @Test
  void globalAveragePool() {
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 1, 1}, 8.5f), Pooling.globalAvgPool(X));
  }
}

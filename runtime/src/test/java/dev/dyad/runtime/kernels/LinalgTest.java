package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LinalgTest {
  private static final Tensor A = Tensor.ofFloats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
  private static final Tensor B = Tensor.ofFloats(new int[] {3, 2}, 7, 8, 9, 10, 11, 12);

  @Test
  void handComputedProductAndTransposes() {
    Tensor expected = Tensor.ofFloats(new int[] {2, 2}, 58, 64, 139, 154);
    assertEquals(expected, Linalg.matmul(A, B));
    Tensor at = Layout.transpose(A, 1, 0);
    Tensor bt = Layout.transpose(B, 1, 0);
    assertEquals(expected, Linalg.matmul(at, B, true, false));
    assertEquals(expected, Linalg.matmul(A, bt, false, true));
    assertEquals(expected, Linalg.matmul(at, bt, true, true));
  }

  @Test
  void batchBroadcastAndVectors() {
    Tensor a = Tensor.ofFloats(new int[] {2, 1, 2, 3}, 1, 2, 3, 4, 5, 6, 0, 0, 0, 1, 1, 1);
    Tensor y = Linalg.matmul(a, B);
    assertArrayEquals(new int[] {2, 1, 2, 2}, y.shape());
    assertEquals(Tensor.ofFloats(new int[] {2, 1, 2, 2}, 58, 64, 139, 154, 0, 0, 27, 30), y);
    Tensor v = Tensor.ofFloats(new int[] {3}, 1, 0, -1);
    assertEquals(Tensor.ofFloats(new int[] {2}, -4, -4), Linalg.matmul(v, B));
    assertEquals(Tensor.ofFloats(new int[] {2}, -2, -2), Linalg.matmul(A, v));
    assertEquals(Tensor.ofFloats(new int[0], 2), Linalg.matmul(v, v));
    assertThrows(KernelException.class, () -> Linalg.matmul(A, A));
  }

  @Test
  void linearIsXTimesWTransposedPlusBias() {
    Tensor w = Tensor.ofFloats(new int[] {2, 3}, 1, 0, 0, 0, 1, 1);
    Tensor y = Linalg.linear(A, w, Tensor.ofFloats(new int[] {2}, 100, 200));
    assertEquals(Tensor.ofFloats(new int[] {2, 2}, 101, 205, 104, 211), y);
    assertThrows(KernelException.class, () -> Linalg.linear(A, B, null));
  }

  @Test
  void batchMatmulOfTwoActivations() {
    Tensor a = RandomInit.uniform(DType.F32, new int[] {2, 3, 4, 5}, 1);
    Tensor b = RandomInit.uniform(DType.F32, new int[] {2, 3, 5, 6}, 2);
    Tensor y = Linalg.batchMatmul(a, b);
    assertArrayEquals(new int[] {2, 3, 4, 6}, y.shape());
    // Element (1, 2, 3, 4) as a sequential dot product.
    float acc = 0;
    for (int k = 0; k < 5; k++) {
      acc += a.getFloat(1, 2, 3, k) * b.getFloat(1, 2, k, 4);
    }
    assertEquals(acc, y.getFloat(1, 2, 3, 4));
    assertThrows(KernelException.class, () -> Linalg.batchMatmul(a, Tensor.zeros(DType.F32, 3, 5, 6)));
  }

  @Test
  void integerProductsWithZeroPoints() {
    Tensor a = Tensor.ofI8(new int[] {1, 2}, 10, -128);
    Tensor b = Tensor.ofI8(new int[] {2, 1}, 127, -1);
    // (10 - 2)(127 - 3) + (-128 - 2)(-1 - 3) = 992 + 520
    assertEquals(Tensor.ofInts(new int[] {1, 1}, 1512), Linalg.matmulInteger(a, b, false, false, 2, 3));
    Tensor w = Tensor.ofI8(new int[] {1, 2}, 127, -1);
    assertEquals(Tensor.ofInts(new int[] {1, 1}, 1512 + 7),
        Linalg.linearInteger(a, w, Tensor.ofInts(new int[] {1}, 7), 2, 3));
    Tensor a3 = Tensor.ofI8(new int[] {2, 1, 1}, 1, 2);
    Tensor b3 = Tensor.ofI8(new int[] {2, 1, 1}, 3, 4);
    assertEquals(Tensor.ofInts(new int[] {2, 1, 1}, 3, 8), Linalg.batchMatmulInteger(a3, b3, 0, 0));
  }
}

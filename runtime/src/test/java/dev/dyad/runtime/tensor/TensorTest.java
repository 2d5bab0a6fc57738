package dev.dyad.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorTest {
  @Test
  void factoriesCopyTheirArrays() {
    float[] data = {1, 2, 3, 4, 5, 6};
    Tensor t = Tensor.ofFloats(new int[] {2, 3}, data);
    data[0] = 99;
    assertEquals(1f, t.floatAt(0));
    float[] copy = t.toFloatArray();
    copy[1] = 99;
    assertEquals(2f, t.floatAt(1));
    int[] shape = t.shape();
    shape[0] = 7;
    assertArrayEquals(new int[] {2, 3}, t.shape());
  }

  @Test
  void stridesAndIndexing() {
    Tensor t = Tensor.ofInts(new int[] {2, 3, 4}, new int[24]);
    assertArrayEquals(new int[] {12, 4, 1}, t.strides());
    assertEquals(1 * 12 + 2 * 4 + 3, t.flatIndex(1, 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> t.flatIndex(2, 0, 0));
    assertEquals(4, t.dim(-1));
  }

  @Test
  void equalityIsByTypeShapeAndBits() {
    Tensor a = Tensor.ofFloats(new int[] {2}, 1, Float.NaN);
    assertEquals(a, Tensor.ofFloats(new int[] {2}, 1, Float.NaN));
    assertEquals(a.hashCode(), Tensor.ofFloats(new int[] {2}, 1, Float.NaN).hashCode());
    assertNotEquals(a, Tensor.ofFloats(new int[] {1, 2}, 1, Float.NaN));
    assertNotEquals(Tensor.ofFloats(new int[] {1}, 0f), Tensor.ofFloats(new int[] {1}, -0f));
    assertNotEquals(Tensor.ofInts(new int[] {1}, 1), Tensor.ofLongs(new int[] {1}, 1));
  }

  @Test
  void readableToString() {
    assertEquals("tensor<2x2xf32> [[1.0, 2.0], [3.0, 4.0]]", Tensor.ofFloats(new int[] {2, 2}, 1, 2, 3, 4).toString());
    assertEquals("tensor<i8> -5", Tensor.ofI8(new int[0], -5).toString());
    assertEquals("tensor<2xi1> [true, false]", Tensor.ofBools(new int[] {2}, true, false).toString());
    assertEquals("tensor<100xi32> [0, 0, 0, 0, 0, 0, 0, 0, ... (100 elements)]",
        Tensor.zeros(DType.I32, 100).toString());
  }

  @Test
  void shapeMismatchAndRangeErrors() {
    assertThrows(IllegalArgumentException.class, () -> Tensor.ofFloats(new int[] {2, 2}, 1, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> Tensor.ofI8(new int[] {1}, 128));
    assertThrows(KernelException.class, () -> Tensor.ofFloats(new int[] {1}, 1).toIntArray());
  }

  @Test
  void reshapeSharesNothingObservable() {
    Tensor t = Tensor.ofLongs(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    Tensor r = t.reshape(3, 2);
    assertArrayEquals(new int[] {3, 2}, r.shape());
    assertEquals(6L, r.getLong(2, 1));
    assertThrows(IllegalArgumentException.class, () -> t.reshape(4));
  }

  @Test
  void broadcastShapes() {
    assertArrayEquals(new int[] {2, 3, 4}, Shapes.broadcast(new int[] {3, 1}, new int[] {2, 1, 4}));
    assertArrayEquals(new int[] {0, 3}, Shapes.broadcast(new int[] {0, 1}, new int[] {3}));
    assertThrows(KernelException.class, () -> Shapes.broadcast(new int[] {2}, new int[] {3}));
  }
}

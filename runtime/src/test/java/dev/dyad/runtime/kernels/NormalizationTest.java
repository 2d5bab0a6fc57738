package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  @Test
  void softmaxAlongEitherAxis() {
    Tensor x = Tensor.ofFloats(new int[] {2, 2}, 0, (float) Math.log(3), 1000, 1000);
    assertEquals(Tensor.ofFloats(new int[] {2, 2}, 0.25f, 0.75f, 0.5f, 0.5f), Normalization.softmax(x, -1));
    Tensor y = Normalization.softmax(Tensor.ofFloats(new int[] {2, 1}, 0, 0), 0);
    assertEquals(Tensor.ofFloats(new int[] {2, 1}, 0.5f, 0.5f), y);
  }

  @Test
  void layerNormOverTrailingAxes() {
    Tensor x = Tensor.ofFloats(new int[] {2, 2}, 1, 3, -2, 2);
    // Means 2 and 0, variances 1 and 4, epsilon 0.
    Tensor plain = Normalization.layerNorm(x, 1, 0, null, null);
    assertEquals(Tensor.ofFloats(new int[] {2, 2}, -1, 1, -1, 1), plain);
    Tensor scaled = Normalization.layerNorm(x, -1, 0, Tensor.ofFloats(new int[] {2}, 2, 3),
        Tensor.ofFloats(new int[] {2}, 10, 20));
    assertEquals(Tensor.ofFloats(new int[] {2, 2}, 8, 23, 8, 23), scaled);
    Tensor whole = Normalization.layerNorm(Tensor.ofFloats(new int[] {1, 2}, 0, 2), 0, 0, null, null);
    assertEquals(Tensor.ofFloats(new int[] {1, 2}, -1, 1), whole);
  }

  @Test
  void rmsNorm() {
    Tensor x = Tensor.ofFloats(new int[] {1, 2}, 3, 4);
    // mean of squares 12.5; 1 / sqrt(12.5 + 0) scaled by [2, 1].
    Tensor y = Normalization.rmsNorm(x, 0, Tensor.ofFloats(new int[] {2}, 2, 1));
    assertEquals(Tensor.ofFloats(new int[] {1, 2}, (float) (6 / Math.sqrt(12.5)), (float) (4 / Math.sqrt(12.5))), y);
  }

  @Test
  void batchNormPerChannel() {
    Tensor x = Tensor.ofFloats(new int[] {1, 2, 1, 2}, 1, 2, 3, 4);
    Tensor y = Normalization.batchNorm(x, Tensor.ofFloats(new int[] {2}, 2, 1), Tensor.ofFloats(new int[] {2}, 0, 1),
        Tensor.ofFloats(new int[] {2}, 1, 3), Tensor.ofFloats(new int[] {2}, 4, 1), 0);
    assertEquals(Tensor.ofFloats(new int[] {1, 2, 1, 2}, 0, 1, 1, 2), y);
  }
}

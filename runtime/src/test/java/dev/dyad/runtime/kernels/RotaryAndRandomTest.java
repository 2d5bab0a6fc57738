package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RotaryAndRandomTest {
  @Test
  void rotaryRotatesHalfSplitPairs() {
    // B=H=1, S=2, D=4: pairs (0, 2) at frequency 1 and (1, 3) at 10000^(-1/2) = 0.01.
    Tensor x = Tensor.ofFloats(new int[] {1, 1, 2, 4}, 1, 1, 0, 0, 1, 1, 0, 0);
    Tensor y = Rotary.rotaryEmbedding(x, Rotary.DEFAULT_THETA, 0);
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 2, 4}, 1, 1, 0, 0,
        (float) Math.cos(1), (float) Math.cos(0.01), (float) Math.sin(1), (float) Math.sin(0.01)), y);
    // An offset shifts positions: position 1 of offset 0 equals position 0 of offset 1.
    Tensor shifted = Rotary.rotaryEmbedding(x.reshape(2, 1, 1, 4), Rotary.DEFAULT_THETA, 1);
    assertEquals(y.getFloat(0, 0, 1, 2), shifted.getFloat(0, 0, 0, 2));
  }

  @Test
  void randomInitIsReproducibleAndInRange() {
    Tensor a = RandomInit.uniform(DType.F32, new int[] {1000}, 42);
    assertEquals(a, RandomInit.uniform(DType.F32, new int[] {1000}, 42));
    assertNotEquals(a, RandomInit.uniform(DType.F32, new int[] {1000}, 43));
    SplittableRandom r = new SplittableRandom(42);
    assertEquals((r.nextInt() >>> 8) / 8388608f - 1, a.floatAt(0));
    float min = 1;
    float max = -1;
    for (int i = 0; i < a.size(); i++) {
      min = Math.min(min, a.floatAt(i));
      max = Math.max(max, a.floatAt(i));
    }
    assertTrue(min >= -1 && min < -0.99 && max < 1 && max > 0.99, min + " " + max);
    Tensor q = RandomInit.uniform(DType.I8, new int[] {5000}, 7);
    int lo = 0;
    int hi = 0;
    for (int i = 0; i < q.size(); i++) {
      lo = Math.min(lo, q.i8At(i));
      hi = Math.max(hi, q.i8At(i));
    }
    assertEquals(-128, lo);
    assertEquals(127, hi);
  }
}

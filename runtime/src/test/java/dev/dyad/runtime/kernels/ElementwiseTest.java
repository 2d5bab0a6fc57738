package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.runtime.kernels.Elementwise.GeluApproximation;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ElementwiseTest {
  @Test
  void broadcastingArithmetic() {
    Tensor a = Tensor.ofFloats(new int[] {2, 1}, 1, 2);
    Tensor b = Tensor.ofFloats(new int[] {3}, 10, 20, 30);
    assertEquals(Tensor.ofFloats(new int[] {2, 3}, 11, 21, 31, 12, 22, 32), Elementwise.add(a, b));
    assertEquals(Tensor.ofFloats(new int[] {2, 3}, -9, -19, -29, -8, -18, -28), Elementwise.sub(a, b));
    assertEquals(Tensor.ofFloats(new int[] {2, 3}, 10, 20, 30, 20, 40, 60), Elementwise.mul(a, b));
    assertEquals(Tensor.ofFloats(new int[] {2, 1}, 0.5f, 1), Elementwise.div(a, Tensor.scalar(2)));
    assertThrows(KernelException.class, () -> Elementwise.add(a, Tensor.ofInts(new int[] {1}, 1)));
  }

  @Test
  void integerArithmeticSaturatesAndDivisionTruncates() {
    Tensor a = Tensor.ofI8(new int[] {4}, 100, -100, -128, 7);
    Tensor b = Tensor.ofI8(new int[] {4}, 100, 100, -1, -2);
    assertEquals(Tensor.ofI8(new int[] {4}, 127, 0, -128, 5), Elementwise.add(a, b));
    assertEquals(Tensor.ofI8(new int[] {4}, 0, -128, -127, 9), Elementwise.sub(a, b));
    assertEquals(Tensor.ofI8(new int[] {4}, 127, -128, 127, -14), Elementwise.mul(a, b));
    assertEquals(Tensor.ofI8(new int[] {4}, 1, -1, 127, -3), Elementwise.div(a, b));
    Tensor i32 = Tensor.ofInts(new int[] {2}, Integer.MIN_VALUE, -7);
    assertEquals(Tensor.ofInts(new int[] {2}, Integer.MAX_VALUE, -8),
        Elementwise.add(i32, Tensor.ofInts(new int[] {2}, -1, -1)), "i32 wraps like the accumulation");
    assertEquals(Tensor.ofInts(new int[] {2}, Integer.MAX_VALUE, 3),
        Elementwise.div(i32, Tensor.ofInts(new int[] {2}, -1, -2)));
    KernelException e = assertThrows(KernelException.class,
        () -> Elementwise.div(i32, Tensor.ofInts(new int[] {1}, 0)));
    assertEquals("integer division by zero", e.getMessage());
    assertThrows(KernelException.class, () -> Elementwise.div(Tensor.ofLongs(new int[] {1}, 1),
        Tensor.ofLongs(new int[] {1}, 0)));
  }

  @Test
  void reluFamilyOnFloatAndInt8() {
    Tensor f = Tensor.ofFloats(new int[] {4}, -1, 0.5f, 7, Float.NaN);
    assertEquals(Tensor.ofFloats(new int[] {4}, 0, 0.5f, 7, Float.NaN), Elementwise.relu(f));
    assertEquals(Tensor.ofFloats(new int[] {4}, 0, 0.5f, 6, Float.NaN), Elementwise.relu6(f));
    Tensor q = Tensor.ofI8(new int[] {4}, -128, 3, 6, 127);
    assertEquals(Tensor.ofI8(new int[] {4}, 0, 3, 6, 127), Elementwise.relu(q));
    assertEquals(Tensor.ofI8(new int[] {4}, 0, 3, 6, 6), Elementwise.relu6(q));
    assertEquals(Tensor.ofI8(new int[] {4}, -5, 3, 5, 5), Elementwise.clip(q, -5.5, 5.5));
  }

  @Test
  void smoothActivations() {
    Tensor x = Tensor.ofFloats(new int[] {3}, -1, 0, 1);
    assertEquals(Tensor.ofFloats(new int[] {3}, -0.15865526f, 0, 0.84134477f),
        Elementwise.gelu(x, GeluApproximation.NONE));
    assertEquals(Tensor.ofFloats(new int[] {3}, -0.158808f, 0, 0.841192f), round6(
        Elementwise.gelu(x, GeluApproximation.TANH)));
    assertEquals(Tensor.ofFloats(new int[] {3}, 0.26894143f, 0.5f, 0.7310586f), Elementwise.sigmoid(x));
    assertEquals(Tensor.ofFloats(new int[] {3}, -0.26894143f, 0, 0.7310586f), Elementwise.silu(x));
    assertEquals(Tensor.ofFloats(new int[] {3}, -0.7615942f, 0, 0.7615942f), Elementwise.tanh(x));
    Tensor h = Tensor.ofFloats(new int[] {4}, -4, -1, 1, 4);
    assertEquals(Tensor.ofFloats(new int[] {4}, 0, 0.3f, 0.7f, 1), Elementwise.hardsigmoid(h, 0.2, 0.5));
    assertEquals(Tensor.ofFloats(new int[] {4}, -0f, -1f / 3, 2f / 3, 4), Elementwise.hardswish(h));
    Tensor big = Elementwise.sigmoid(Tensor.ofFloats(new int[] {2}, -1000, 1000));
    assertEquals(Tensor.ofFloats(new int[] {2}, 0, 1), big);
  }

  @Test
  void erfAgreesWithKnownValues() {
    double[][] table = {{0, 0}, {0.5, 0.5204998778130465}, {-1, -0.8427007929497149}, {2, 0.9953222650189527},
        {1.9, 0.9927904292352575}, {2.9, 0.9999589021219005}, {3.5, 0.9999992569016276},
        {5, 0.9999999999984626}, {10, 1}};
    for (double[] row : table) {
      assertTrue(Math.abs(SpecialFunctions.erf(row[0]) - row[1]) < 1e-14, "erf(" + row[0] + ")");
    }
  }

  private static Tensor round6(Tensor t) {
    float[] f = t.toFloatArray();
    for (int i = 0; i < f.length; i++) {
      f[i] = Math.round(f[i] * 1e6) / 1e6f;
    }
    return Tensor.wrapFloats(t.shape(), f);
  }
}

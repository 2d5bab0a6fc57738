package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

class QuantizationTest {
  @Test
  void roundHalfEvenTies() {
    double[] in = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999, 2.5000001};
    double[] out = {0, 2, 2, -0.0, -2, -2, 2, 3};
    for (int i = 0; i < in.length; i++) {
      assertEquals(out[i], Quantization.roundHalfEven(in[i]), "round(" + in[i] + ")");
    }
  }

  @Test
  void quantizeRoundsTiesToEvenAndSaturates() {
    // x / 2 = 0.5, 1.5, 2.5, -0.5, -2.5 -> 0, 2, 2, -0, -2; then + zero point 1.
    Tensor x = Tensor.ofFloats(new int[] {8}, 1, 3, 5, -1, -5, 1000, -1000, Float.NaN);
    Tensor q = Quantization.quantize(x, 2, 1);
    assertEquals(Tensor.ofI8(new int[] {8}, 1, 3, 3, 1, -1, 127, -128, 1), q);
  }

  @Test
  void quantizeDividesInFloat() {
    // 0.3f / 0.1f is exactly 3.0f in f32 but 2.9999999 in double arithmetic on the float values.
    assertEquals(3.0f, 0.3f / 0.1f);
    assertEquals(3, Quantization.quantize(0.3f, 0.1f, 0));
  }

  @Test
  void dequantize() {
    assertEquals(Tensor.ofFloats(new int[] {3}, -6.5f, 0, 6.25f),
        Quantization.dequantize(Tensor.ofI8(new int[] {3}, -24, 2, 27), 0.25f, 2));
    assertEquals(Tensor.ofFloats(new int[] {2}, -1.0e9f, 5e8f),
        Quantization.dequantize(Tensor.ofInts(new int[] {2}, -2_000_000_000, 1_000_000_000), 0.5f, 0));
  }

  @Test
  void requantizeRoundsHalfEvenInDoubleAndSaturates() {
    // acc * 0.25 = 1.25, 3.75, -1.25, -3.75, then far out of range.
    assertEquals(Tensor.ofI8(new int[] {6}, 1, 4, -1, -4, 127, -128),
        Quantization.requantize(Tensor.ofInts(new int[] {6}, 5, 15, -5, -15, 1 << 20, -(1 << 20)), 0.25, 0));
    // Exact ties 0.5, 1.5, 2.5, -0.5, -1.5, -2.5 go to the even neighbour, then + zero point 10.
    assertEquals(Tensor.ofI8(new int[] {6}, 10, 12, 12, 10, 8, 8),
        Quantization.requantize(Tensor.ofInts(new int[] {6}, 2, 6, 10, -2, -6, -10), 0.25, 10));
    assertEquals(-120, Quantization.requantize(Integer.MIN_VALUE, 0.0, -120));
  }

  @Test
  void saturatingIntegerArithmetic() {
    assertEquals(127, Quantization.addI8((byte) 100, (byte) 100));
    assertEquals(-128, Quantization.subI8((byte) -100, (byte) 100));
    assertEquals(-128, Quantization.mulI8((byte) -128, (byte) 2));
    // i32 is the accumulator type: it wraps like the accumulation does.
    assertEquals(Integer.MIN_VALUE, Quantization.addI32(Integer.MAX_VALUE, 1));
    assertEquals(0, Quantization.mulI32(1 << 16, -(1 << 16)));
    assertEquals(Integer.MAX_VALUE, Quantization.subI32(Integer.MIN_VALUE, 1));
    assertEquals(Long.MAX_VALUE, Quantization.addI64(Long.MAX_VALUE, 1));
    assertEquals(Long.MIN_VALUE, Quantization.subI64(Long.MIN_VALUE, 1));
    assertEquals(Long.MAX_VALUE, Quantization.mulI64(Long.MIN_VALUE, -1));
    assertEquals(-6, Quantization.mulI64(2, -3));
  }
}

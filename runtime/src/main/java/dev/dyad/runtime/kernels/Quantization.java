package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;

/**
 * The rounding and saturation formulas of Dyad's quantized arithmetic, in one place so that the {@code nn}
 * reference interpreter and the CIM interpreter are bit-exact by construction.
 */
public final class Quantization {
  private Quantization() {}

  /** Clamps to [-128, 127]. */
  public static byte saturateI8(long v) {
    return (byte) (v < Byte.MIN_VALUE ? Byte.MIN_VALUE : v > Byte.MAX_VALUE ? Byte.MAX_VALUE : v);
  }

  /** Clamps to the int32 range. */
  public static int saturateI32(long v) {
    return (int) (v < Integer.MIN_VALUE ? Integer.MIN_VALUE : v > Integer.MAX_VALUE ? Integer.MAX_VALUE : v);
  }

  /** Round half to even ({@link Math#rint}); for floats the result is exact since every float is a double. */
  public static double roundHalfEven(double v) {
    return Math.rint(v);
  }

  /**
   * {@code saturate_i8(roundHalfEven(x / scale) + zeroPoint)} with the division in f32, as ONNX
   * QuantizeLinear. NaN quantizes to the zero point.
   */
  public static byte quantize(float x, float scale, int zeroPoint) {
    float q = x / scale;
    if (Float.isNaN(q)) {
      return saturateI8(zeroPoint);
    }
    return saturateI8Double(Math.rint(q) + zeroPoint);
  }

  /** {@code (q - zeroPoint) * scale} in f32; the subtraction is exact. */
  public static float dequantize(long q, long zeroPoint, float scale) {
    return (float) (q - zeroPoint) * scale;
  }

  /**
   * {@code saturate_i8(roundHalfEven((double) acc * scale) + zeroPoint)}: an int32 accumulator scaled back to
   * i8 with a double multiplier.
   */
  public static byte requantize(int acc, double scale, int zeroPoint) {
    double v = (double) acc * scale;
    if (Double.isNaN(v)) {
      return saturateI8(zeroPoint);
    }
    return saturateI8Double(Math.rint(v) + zeroPoint);
  }

  private static byte saturateI8Double(double v) {
    return (byte) (v <= Byte.MIN_VALUE ? Byte.MIN_VALUE : v >= Byte.MAX_VALUE ? Byte.MAX_VALUE : (int) v);
  }

  // Integer elementwise arithmetic: i8 (activations) and i64 saturate to the element type; i32
  // (accumulators) wraps in two's complement like the accumulation of conv/linear/matmul, so a
  // bias or partial sum added afterwards gives exactly what the fused accumulation gives.

  public static byte addI8(byte a, byte b) {
    return saturateI8(a + b);
  }

  public static byte subI8(byte a, byte b) {
    return saturateI8(a - b);
  }

  public static byte mulI8(byte a, byte b) {
    return saturateI8(a * b);
  }

  public static int addI32(int a, int b) {
    return a + b;
  }

  public static int subI32(int a, int b) {
    return a - b;
  }

  public static int mulI32(int a, int b) {
    return a * b;
  }

  public static long addI64(long a, long b) {
    long r = a + b;
    // Overflow iff both operands have the sign opposite to the result's.
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  public static long subI64(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  public static long mulI64(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return lo;
    }
    return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
  }

  // ---- tensor kernels -------------------------------------------------------------------------------------

  /** {@code nn.quantize}: f32 to i8 with {@link #quantize(float, float, int)} per element. */
  public static Tensor quantize(Tensor x, float scale, int zeroPoint) {
    x.requireType(DType.F32);
    byte[] out = new byte[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = quantize(x.floatAt(i), scale, zeroPoint);
    }
    return Tensor.wrapI8(x.shape(), out);
  }

  /** {@code nn.dequantize}: i8 or i32 to f32 with {@link #dequantize(long, long, float)} per element. */
  public static Tensor dequantize(Tensor q, float scale, int zeroPoint) {
    if (q.dtype() != DType.I8 && q.dtype() != DType.I32) {
      throw new KernelException("dequantize expects i8 or i32, got " + q.dtype());
    }
    float[] out = new float[q.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dequantize(q.getAsLong(i), zeroPoint, scale);
    }
    return Tensor.wrapFloats(q.shape(), out);
  }

  /** {@code nn.requantize}: i32 to i8 with {@link #requantize(int, double, int)} per element. */
  public static Tensor requantize(Tensor acc, double scale, int zeroPoint) {
    acc.requireType(DType.I32);
    byte[] out = new byte[acc.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = requantize(acc.intAt(i), scale, zeroPoint);
    }
    return Tensor.wrapI8(acc.shape(), out);
  }
}

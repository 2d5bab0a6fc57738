package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise kernels: binary arithmetic with numpy broadcasting and the activation functions.
 * Float transcendental functions are evaluated in double and rounded to f32 once; integer arithmetic
 * saturates to the element type, integer division truncates toward zero.
 */
public final class Elementwise {
  private Elementwise() {}

  /** The binary arithmetic operations. */
  public enum BinaryOp { ADD, SUB, MUL, DIV }

  /** The two forms of GELU. */
  public enum GeluApproximation { NONE, TANH }

  public static Tensor add(Tensor a, Tensor b) {
    return binary(BinaryOp.ADD, a, b);
  }

  public static Tensor sub(Tensor a, Tensor b) {
    return binary(BinaryOp.SUB, a, b);
  }

  public static Tensor mul(Tensor a, Tensor b) {
    return binary(BinaryOp.MUL, a, b);
  }

  public static Tensor div(Tensor a, Tensor b) {
    return binary(BinaryOp.DIV, a, b);
  }

  /** {@code a op b} with numpy broadcasting; both operands have the same element type (f32, i8, i32 or i64). */
  public static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    if (a.dtype() != b.dtype()) {
      throw new KernelException(op.name().toLowerCase() + ": operand types differ (" + a.dtype() + " and "
          + b.dtype() + ")");
    }
    Broadcast bc = new Broadcast(a.shape(), b.shape());
    int n = bc.size;
    int[] offA = new int[n];
    int[] offB = new int[n];
    bc.offsets(offA, offB);
    switch (a.dtype()) {
      case F32 -> {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
          out[i] = applyF32(op, a.floatAt(offA[i]), b.floatAt(offB[i]));
        }
        return Tensor.wrapFloats(bc.shape, out);
      }
      case I8 -> {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
          out[i] = Quantization.saturateI8(applyLong(op, a.i8At(offA[i]), b.i8At(offB[i])));
        }
        return Tensor.wrapI8(bc.shape, out);
      }
      case I32 -> {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          // Wraps like the i32 accumulation (add, sub, mul); MIN / -1 saturates.
          long v = applyLong(op, a.intAt(offA[i]), b.intAt(offB[i]));
          out[i] = op == BinaryOp.DIV ? Quantization.saturateI32(v) : (int) v;
        }
        return Tensor.wrapInts(bc.shape, out);
      }
      case I64 -> {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          out[i] = applyI64(op, a.longAt(offA[i]), b.longAt(offB[i]));
        }
        return Tensor.wrapLongs(bc.shape, out);
      }
      default -> throw new KernelException(op.name().toLowerCase() + " is not defined on " + a.dtype());
    }
  }

  private static float applyF32(BinaryOp op, float x, float y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
    };
  }

  /** Exact for i8 and i32 operands (the caller saturates the result). */
  private static long applyLong(BinaryOp op, long x, long y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> {
        if (y == 0) {
          throw new KernelException("integer division by zero");
        }
        yield x / y;
      }
    };
  }

  private static long applyI64(BinaryOp op, long x, long y) {
    return switch (op) {
      case ADD -> Quantization.addI64(x, y);
      case SUB -> Quantization.subI64(x, y);
      case MUL -> Quantization.mulI64(x, y);
      case DIV -> {
        if (y == 0) {
          throw new KernelException("integer division by zero");
        }
        // The only quotient that overflows saturates like the other integer operations.
        yield x == Long.MIN_VALUE && y == -1 ? Long.MAX_VALUE : x / y;
      }
    };
  }

  // ---- activations ----------------------------------------------------------------------------------------

  /** {@code max(x, 0)} on f32, i8, i32 or i64. */
  public static Tensor relu(Tensor x) {
    return clip(x, 0, Double.POSITIVE_INFINITY);
  }

  /** {@code min(max(x, 0), 6)} on f32, i8, i32 or i64. */
  public static Tensor relu6(Tensor x) {
    return clip(x, 0, 6);
  }

  /**
   * Clamps to [min, max] (either may be infinite). On integer tensors the bounds are rounded inwards to
   * integers; f32 NaN stays NaN. {@code min > max} gives max everywhere, as ONNX Clip.
   */
  public static Tensor clip(Tensor x, double min, double max) {
    int n = x.size();
    int[] shape = x.shape();
    switch (x.dtype()) {
      case F32 -> {
        float lo = (float) min;
        float hi = (float) max;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
          float v = x.floatAt(i);
          v = v < lo ? lo : v;
          out[i] = v > hi ? hi : v;
        }
        return Tensor.wrapFloats(shape, out);
      }
      case I8, I32, I64 -> {
        long lo = (long) Math.max(Math.ceil(min), Long.MIN_VALUE);
        long hi = (long) Math.min(Math.floor(max), Long.MAX_VALUE);
        Object out = Tensor.newArray(x.dtype(), n);
        for (int i = 0; i < n; i++) {
          long v = x.getAsLong(i);
          v = v < lo ? lo : v;
          v = v > hi ? hi : v;
          switch (x.dtype()) {
            case I8 -> ((byte[]) out)[i] = (byte) v;
            case I32 -> ((int[]) out)[i] = (int) v;
            default -> ((long[]) out)[i] = v;
          }
        }
        return Tensor.wrap(x.dtype(), shape, out);
      }
      default -> throw new KernelException("clip is not defined on " + x.dtype());
    }
  }

  public static Tensor sigmoid(Tensor x) {
    return mapF32("sigmoid", x, Elementwise::sigmoid);
  }

  public static Tensor tanh(Tensor x) {
    return mapF32("tanh", x, Math::tanh);
  }

  /** {@code x * sigmoid(x)}. */
  public static Tensor silu(Tensor x) {
    return mapF32("silu", x, v -> v * sigmoid(v));
  }

  /** Exact: {@code 0.5 x (1 + erf(x / sqrt 2))}; TANH: {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
  public static Tensor gelu(Tensor x, GeluApproximation approximation) {
    if (approximation == GeluApproximation.TANH) {
      double c = Math.sqrt(2 / Math.PI);
      return mapF32("gelu", x, v -> 0.5 * v * (1 + Math.tanh(c * (v + 0.044715 * v * v * v))));
    }
    return mapF32("gelu", x, v -> 0.5 * v * (1 + SpecialFunctions.erf(v / Math.sqrt(2))));
  }

  /** {@code max(0, min(1, alpha x + beta))}; ONNX's defaults are alpha 0.2, beta 0.5. */
  public static Tensor hardsigmoid(Tensor x, double alpha, double beta) {
    return mapF32("hardsigmoid", x, v -> Math.max(0, Math.min(1, alpha * v + beta)));
  }

  /** {@code x * max(0, min(1, x / 6 + 1/2))}. */
  public static Tensor hardswish(Tensor x) {
    return mapF32("hardswish", x, v -> v * Math.max(0, Math.min(1, v / 6 + 0.5)));
  }

  public static Tensor erf(Tensor x) {
    return mapF32("erf", x, SpecialFunctions::erf);
  }

  /** Applies {@code f} in double to every element of an f32 tensor, rounding each result to f32. */
  public static Tensor mapF32(String name, Tensor x, DoubleUnaryOperator f) {
    if (x.dtype() != DType.F32) {
      throw new KernelException(name + " is defined on f32 only, got " + x.dtype());
    }
    float[] out = new float[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) f.applyAsDouble(x.floatAt(i));
    }
    return Tensor.wrapFloats(x.shape(), out);
  }

  private static double sigmoid(double v) {
    // Both branches avoid exp overflow.
    if (v >= 0) {
      return 1 / (1 + Math.exp(-v));
    }
    double e = Math.exp(v);
    return e / (1 + e);
  }
}

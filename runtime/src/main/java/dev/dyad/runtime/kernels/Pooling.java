package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Shapes;
import dev.dyad.runtime.tensor.Tensor;

/**
 * Pooling over NCHW tensors. Output sizes follow ONNX and PyTorch: floor (or with ceil_mode, ceil) of
 * (in + pads - dilated window) / stride + 1, where in ceil mode a window that would start in the end
 * padding is dropped. Max pooling ignores padding (f32 and i8); average pooling (f32) sums in double and
 * divides by the number of taps inside the input, or with count_include_pad by the taps inside the padded
 * input.
 */
public final class Pooling {
  private Pooling() {}

  /** Output size along one axis. */
  public static int outputSize(int in, int kernel, int stride, int padBegin, int padEnd, int dilation,
      boolean ceilMode) {
    int span = dilation * (kernel - 1) + 1;
    int room = in + padBegin + padEnd - span;
    if (room < 0) {
      throw new KernelException("pooling window of extent " + span + " does not fit input " + in + " padded by "
          + padBegin + "+" + padEnd);
    }
    if (!ceilMode) {
      return room / stride + 1;
    }
    int out = Convolution.ceilDiv(room, stride) + 1;
    if ((out - 1) * stride >= in + padBegin) {
      out--;
    }
    return out;
  }

  public static Tensor maxPool2d(Tensor x, Pool2dOptions o) {
    if (x.dtype() != DType.F32 && x.dtype() != DType.I8) {
      throw new KernelException("max_pool2d is defined on f32 and i8, got " + x.dtype());
    }
    int[] s = check(x, "max_pool2d");
    int oh = outputSize(s[2], o.kernelH(), o.strideH(), o.padTop(), o.padBottom(), o.dilationH(), o.ceilMode());
    int ow = outputSize(s[3], o.kernelW(), o.strideW(), o.padLeft(), o.padRight(), o.dilationW(), o.ceilMode());
    int planes = s[0] * s[1];
    int h = s[2];
    int w = s[3];
    boolean f32 = x.dtype() == DType.F32;
    float[] outF = f32 ? new float[planes * oh * ow] : null;
    byte[] outB = f32 ? null : new byte[planes * oh * ow];
    for (int p = 0; p < planes; p++) {
      int base = p * h * w;
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          float best = Float.NEGATIVE_INFINITY;
          int bestI8 = Byte.MIN_VALUE;
          boolean any = false;
          for (int a = 0; a < o.kernelH(); a++) {
            int ih = i * o.strideH() - o.padTop() + a * o.dilationH();
            if (ih < 0 || ih >= h) {
              continue;
            }
            for (int b = 0; b < o.kernelW(); b++) {
              int iw = j * o.strideW() - o.padLeft() + b * o.dilationW();
              if (iw < 0 || iw >= w) {
                continue;
              }
              int at = base + ih * w + iw;
              if (f32) {
                float v = x.floatAt(at);
                // NaN propagates, as in ONNX and PyTorch.
                if (!any || v > best || Float.isNaN(v)) {
                  best = v;
                }
              } else {
                bestI8 = Math.max(bestI8, x.i8At(at));
              }
              any = true;
            }
          }
          int at = (p * oh + i) * ow + j;
          if (f32) {
            outF[at] = best;
          } else {
            outB[at] = (byte) bestI8;
          }
        }
      }
    }
    int[] shape = {s[0], s[1], oh, ow};
    return f32 ? Tensor.wrapFloats(shape, outF) : Tensor.wrapI8(shape, outB);
  }

  public static Tensor avgPool2d(Tensor x, Pool2dOptions o) {
    x.requireType(DType.F32);
    int[] s = check(x, "avg_pool2d");
    int h = s[2];
    int w = s[3];
    int oh = outputSize(h, o.kernelH(), o.strideH(), o.padTop(), o.padBottom(), o.dilationH(), o.ceilMode());
    int ow = outputSize(w, o.kernelW(), o.strideW(), o.padLeft(), o.padRight(), o.dilationW(), o.ceilMode());
    int planes = s[0] * s[1];
    float[] out = new float[planes * oh * ow];
    for (int p = 0; p < planes; p++) {
      int base = p * h * w;
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          double sum = 0;
          int inside = 0;
          int padded = 0;
          for (int a = 0; a < o.kernelH(); a++) {
            int ih = i * o.strideH() - o.padTop() + a * o.dilationH();
            boolean rowInPad = ih >= -o.padTop() && ih < h + o.padBottom();
            for (int b = 0; b < o.kernelW(); b++) {
              int iw = j * o.strideW() - o.padLeft() + b * o.dilationW();
              if (rowInPad && iw >= -o.padLeft() && iw < w + o.padRight()) {
                padded++;
              }
              if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                sum += x.floatAt(base + ih * w + iw);
                inside++;
              }
            }
          }
          int count = o.countIncludePad() ? padded : inside;
          out[(p * oh + i) * ow + j] = count == 0 ? Float.NaN : (float) (sum / count);
        }
      }
    }
    return Tensor.wrapFloats(new int[] {s[0], s[1], oh, ow}, out);
  }

  /** Mean over every axis after the first two: [N, C, d...] to [N, C, 1...]; f32, summed in double. */
  public static Tensor globalAvgPool(Tensor x) {
    x.requireType(DType.F32);
    if (x.rank() < 3) {
      throw new KernelException("global_avg_pool expects rank >= 3, got " + Shapes.toString(x.shape()));
    }
    int[] shape = x.shape();
    int planes = shape[0] * shape[1];
    int plane = x.size() / Math.max(planes, 1);
    float[] out = new float[planes];
    for (int p = 0; p < planes; p++) {
      double sum = 0;
      for (int i = 0; i < plane; i++) {
        sum += x.floatAt(p * plane + i);
      }
      out[p] = (float) (sum / plane);
    }
    int[] outShape = new int[shape.length];
    java.util.Arrays.fill(outShape, 1);
    outShape[0] = shape[0];
    outShape[1] = shape[1];
    return Tensor.wrapFloats(outShape, out);
  }

  private static int[] check(Tensor x, String op) {
    if (x.rank() != 4) {
      throw new KernelException(op + " expects an NCHW tensor, got " + Shapes.toString(x.shape()));
    }
    return x.shape();
  }
}

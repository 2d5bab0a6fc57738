package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Shapes;
import dev.dyad.runtime.tensor.Tensor;

/**
 * 2-D convolution, NCHW activations and OIHW weights (I = C_in / groups), in f32 and in exact integer
 * arithmetic (i8 inputs and weights with zero points, i32 accumulation).
 *
 * <p>Direct loops without im2col: for each output channel, each (input channel, kh, kw) tap sweeps the whole
 * output plane, so the innermost loop runs over contiguous output (and, at stride 1, input) memory and the
 * JIT vectorises it. Every output element still receives its products in increasing order of the flattened
 * reduction index (ic, kh, kw), the same order as a dot product over an im2col row, so f32 results do not
 * depend on this loop order: products and sums are rounded to f32 (no fused multiply-add), starting from 0,
 * with the bias added last. Padding contributes nothing (in the integer path: it holds the zero point).
 */
public final class Convolution {
  private Convolution() {}

  /** f32 convolution; {@code bias} ([C_out]) may be null. */
  public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, Conv2dOptions o) {
    x.requireType(DType.F32);
    w.requireType(DType.F32);
    Geometry g = new Geometry(x.shape(), w.shape(), bias, o);
    float[] in = x.toFloatArray();
    float[] wt = w.toFloatArray();
    float[] out = new float[g.n * g.oc * g.oh * g.ow];
    int plane = g.oh * g.ow;
    for (int n = 0; n < g.n; n++) {
      for (int oc = 0; oc < g.oc; oc++) {
        int group = oc / g.ocPerGroup;
        int oBase = (n * g.oc + oc) * plane;
        for (int icg = 0; icg < g.icPerGroup; icg++) {
          int xBase = (n * g.c + group * g.icPerGroup + icg) * g.h * g.w;
          int wBase = (oc * g.icPerGroup + icg) * g.kh * g.kw;
          for (int kh = 0; kh < g.kh; kh++) {
            int ihOff = kh * o.dilationH() - o.padTop();
            int ohLo = Math.max(0, ceilDiv(-ihOff, o.strideH()));
            int ohHi = Math.min(g.oh, ceilDiv(g.h - ihOff, o.strideH()));
            for (int kw = 0; kw < g.kw; kw++) {
              float wv = wt[wBase + kh * g.kw + kw];
              int iwOff = kw * o.dilationW() - o.padLeft();
              int owLo = Math.max(0, ceilDiv(-iwOff, o.strideW()));
              int owHi = Math.min(g.ow, ceilDiv(g.w - iwOff, o.strideW()));
              for (int oh = ohLo; oh < ohHi; oh++) {
                int xRow = xBase + (oh * o.strideH() + ihOff) * g.w + iwOff;
                int oRow = oBase + oh * g.ow;
                if (o.strideW() == 1) {
                  for (int ow = owLo; ow < owHi; ow++) {
                    out[oRow + ow] += wv * in[xRow + ow];
                  }
                } else {
                  int sw = o.strideW();
                  for (int ow = owLo; ow < owHi; ow++) {
                    out[oRow + ow] += wv * in[xRow + ow * sw];
                  }
                }
              }
            }
          }
        }
        if (bias != null) {
          float b = bias.requireType(DType.F32).floatAt(oc);
          for (int i = oBase; i < oBase + plane; i++) {
            out[i] += b;
          }
        }
      }
    }
    return Tensor.wrapFloats(new int[] {g.n, g.oc, g.oh, g.ow}, out);
  }

  /**
   * Integer convolution: i8 input and weights, optional i32 bias, i32 result
   * {@code sum (x - xZero)(w - wZero) + bias}. The sum wraps like int32 arithmetic on overflow.
   */
  public static Tensor conv2dInteger(Tensor x, Tensor w, Tensor bias, int xZero, int wZero, Conv2dOptions o) {
    x.requireType(DType.I8);
    w.requireType(DType.I8);
    Geometry g = new Geometry(x.shape(), w.shape(), bias, o);
    int[] in = minus(x, xZero);
    int[] wt = minus(w, wZero);
    int[] out = new int[g.n * g.oc * g.oh * g.ow];
    int plane = g.oh * g.ow;
    for (int n = 0; n < g.n; n++) {
      for (int oc = 0; oc < g.oc; oc++) {
        int group = oc / g.ocPerGroup;
        int oBase = (n * g.oc + oc) * plane;
        for (int icg = 0; icg < g.icPerGroup; icg++) {
          int xBase = (n * g.c + group * g.icPerGroup + icg) * g.h * g.w;
          int wBase = (oc * g.icPerGroup + icg) * g.kh * g.kw;
          for (int kh = 0; kh < g.kh; kh++) {
            int ihOff = kh * o.dilationH() - o.padTop();
            int ohLo = Math.max(0, ceilDiv(-ihOff, o.strideH()));
            int ohHi = Math.min(g.oh, ceilDiv(g.h - ihOff, o.strideH()));
            for (int kw = 0; kw < g.kw; kw++) {
              int wv = wt[wBase + kh * g.kw + kw];
              int iwOff = kw * o.dilationW() - o.padLeft();
              int owLo = Math.max(0, ceilDiv(-iwOff, o.strideW()));
              int owHi = Math.min(g.ow, ceilDiv(g.w - iwOff, o.strideW()));
              int sw = o.strideW();
              for (int oh = ohLo; oh < ohHi; oh++) {
                int xRow = xBase + (oh * o.strideH() + ihOff) * g.w + iwOff;
                int oRow = oBase + oh * g.ow;
                for (int ow = owLo; ow < owHi; ow++) {
                  out[oRow + ow] += wv * in[xRow + ow * sw];
                }
              }
            }
          }
        }
        if (bias != null) {
          int b = bias.requireType(DType.I32).intAt(oc);
          for (int i = oBase; i < oBase + plane; i++) {
            out[i] += b;
          }
        }
      }
    }
    return Tensor.wrapInts(new int[] {g.n, g.oc, g.oh, g.ow}, out);
  }

  /** Output size of a convolution or pooling window along one axis (floor mode). */
  public static int outputSize(int in, int kernel, int stride, int padBegin, int padEnd, int dilation) {
    int span = dilation * (kernel - 1) + 1;
    int room = in + padBegin + padEnd - span;
    if (room < 0) {
      throw new KernelException("window of extent " + span + " does not fit input " + in + " padded by "
          + padBegin + "+" + padEnd);
    }
    return room / stride + 1;
  }

  static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }

  private static int[] minus(Tensor t, int zero) {
    int[] r = new int[t.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = t.i8At(i) - zero;
    }
    return r;
  }

  /** Shapes of one convolution, checked. */
  private static final class Geometry {
    final int n;
    final int c;
    final int h;
    final int w;
    final int oc;
    final int kh;
    final int kw;
    final int oh;
    final int ow;
    final int icPerGroup;
    final int ocPerGroup;

    Geometry(int[] xs, int[] ws, Tensor bias, Conv2dOptions o) {
      if (xs.length != 4 || ws.length != 4) {
        throw new KernelException("conv2d expects a rank-4 input and weight, got " + Shapes.toString(xs) + " and "
            + Shapes.toString(ws));
      }
      n = xs[0];
      c = xs[1];
      h = xs[2];
      w = xs[3];
      oc = ws[0];
      kh = ws[2];
      kw = ws[3];
      if (c % o.groups() != 0 || oc % o.groups() != 0) {
        throw new KernelException("conv2d: " + o.groups() + " groups do not divide " + c + " input and " + oc
            + " output channels");
      }
      icPerGroup = c / o.groups();
      ocPerGroup = oc / o.groups();
      if (ws[1] != icPerGroup) {
        throw new KernelException("conv2d: weight " + Shapes.toString(ws) + " needs " + icPerGroup
            + " input channels per group, input is " + Shapes.toString(xs));
      }
      if (bias != null && (bias.rank() != 1 || bias.dim(0) != oc)) {
        throw new KernelException("conv2d: bias must have shape [" + oc + "], got " + Shapes.toString(bias.shape()));
      }
      oh = outputSize(h, kh, o.strideH(), o.padTop(), o.padBottom(), o.dilationH());
      ow = outputSize(w, kw, o.strideW(), o.padLeft(), o.padRight(), o.dilationW());
    }
  }
}

package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import java.util.List;

/**
 * The layouts that cast a convolution as matrix products ({@code cim.im2col}, {@code cim.col2im},
 * docs/dialects/cim.md): the rows of one group's input windows, and the NCHW tensor of the
 * groups' product rows. Pure data movement on i8, i32 or f32 tensors.
 */
public final class ConvLayout {
  private ConvLayout() {}

  /** The window of {@code cim.im2col}: kernel, strides, pads {@code [top, left, bottom, right]}, dilations. */
  public record Window(int kernelH, int kernelW, int strideH, int strideW, int padTop, int padLeft, int padBottom,
      int padRight, int dilationH, int dilationW, int group, int groupIndex, long padValue) {}

  /**
   * {@code rows[((n·OH) + oh)·OW + ow, ((c·KH) + kh)·KW + kw] = x[n, c0 + c, oh·sH − top + kh·dH,
   * ow·sW − left + kw·dW]}, {@code padValue} outside the input, for the channels {@code c0 =
   * groupIndex·C/group} to {@code c0 + C/group} of an NCHW {@code x}.
   */
  public static Tensor im2col(Tensor x, Window w) {
    if (x.rank() != 4) {
      throw new KernelException("im2col: input must be NCHW, got rank " + x.rank());
    }
    int n = x.dim(0);
    int c = x.dim(1);
    int h = x.dim(2);
    int wd = x.dim(3);
    if (w.group() < 1 || c % w.group() != 0 || w.groupIndex() < 0 || w.groupIndex() >= w.group()) {
      throw new KernelException("im2col: " + c + " channels do not form group " + w.groupIndex() + " of "
          + w.group());
    }
    int oh = (h + w.padTop() + w.padBottom() - w.dilationH() * (w.kernelH() - 1) - 1) / w.strideH() + 1;
    int ow = (wd + w.padLeft() + w.padRight() - w.dilationW() * (w.kernelW() - 1) - 1) / w.strideW() + 1;
    if (oh < 1 || ow < 1) {
      throw new KernelException("im2col: the kernel does not fit the padded input");
    }
    int cg = c / w.group();
    int c0 = w.groupIndex() * cg;
    int rows = Math.multiplyExact(Math.multiplyExact(n, oh), ow);
    int cols = Math.multiplyExact(Math.multiplyExact(cg, w.kernelH()), w.kernelW());
    int[] src = new int[Math.multiplyExact(rows, cols)];
    int i = 0;
    for (int b = 0; b < n; b++) {
      for (int y = 0; y < oh; y++) {
        for (int xo = 0; xo < ow; xo++) {
          for (int ch = 0; ch < cg; ch++) {
            for (int kh = 0; kh < w.kernelH(); kh++) {
              int iy = y * w.strideH() - w.padTop() + kh * w.dilationH();
              for (int kw = 0; kw < w.kernelW(); kw++) {
                int ix = xo * w.strideW() - w.padLeft() + kw * w.dilationW();
                boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < wd;
                src[i++] = inside ? ((b * c + c0 + ch) * h + iy) * wd + ix : -1;
              }
            }
          }
        }
      }
    }
    return gather(x, src, new int[] {rows, cols}, w.padValue());
  }

  /**
   * {@code y[n, c, oh, ow] = g_k[((n·OH) + oh)·OW + ow, c − (C_0 + … + C_{k−1})]} for the group
   * {@code k} holding channel {@code c}; {@code shape} is {@code [N, C, OH, OW]}.
   */
  public static Tensor col2im(List<Tensor> groups, int[] shape) {
    if (groups.isEmpty() || shape.length != 4) {
      throw new KernelException("col2im: expected at least one group and an NCHW shape");
    }
    int n = shape[0];
    int c = shape[1];
    int hw = Math.multiplyExact(shape[2], shape[3]);
    DType dtype = groups.get(0).dtype();
    int channels = 0;
    for (Tensor g : groups) {
      if (g.rank() != 2 || g.dim(0) != n * hw || g.dtype() != dtype) {
        throw new KernelException("col2im: every group must be " + dtype + "[" + n * hw + ", C_g]");
      }
      channels += g.dim(1);
    }
    if (channels != c) {
      throw new KernelException("col2im: the groups have " + channels + " channels, the shape " + c);
    }
    Object out = Tensor.newArray(dtype, Math.multiplyExact(n * c, hw));
    int first = 0;
    for (Tensor g : groups) {
      int cg = g.dim(1);
      Object data = g.copyData();
      for (int b = 0; b < n; b++) {
        for (int p = 0; p < hw; p++) {
          int row = b * hw + p;
          for (int k = 0; k < cg; k++) {
            System.arraycopy(data, row * cg + k, out, (b * c + first + k) * hw + p, 1);
          }
        }
      }
      first += cg;
    }
    return Tensor.wrap(dtype, shape.clone(), out);
  }

  /** {@code out[i] = x[src[i]]}, or {@code pad} where {@code src[i] < 0}. */
  private static Tensor gather(Tensor x, int[] src, int[] shape, long pad) {
    return switch (x.dtype()) {
      case I8 -> {
        byte[] v = new byte[src.length];
        for (int i = 0; i < src.length; i++) {
          v[i] = src[i] < 0 ? (byte) pad : x.i8At(src[i]);
        }
        yield Tensor.wrapI8(shape, v);
      }
      case I32 -> {
        int[] v = new int[src.length];
        for (int i = 0; i < src.length; i++) {
          v[i] = src[i] < 0 ? (int) pad : x.intAt(src[i]);
        }
        yield Tensor.wrapInts(shape, v);
      }
      case F32 -> {
        float[] v = new float[src.length];
        for (int i = 0; i < src.length; i++) {
          v[i] = src[i] < 0 ? (float) pad : x.floatAt(src[i]);
        }
        yield Tensor.wrapFloats(shape, v);
      }
      default -> throw new KernelException("im2col: unsupported element type " + x.dtype());
    };
  }
}

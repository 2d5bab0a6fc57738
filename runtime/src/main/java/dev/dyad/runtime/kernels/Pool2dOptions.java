package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.KernelException;

/**
 * Attributes of {@code nn.max_pool2d} and {@code nn.avg_pool2d}: kernel, strides, pads as [top, left,
 * bottom, right], dilations, ceil_mode and (average pooling only) count_include_pad.
 */
public record Pool2dOptions(int kernelH, int kernelW, int strideH, int strideW, int padTop, int padLeft,
    int padBottom, int padRight, int dilationH, int dilationW, boolean ceilMode, boolean countIncludePad) {

  public Pool2dOptions {
    if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
      throw new KernelException("pool2d: kernel, strides and dilations must be positive");
    }
    if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
      throw new KernelException("pool2d: pads must not be negative");
    }
  }

  /** From attribute arrays: kernel [h, w], strides [h, w], pads [top, left, bottom, right], dilations [h, w]. */
  public static Pool2dOptions of(int[] kernel, int[] strides, int[] pads, int[] dilations, boolean ceilMode,
      boolean countIncludePad) {
    if (kernel.length != 2 || strides.length != 2 || pads.length != 4 || dilations.length != 2) {
      throw new KernelException("pool2d: expected 2 kernel sizes, 2 strides, 4 pads and 2 dilations");
    }
    return new Pool2dOptions(kernel[0], kernel[1], strides[0], strides[1], pads[0], pads[1], pads[2], pads[3],
        dilations[0], dilations[1], ceilMode, countIncludePad);
  }

  /** A k x k window with stride k and nothing else. */
  public static Pool2dOptions simple(int kernel, int stride) {
    return new Pool2dOptions(kernel, kernel, stride, stride, 0, 0, 0, 0, 1, 1, false, false);
  }
}

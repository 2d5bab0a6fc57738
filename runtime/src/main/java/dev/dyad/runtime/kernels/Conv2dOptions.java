package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.KernelException;

/**
 * Attributes of {@code nn.conv2d}: strides, pads as [top, left, bottom, right], dilations and the number of
 * groups (C_in / groups input channels per group; groups = C_in is depthwise).
 */
public record Conv2dOptions(int strideH, int strideW, int padTop, int padLeft, int padBottom, int padRight,
    int dilationH, int dilationW, int groups) {

  public static final Conv2dOptions DEFAULT = new Conv2dOptions(1, 1, 0, 0, 0, 0, 1, 1, 1);

  public Conv2dOptions {
    if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1 || groups < 1) {
      throw new KernelException("conv2d: strides, dilations and groups must be positive");
    }
    if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
      throw new KernelException("conv2d: pads must not be negative");
    }
  }

  /** From attribute arrays: strides [h, w], pads [top, left, bottom, right], dilations [h, w]. */
  public static Conv2dOptions of(int[] strides, int[] pads, int[] dilations, int groups) {
    if (strides.length != 2 || pads.length != 4 || dilations.length != 2) {
      throw new KernelException("conv2d: expected 2 strides, 4 pads and 2 dilations");
    }
    return new Conv2dOptions(strides[0], strides[1], pads[0], pads[1], pads[2], pads[3], dilations[0],
        dilations[1], groups);
  }
}

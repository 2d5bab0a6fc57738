package dev.dyad.dialect.cim;

import static dev.dyad.dialect.cim.CimSupport.i64;
import static dev.dyad.dialect.cim.CimSupport.i64Array;
import static dev.dyad.dialect.cim.CimSupport.i64ArrayAttr;
import static dev.dyad.dialect.cim.CimSupport.i64Attr;

import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;
import java.util.Arrays;

/**
 * The convolution window of {@code cim.im2col} and {@code meta.im2col}: kernel, strides, pads
 * ({@code [top, left, bottom, right]}), dilations, the group count, which group's channels the
 * rows hold, and the value of padded elements (the input zero point). Property names and defaults
 * are those of {@code nn.conv2d}, plus {@code group_index} and {@code pad_value}.
 */
public record ConvWindow(long kernelH, long kernelW, long strideH, long strideW, long padTop, long padLeft,
    long padBottom, long padRight, long dilationH, long dilationW, long group, long groupIndex, long padValue) {
  public static final String KERNEL_SHAPE = "kernel_shape";
  public static final String STRIDES = "strides";
  public static final String PADS = "pads";
  public static final String DILATIONS = "dilations";
  public static final String GROUP = "group";
  public static final String GROUP_INDEX = "group_index";
  public static final String PAD_VALUE = "pad_value";

  /** @throws ShapeInferenceException when a size is out of range */
  public ConvWindow {
    check(KERNEL_SHAPE, 1, kernelH, kernelW);
    check(STRIDES, 1, strideH, strideW);
    check(PADS, 0, padTop, padLeft, padBottom, padRight);
    check(DILATIONS, 1, dilationH, dilationW);
    if (group < 1) {
      throw new ShapeInferenceException("'group' must be at least 1, but is " + group);
    }
    if (groupIndex < 0 || groupIndex >= group) {
      throw new ShapeInferenceException("'group_index' must be in [0, " + group + "), but is " + groupIndex);
    }
  }

  /** A window of one group with unit strides and dilations and no padding. */
  public static ConvWindow of(long kernelH, long kernelW) {
    return new ConvWindow(kernelH, kernelW, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0);
  }

  /** Declares the window's properties on an op definition (the same names for cim and meta). */
  public static OpDefinition.Builder declare(OpDefinition.Builder b) {
    return b.property(KERNEL_SHAPE, i64ArrayAttr())
        .property(STRIDES, i64ArrayAttr(), i64Array(1, 1))
        .property(PADS, i64ArrayAttr(), i64Array(0, 0, 0, 0))
        .property(DILATIONS, i64ArrayAttr(), i64Array(1, 1))
        .property(GROUP, i64Attr(), i64(1))
        .property(GROUP_INDEX, i64Attr(), i64(0))
        .property(PAD_VALUE, i64Attr(), i64(0));
  }

  /**
   * The window of an op declared with {@link #declare} (defaults for absent properties).
   *
   * @throws ShapeInferenceException when an array has the wrong length or a value is out of range
   */
  public static ConvWindow of(OpDefinition def, Operation op) {
    long[] k = ints(def, op, KERNEL_SHAPE, 2);
    long[] s = ints(def, op, STRIDES, 2);
    long[] p = ints(def, op, PADS, 4);
    long[] d = ints(def, op, DILATIONS, 2);
    return new ConvWindow(k[0], k[1], s[0], s[1], p[0], p[1], p[2], p[3], d[0], d[1],
        CimSupport.i64(def, op, GROUP), CimSupport.i64(def, op, GROUP_INDEX), CimSupport.i64(def, op, PAD_VALUE));
  }

  /** The properties that describe this window, every one materialised. */
  public DictionaryAttr properties() {
    return DictionaryAttr.EMPTY
        .with(KERNEL_SHAPE, i64Array(kernelH, kernelW))
        .with(STRIDES, i64Array(strideH, strideW))
        .with(PADS, i64Array(padTop, padLeft, padBottom, padRight))
        .with(DILATIONS, i64Array(dilationH, dilationW))
        .with(GROUP, i64(group))
        .with(GROUP_INDEX, i64(groupIndex))
        .with(PAD_VALUE, i64(padValue));
  }

  /** {@code ⌊(h + top + bottom − dH·(kH − 1) − 1) / sH⌋ + 1}, as nn.conv2d; may be ≤ 0. */
  public long outputHeight(long h) {
    return outputSize(h, padTop + padBottom, dilationH, kernelH, strideH);
  }

  /** {@code ⌊(w + left + right − dW·(kW − 1) − 1) / sW⌋ + 1}; may be ≤ 0. */
  public long outputWidth(long w) {
    return outputSize(w, padLeft + padRight, dilationW, kernelW, strideW);
  }

  private static long outputSize(long size, long pads, long dilation, long kernel, long stride) {
    return Math.floorDiv(size + pads - dilation * (kernel - 1) - 1, stride) + 1;
  }

  private static long[] ints(OpDefinition def, Operation op, String name, int length) {
    long[] values = CimSupport.ints(def, op, name);
    if (values.length != length) {
      throw new ShapeInferenceException("'" + name + "' must have " + length + " elements, but has " + values.length);
    }
    return values;
  }

  private static void check(String name, long min, long... values) {
    for (long v : values) {
      if (v < min) {
        String bound = min == 0 ? "must not be negative" : "must be at least " + min;
        throw new ShapeInferenceException("'" + name + "' elements " + bound + ", but it is "
            + Arrays.toString(values));
      }
    }
  }
}

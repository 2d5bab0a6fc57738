package dev.dyad.dialect.nn;

import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.type.Type;
import java.util.List;

/** The properties and the type inference the two 2-D pooling ops share. */
final class Pooling {
  private Pooling() {}

  static final String KERNEL_SHAPE = "kernel_shape";
  static final String STRIDES = "strides";
  static final String PADS = "pads";
  static final String DILATIONS = "dilations";
  static final String CEIL_MODE = "ceil_mode";

  static DictionaryAttr props(long[] kernelShape, long[] strides, long[] pads, boolean ceilMode) {
    return DictionaryAttr.EMPTY.with(KERNEL_SHAPE, NnOps.i64s(kernelShape)).with(STRIDES, NnOps.i64s(strides))
        .with(PADS, NnOps.i64s(pads)).with(CEIL_MODE, NnOps.flag(ceilMode));
  }

  /** {@code [N, C, H_out, W_out]}; {@code dilated} for max pooling, the only one with dilations. */
  static List<Type> infer(OpAdaptor adaptor, boolean dilated) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shapeOfRank(NnOps.INPUT, 4, "NCHW");
    long[] kernel = in.ints(KERNEL_SHAPE, 2, 1);
    long[] strides = in.ints(STRIDES, 2, 1);
    long[] pads = in.ints(PADS, 4, 0);
    long[] dilations = dilated ? in.ints(DILATIONS, 2, 1) : new long[] {1, 1};
    boolean ceil = in.flag(CEIL_MODE);
    long h = in.window("height", x[2], kernel[0], strides[0], pads[0], pads[2], dilations[0], true, ceil);
    long w = in.window("width", x[3], kernel[1], strides[1], pads[1], pads[3], dilations[1], true, ceil);
    return List.of(NnInfer.tensorType(new long[] {x[0], x[1], h, w}, in.element(NnOps.INPUT)));
  }
}

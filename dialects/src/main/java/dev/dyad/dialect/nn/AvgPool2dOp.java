package dev.dyad.dialect.nn;

import static dev.dyad.dialect.nn.NnConstraints.flag;
import static dev.dyad.dialect.nn.NnConstraints.i64Array;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/**
 * {@code nn.avg_pool2d}: the mean over each window of an NCHW input, counting padded positions
 * in the divisor only with {@code count_include_pad}; f32 only.
 */
public record AvgPool2dOp(Operation op) {
  public static final String NAME = "nn.avg_pool2d";
  public static final String COUNT_INCLUDE_PAD = "count_include_pad";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("2-D average pooling of an NCHW input, f32 only")
      .operand(NnOps.INPUT, NnConstraints.F32_TENSOR)
      .property(Pooling.KERNEL_SHAPE, i64Array())
      .property(Pooling.STRIDES, i64Array(), NnOps.i64s(1, 1))
      .property(Pooling.PADS, i64Array(), NnOps.i64s(0, 0, 0, 0))
      .property(Pooling.CEIL_MODE, flag(), NnOps.flag(false))
      .property(COUNT_INCLUDE_PAD, flag(), NnOps.flag(false))
      .result(NnOps.OUTPUT, NnConstraints.F32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(op -> Pooling.infer(op, false))
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public AvgPool2dOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code pads} is {@code [top, left, bottom, right]}. */
  public static AvgPool2dOp create(Builder b, Location loc, Value input, long[] kernelShape, long[] strides,
      long[] pads, boolean ceilMode, boolean countIncludePad) {
    DictionaryAttr props = Pooling.props(kernelShape, strides, pads, ceilMode)
        .with(COUNT_INCLUDE_PAD, NnOps.flag(countIncludePad));
    return new AvgPool2dOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public long[] kernelShape() {
    return NnOps.ints(DEFINITION, op, Pooling.KERNEL_SHAPE);
  }

  public long[] strides() {
    return NnOps.ints(DEFINITION, op, Pooling.STRIDES);
  }

  /** {@code [top, left, bottom, right]}. */
  public long[] pads() {
    return NnOps.ints(DEFINITION, op, Pooling.PADS);
  }

  public boolean ceilMode() {
    return NnOps.flag(DEFINITION, op, Pooling.CEIL_MODE);
  }

  public boolean countIncludePad() {
    return NnOps.flag(DEFINITION, op, COUNT_INCLUDE_PAD);
  }
}

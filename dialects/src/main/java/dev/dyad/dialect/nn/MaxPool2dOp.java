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
 * {@code nn.max_pool2d}: the maximum over each (dilated) window of an NCHW input; padding never
 * wins. On f32 or i8.
 */
public record MaxPool2dOp(Operation op) {
  public static final String NAME = "nn.max_pool2d";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("2-D max pooling of an NCHW input, f32 or i8")
      .operand(NnOps.INPUT, NnConstraints.F32_OR_I8_TENSOR)
      .property(Pooling.KERNEL_SHAPE, i64Array())
      .property(Pooling.STRIDES, i64Array(), NnOps.i64s(1, 1))
      .property(Pooling.PADS, i64Array(), NnOps.i64s(0, 0, 0, 0))
      .property(Pooling.DILATIONS, i64Array(), NnOps.i64s(1, 1))
      .property(Pooling.CEIL_MODE, flag(), NnOps.flag(false))
      .result(NnOps.OUTPUT, NnConstraints.F32_OR_I8_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(op -> Pooling.infer(op, true))
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public MaxPool2dOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code pads} is {@code [top, left, bottom, right]}. */
  public static MaxPool2dOp create(Builder b, Location loc, Value input, long[] kernelShape, long[] strides,
      long[] pads, long[] dilations, boolean ceilMode) {
    DictionaryAttr props = Pooling.props(kernelShape, strides, pads, ceilMode)
        .with(Pooling.DILATIONS, NnOps.i64s(dilations));
    return new MaxPool2dOp(NnOps.create(b, loc, DEFINITION, props, input));
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

  public long[] dilations() {
    return NnOps.ints(DEFINITION, op, Pooling.DILATIONS);
  }

  public boolean ceilMode() {
    return NnOps.flag(DEFINITION, op, Pooling.CEIL_MODE);
  }
}

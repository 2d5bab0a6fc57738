package dev.dyad.dialect.nn;

import static dev.dyad.dialect.nn.NnConstraints.F32_OR_I32_TENSOR;
import static dev.dyad.dialect.nn.NnConstraints.F32_OR_I8_TENSOR;
import static dev.dyad.dialect.nn.NnConstraints.i64;
import static dev.dyad.dialect.nn.NnConstraints.i64Array;
import static dev.dyad.ir.ods.ValueSpec.optional;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code nn.conv2d}: 2-D convolution of an NCHW input with OIHW weights (I = C_in / group) and an
 * optional bias; {@code group = C_in} is a depthwise convolution. f32, or i8 with i32 accumulation.
 */
public record Conv2dOp(Operation op) {
  public static final String NAME = "nn.conv2d";
  public static final String STRIDES = "strides";
  public static final String PADS = "pads";
  public static final String DILATIONS = "dilations";
  public static final String GROUP = "group";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("2-D convolution, NCHW input and OIHW weight; f32 or quantized (i8 -> i32)")
      .operand("input", F32_OR_I8_TENSOR)
      .operand("weight", F32_OR_I8_TENSOR)
      .operand("bias", optional(F32_OR_I32_TENSOR))
      .property(STRIDES, i64Array(), NnOps.i64s(1, 1))
      .property(PADS, i64Array(), NnOps.i64s(0, 0, 0, 0))
      .property(DILATIONS, i64Array(), NnOps.i64s(1, 1))
      .property(GROUP, i64(), NnOps.i64(1))
      .optionalProperty(NnOps.INPUT_ZERO_POINT, i64())
      .optionalProperty(NnOps.WEIGHT_ZERO_POINT, i64())
      .result(NnOps.OUTPUT, F32_OR_I32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(Conv2dOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public Conv2dOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /**
   * An f32 convolution, or a quantized one when the operands are i8 (zero points 0); {@code bias}
   * may be null. {@code pads} is {@code [top, left, bottom, right]}.
   */
  public static Conv2dOp create(Builder b, Location loc, Value input, Value weight, Value bias, long[] strides,
      long[] pads, long[] dilations, long group) {
    return new Conv2dOp(NnOps.create(b, loc, DEFINITION, props(strides, pads, dilations, group), input, weight, bias));
  }

  /** A quantized convolution (i8 input and weight, i32 bias or null) with zero points. */
  public static Conv2dOp createQuantized(Builder b, Location loc, Value input, Value weight, Value bias,
      long[] strides, long[] pads, long[] dilations, long group, long inputZeroPoint, long weightZeroPoint) {
    DictionaryAttr props = props(strides, pads, dilations, group)
        .with(NnOps.INPUT_ZERO_POINT, NnOps.i64(inputZeroPoint))
        .with(NnOps.WEIGHT_ZERO_POINT, NnOps.i64(weightZeroPoint));
    return new Conv2dOp(NnOps.create(b, loc, DEFINITION, props, input, weight, bias));
  }

  private static DictionaryAttr props(long[] strides, long[] pads, long[] dilations, long group) {
    return DictionaryAttr.EMPTY.with(STRIDES, NnOps.i64s(strides)).with(PADS, NnOps.i64s(pads))
        .with(DILATIONS, NnOps.i64s(dilations)).with(GROUP, NnOps.i64(group));
  }

  public Value input() {
    return DEFINITION.operand(op, "input");
  }

  public Value weight() {
    return DEFINITION.operand(op, "weight");
  }

  /** The bias, or null. */
  public Value bias() {
    return DEFINITION.operand(op, "bias");
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public long[] strides() {
    return NnOps.ints(DEFINITION, op, STRIDES);
  }

  /** {@code [top, left, bottom, right]}. */
  public long[] pads() {
    return NnOps.ints(DEFINITION, op, PADS);
  }

  public long[] dilations() {
    return NnOps.ints(DEFINITION, op, DILATIONS);
  }

  public long group() {
    return NnOps.i64(DEFINITION, op, GROUP);
  }

  /** Whether the op is the quantized form (i8 operands, i32 result). */
  public boolean isQuantized() {
    return NnOps.isQuantized(op);
  }

  public long inputZeroPoint() {
    return NnOps.i64OrZero(op, NnOps.INPUT_ZERO_POINT);
  }

  public long weightZeroPoint() {
    return NnOps.i64OrZero(op, NnOps.WEIGHT_ZERO_POINT);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    Type element = in.quantizedForm("bias", "input", "weight");
    long[] x = in.shapeOfRank("input", 4, "NCHW");
    long[] w = in.shapeOfRank("weight", 4, "OIHW");
    long[] strides = in.ints(STRIDES, 2, 1);
    long[] pads = in.ints(PADS, 4, 0);
    long[] dilations = in.ints(DILATIONS, 2, 1);
    long group = in.i64(GROUP);
    if (group < 1) {
      throw in.fail("'group' must be positive, but is " + group);
    }
    if (x[1] % group != 0) {
      throw in.fail("input channels (" + x[1] + ") must be divisible by 'group' (" + group + ")");
    }
    if (w[0] % group != 0) {
      throw in.fail("output channels (" + w[0] + ") must be divisible by 'group' (" + group + ")");
    }
    if (w[1] != x[1] / group) {
      throw in.fail("'weight' dimension 1 must be C_in / group = " + x[1] + " / " + group + " = " + x[1] / group
          + ", but is " + w[1]);
    }
    in.checkShape("bias", new long[] {w[0]}, "the output channels");
    long h = in.window("height", x[2], w[2], strides[0], pads[0], pads[2], dilations[0], false, false);
    long wd = in.window("width", x[3], w[3], strides[1], pads[1], pads[3], dilations[1], false, false);
    return List.of(NnInfer.tensorType(new long[] {x[0], w[0], h, wd}, element));
  }
}

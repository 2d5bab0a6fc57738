package dev.dyad.dialect.nn;

import static dev.dyad.dialect.nn.NnConstraints.F32_OR_I32_TENSOR;
import static dev.dyad.dialect.nn.NnConstraints.F32_OR_I8_TENSOR;
import static dev.dyad.dialect.nn.NnConstraints.i64;
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
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.linear}: {@code y = x · Wᵀ + b} (PyTorch's Linear) with {@code x: [..., in]},
 * {@code W: [out, in]}, optional {@code b: [out]}; f32, or i8 with i32 accumulation.
 */
public record LinearOp(Operation op) {
  public static final String NAME = "nn.linear";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("fully connected layer y = x * W^T + b, W is [out, in]; f32 or quantized (i8 -> i32)")
      .operand("input", F32_OR_I8_TENSOR)
      .operand("weight", F32_OR_I8_TENSOR)
      .operand("bias", optional(F32_OR_I32_TENSOR))
      .optionalProperty(NnOps.INPUT_ZERO_POINT, i64())
      .optionalProperty(NnOps.WEIGHT_ZERO_POINT, i64())
      .result(NnOps.OUTPUT, F32_OR_I32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(LinearOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public LinearOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** An f32 layer, or a quantized one when the operands are i8 (zero points 0); {@code bias} may be null. */
  public static LinearOp create(Builder b, Location loc, Value input, Value weight, Value bias) {
    return new LinearOp(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, input, weight, bias));
  }

  /** A quantized layer (i8 input and weight, i32 bias or null) with zero points. */
  public static LinearOp createQuantized(Builder b, Location loc, Value input, Value weight, Value bias,
      long inputZeroPoint, long weightZeroPoint) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(NnOps.INPUT_ZERO_POINT, NnOps.i64(inputZeroPoint))
        .with(NnOps.WEIGHT_ZERO_POINT, NnOps.i64(weightZeroPoint));
    return new LinearOp(NnOps.create(b, loc, DEFINITION, props, input, weight, bias));
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
    long[] x = in.shapeOfMinRank("input", 1);
    long[] w = in.shapeOfRank("weight", 2, "out, in");
    if (x[x.length - 1] != w[1]) {
      throw in.fail("'input' has " + x[x.length - 1] + " features (last dimension), but 'weight' takes " + w[1]
          + " (dimension 1)");
    }
    in.checkShape("bias", new long[] {w[0]}, "the output features");
    long[] out = Arrays.copyOf(x, x.length);
    out[out.length - 1] = w[0];
    return List.of(NnInfer.tensorType(out, element));
  }
}

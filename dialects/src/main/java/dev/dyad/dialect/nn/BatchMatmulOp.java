package dev.dyad.dialect.nn;

import static dev.dyad.dialect.nn.NnConstraints.F32_OR_I32_TENSOR;
import static dev.dyad.dialect.nn.NnConstraints.F32_OR_I8_TENSOR;
import static dev.dyad.dialect.nn.NnConstraints.flag;
import static dev.dyad.dialect.nn.NnConstraints.i64;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/**
 * {@code nn.batch_matmul}: the product of two activations {@code [..., M, K] × [..., K, N]} with
 * equal batch dimensions (attention's QKᵀ and AV); either may be read transposed. f32, or i8
 * with i32 accumulation.
 */
public record BatchMatmulOp(Operation op) {
  public static final String NAME = "nn.batch_matmul";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("batched product of two activations with equal batch dimensions; f32 or quantized (i8 -> i32)")
      .operand("a", F32_OR_I8_TENSOR)
      .operand("b", F32_OR_I8_TENSOR)
      .property(MatmulOp.TRANSPOSE_A, flag(), NnOps.flag(false))
      .property(MatmulOp.TRANSPOSE_B, flag(), NnOps.flag(false))
      .optionalProperty(NnOps.INPUT_ZERO_POINT, i64())
      .optionalProperty(NnOps.WEIGHT_ZERO_POINT, i64())
      .result(NnOps.OUTPUT, F32_OR_I32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(op -> MatmulOp.infer(op, false))
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public BatchMatmulOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** An f32 product, or a quantized one when the operands are i8 (zero points 0). */
  public static BatchMatmulOp create(Builder b, Location loc, Value lhs, Value rhs, boolean transposeA,
      boolean transposeB) {
    return new BatchMatmulOp(NnOps.create(b, loc, DEFINITION, MatmulOp.props(transposeA, transposeB), lhs, rhs));
  }

  /** A quantized product (i8 operands) with zero points ({@code input_zero_point} is a's, the other b's). */
  public static BatchMatmulOp createQuantized(Builder b, Location loc, Value lhs, Value rhs, boolean transposeA,
      boolean transposeB, long inputZeroPoint, long weightZeroPoint) {
    DictionaryAttr props = MatmulOp.props(transposeA, transposeB)
        .with(NnOps.INPUT_ZERO_POINT, NnOps.i64(inputZeroPoint))
        .with(NnOps.WEIGHT_ZERO_POINT, NnOps.i64(weightZeroPoint));
    return new BatchMatmulOp(NnOps.create(b, loc, DEFINITION, props, lhs, rhs));
  }

  public Value a() {
    return op.getOperand(0);
  }

  public Value b() {
    return op.getOperand(1);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public boolean transposeA() {
    return NnOps.flag(DEFINITION, op, MatmulOp.TRANSPOSE_A);
  }

  public boolean transposeB() {
    return NnOps.flag(DEFINITION, op, MatmulOp.TRANSPOSE_B);
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
}

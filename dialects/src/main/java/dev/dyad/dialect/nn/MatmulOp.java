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
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.Type;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.matmul}: {@code [..., M, K] × [..., K, N]} with numpy-broadcast batch dimensions
 * (rank ≥ 2 each); {@code b} is typically a constant weight. Either operand may be read
 * transposed (its last two dimensions swapped). f32, or i8 with i32 accumulation.
 */
public record MatmulOp(Operation op) {
  public static final String NAME = "nn.matmul";
  public static final String TRANSPOSE_A = "transpose_a";
  public static final String TRANSPOSE_B = "transpose_b";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("matrix product with broadcast batch dimensions; f32 or quantized (i8 -> i32)")
      .operand("a", F32_OR_I8_TENSOR)
      .operand("b", F32_OR_I8_TENSOR)
      .property(TRANSPOSE_A, flag(), NnOps.flag(false))
      .property(TRANSPOSE_B, flag(), NnOps.flag(false))
      .optionalProperty(NnOps.INPUT_ZERO_POINT, i64())
      .optionalProperty(NnOps.WEIGHT_ZERO_POINT, i64())
      .result(NnOps.OUTPUT, F32_OR_I32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(op -> infer(op, true))
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public MatmulOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** An f32 product, or a quantized one when the operands are i8 (zero points 0). */
  public static MatmulOp create(Builder b, Location loc, Value lhs, Value rhs, boolean transposeA,
      boolean transposeB) {
    return new MatmulOp(NnOps.create(b, loc, DEFINITION, props(transposeA, transposeB), lhs, rhs));
  }

  /** A quantized product (i8 operands) with zero points ({@code input_zero_point} is a's). */
  public static MatmulOp createQuantized(Builder b, Location loc, Value lhs, Value rhs, boolean transposeA,
      boolean transposeB, long inputZeroPoint, long weightZeroPoint) {
    DictionaryAttr props = props(transposeA, transposeB)
        .with(NnOps.INPUT_ZERO_POINT, NnOps.i64(inputZeroPoint))
        .with(NnOps.WEIGHT_ZERO_POINT, NnOps.i64(weightZeroPoint));
    return new MatmulOp(NnOps.create(b, loc, DEFINITION, props, lhs, rhs));
  }

  static DictionaryAttr props(boolean transposeA, boolean transposeB) {
    return DictionaryAttr.EMPTY.with(TRANSPOSE_A, NnOps.flag(transposeA)).with(TRANSPOSE_B, NnOps.flag(transposeB));
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
    return NnOps.flag(DEFINITION, op, TRANSPOSE_A);
  }

  public boolean transposeB() {
    return NnOps.flag(DEFINITION, op, TRANSPOSE_B);
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

  /** The result of a matmul ({@code broadcast}: batch dimensions broadcast) or a batch_matmul. */
  static List<Type> infer(OpAdaptor adaptor, boolean broadcast) {
    NnInfer in = new NnInfer(adaptor);
    Type element = in.quantizedForm(null, "a", "b");
    long[] a = in.shapeOfMinRank("a", 2);
    long[] b = in.shapeOfMinRank("b", 2);
    boolean ta = in.flag(TRANSPOSE_A);
    boolean tb = in.flag(TRANSPOSE_B);
    long m = a[a.length - (ta ? 1 : 2)];
    long ka = a[a.length - (ta ? 2 : 1)];
    long kb = b[b.length - (tb ? 1 : 2)];
    long n = b[b.length - (tb ? 2 : 1)];
    if (ka != kb) {
      throw in.fail("contraction dimensions differ: 'a' has K = " + ka + ", 'b' has K = " + kb);
    }
    long[] batchA = Arrays.copyOf(a, a.length - 2);
    long[] batchB = Arrays.copyOf(b, b.length - 2);
    long[] batch;
    if (broadcast) {
      batch = Shapes.broadcast(batchA, batchB);
      if (batch == null) {
        throw in.fail("batch dimensions " + Shapes.format(batchA) + " and " + Shapes.format(batchB)
            + " are not broadcastable");
      }
    } else {
      if (!Arrays.equals(batchA, batchB)) {
        throw in.fail("batch dimensions " + Shapes.format(batchA) + " and " + Shapes.format(batchB)
            + " must be equal");
      }
      batch = batchA;
    }
    long[] out = Arrays.copyOf(batch, batch.length + 2);
    out[batch.length] = m;
    out[batch.length + 1] = n;
    return List.of(NnInfer.tensorType(out, element));
  }
}

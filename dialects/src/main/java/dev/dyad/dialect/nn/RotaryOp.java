package dev.dyad.dialect.nn;

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
 * {@code nn.rotary}: rotary position embedding of {@code x: [B, H, S, D]} in the half-split
 * (LLaMA / Hugging Face) convention: pair {@code (i, i + D/2)} at position
 * {@code p = position_offset + s} turns by {@code p · theta^(-2i/D)}. f32 only.
 */
public record RotaryOp(Operation op) {
  public static final String NAME = "nn.rotary";
  public static final String THETA = "theta";
  public static final String POSITION_OFFSET = "position_offset";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("rotary position embedding of [B, H, S, D], half-split pairs (i, i + D/2), f32 only")
      .operand(NnOps.INPUT, NnConstraints.F32_TENSOR)
      .property(THETA, NnConstraints.f32(), NnOps.f32(10000f))
      .property(POSITION_OFFSET, NnConstraints.i64(), NnOps.i64(0))
      .result(NnOps.OUTPUT, NnConstraints.F32_TENSOR)
      .trait(Trait.PURE, Trait.SAME_OPERANDS_AND_RESULT_TYPE)
      .inferTypes(RotaryOp::infer)
      .assemblyFormat(NnOps.SAME_TYPE_FORMAT)
      .build();

  public RotaryOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static RotaryOp create(Builder b, Location loc, Value input, float theta, long positionOffset) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(THETA, NnOps.f32(theta))
        .with(POSITION_OFFSET, NnOps.i64(positionOffset));
    return new RotaryOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public float theta() {
    return NnOps.f32(DEFINITION, op, THETA);
  }

  public long positionOffset() {
    return NnOps.i64(DEFINITION, op, POSITION_OFFSET);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shapeOfRank(NnOps.INPUT, 4, "B, H, S, D");
    if (x[3] % 2 != 0) {
      throw in.fail("the head dimension D (last) must be even, but is " + x[3]);
    }
    in.positiveF32(THETA);
    long offset = in.i64(POSITION_OFFSET);
    if (offset < 0) {
      throw in.fail("'position_offset' must be non-negative, but is " + offset);
    }
    return List.of(in.tensor(NnOps.INPUT));
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/** {@code nn.hardsigmoid}: {@code max(0, min(1, alpha · x + beta))} (ONNX HardSigmoid), f32 only. */
public record HardSigmoidOp(Operation op) {
  public static final String NAME = "nn.hardsigmoid";
  public static final String ALPHA = "alpha";
  public static final String BETA = "beta";

  public static final OpDefinition DEFINITION =
      NnOps.unary(NAME, "max(0, min(1, alpha * x + beta)), f32 only", NnConstraints.F32_TENSOR)
          .property(ALPHA, NnConstraints.f32(), NnOps.f32(0.2f))
          .property(BETA, NnConstraints.f32(), NnOps.f32(0.5f))
          .build();

  public HardSigmoidOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static HardSigmoidOp create(Builder b, Location loc, Value input, float alpha, float beta) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(ALPHA, NnOps.f32(alpha)).with(BETA, NnOps.f32(beta));
    return new HardSigmoidOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public float alpha() {
    return NnOps.f32(DEFINITION, op, ALPHA);
  }

  public float beta() {
    return NnOps.f32(DEFINITION, op, BETA);
  }
}

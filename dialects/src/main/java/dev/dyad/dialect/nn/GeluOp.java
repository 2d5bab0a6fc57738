package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/**
 * {@code nn.gelu}: {@code 0.5 · x · (1 + erf(x / √2))}, or with {@code approximate = "tanh"}
 * {@code 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))}; f32 only.
 */
public record GeluOp(Operation op) {
  public static final String NAME = "nn.gelu";
  public static final String APPROXIMATE = "approximate";
  public static final String NONE = "none";
  public static final String TANH = "tanh";

  public static final OpDefinition DEFINITION =
      NnOps.unary(NAME, "Gaussian error linear unit (exact or tanh approximation), f32 only", NnConstraints.F32_TENSOR)
          .property(APPROXIMATE, NnConstraints.oneOf(NONE, TANH), NnOps.string(NONE))
          .build();

  public GeluOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code approximate} is {@link #NONE} or {@link #TANH}. */
  public static GeluOp create(Builder b, Location loc, Value input, String approximate) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(APPROXIMATE, NnOps.string(approximate));
    return new GeluOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  /** {@link #NONE} (erf) or {@link #TANH}. */
  public String approximate() {
    return NnOps.string(DEFINITION, op, APPROXIMATE);
  }
}

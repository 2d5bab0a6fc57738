package dev.dyad.dialect.nn;

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
 * {@code nn.rms_norm}: {@code x / sqrt(mean(x²) + epsilon) · scale} over the last dimension
 * (LLaMA's RMSNorm); {@code scale} is optional, shaped {@code [D]}. f32 only.
 */
public record RmsNormOp(Operation op) {
  public static final String NAME = "nn.rms_norm";
  public static final String EPSILON = "epsilon";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("root-mean-square normalisation over the last dimension, f32 only")
      .operand(NnOps.INPUT, NnConstraints.F32_TENSOR)
      .operand("scale", optional(NnConstraints.F32_TENSOR))
      .property(EPSILON, NnConstraints.f32(), NnOps.f32(1e-5f))
      .result(NnOps.OUTPUT, NnConstraints.F32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(RmsNormOp::infer)
      .assemblyFormat("$input (`scale` $scale^)? attr-dict `:` functional-type(operands, results)")
      .build();

  public RmsNormOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code scale} may be null. */
  public static RmsNormOp create(Builder b, Location loc, Value input, Value scale, float epsilon) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(EPSILON, NnOps.f32(epsilon));
    return new RmsNormOp(NnOps.create(b, loc, DEFINITION, props, input, scale));
  }

  public Value input() {
    return DEFINITION.operand(op, NnOps.INPUT);
  }

  /** The scale, or null. */
  public Value scale() {
    return DEFINITION.operand(op, "scale");
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public float epsilon() {
    return NnOps.f32(DEFINITION, op, EPSILON);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shapeOfMinRank(NnOps.INPUT, 1);
    in.nonNegativeF32(EPSILON);
    in.checkShape("scale", new long[] {x[x.length - 1]}, "the last dimension");
    return List.of(in.tensor(NnOps.INPUT));
  }
}

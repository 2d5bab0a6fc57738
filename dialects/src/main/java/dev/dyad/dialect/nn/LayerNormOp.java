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
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.layer_norm}: normalises over the dimensions from {@code axis} to the last (ONNX
 * LayerNormalization), {@code (x - mean) / sqrt(var + epsilon) · scale + bias} with the biased
 * variance; {@code scale} and {@code bias} are optional and shaped like those dimensions. f32 only.
 */
public record LayerNormOp(Operation op) {
  public static final String NAME = "nn.layer_norm";
  public static final String AXIS = "axis";
  public static final String EPSILON = "epsilon";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("layer normalisation over the dimensions from axis on, f32 only")
      .operand(NnOps.INPUT, NnConstraints.F32_TENSOR)
      .operand("scale", optional(NnConstraints.F32_TENSOR))
      .operand("bias", optional(NnConstraints.F32_TENSOR))
      .property(AXIS, NnConstraints.i64(), NnOps.i64(-1))
      .property(EPSILON, NnConstraints.f32(), NnOps.f32(1e-5f))
      .result(NnOps.OUTPUT, NnConstraints.F32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(LayerNormOp::infer)
      .assemblyFormat("$input (`scale` $scale^)? (`bias` $bias^)? attr-dict `:` functional-type(operands, results)")
      .build();

  public LayerNormOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code scale} and {@code bias} may be null. */
  public static LayerNormOp create(Builder b, Location loc, Value input, Value scale, Value bias, long axis,
      float epsilon) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(AXIS, NnOps.i64(axis)).with(EPSILON, NnOps.f32(epsilon))
        .with(OpDefinition.OPERAND_SEGMENT_SIZES,
            OpDefinition.segmentSizes(1, scale == null ? 0 : 1, bias == null ? 0 : 1));
    return new LayerNormOp(NnOps.create(b, loc, DEFINITION, props, input, scale, bias));
  }

  public Value input() {
    return DEFINITION.operand(op, NnOps.INPUT);
  }

  /** The scale, or null. */
  public Value scale() {
    return DEFINITION.operand(op, "scale");
  }

  /** The bias, or null. */
  public Value bias() {
    return DEFINITION.operand(op, "bias");
  }

  public OpResult output() {
    return op.getResult(0);
  }

  /** The first normalised axis as written (may be negative). */
  public long axis() {
    return NnOps.i64(DEFINITION, op, AXIS);
  }

  public float epsilon() {
    return NnOps.f32(DEFINITION, op, EPSILON);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shape(NnOps.INPUT);
    int axis = in.axis(AXIS, x.length, 0);
    in.nonNegativeF32(EPSILON);
    long[] normalized = Arrays.copyOfRange(x, axis, x.length);
    in.checkShape("scale", normalized, "the normalised dimensions");
    in.checkShape("bias", normalized, "the normalised dimensions");
    return List.of(in.tensor(NnOps.INPUT));
  }
}

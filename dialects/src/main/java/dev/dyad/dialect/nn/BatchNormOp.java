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
 * {@code nn.batch_norm}: inference-mode batch normalisation of an {@code [N, C, ...]} input,
 * {@code (x - mean[c]) / sqrt(var[c] + epsilon) · scale[c] + bias[c]}; the four parameters are
 * {@code [C]}. f32 only.
 */
public record BatchNormOp(Operation op) {
  public static final String NAME = "nn.batch_norm";
  public static final String EPSILON = "epsilon";
  private static final List<String> PARAMETERS = List.of("scale", "bias", "mean", "var");

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("inference batch normalisation over channel dimension 1, f32 only")
      .operand(NnOps.INPUT, NnConstraints.F32_TENSOR)
      .operand("scale", NnConstraints.F32_TENSOR)
      .operand("bias", NnConstraints.F32_TENSOR)
      .operand("mean", NnConstraints.F32_TENSOR)
      .operand("var", NnConstraints.F32_TENSOR)
      .property(EPSILON, NnConstraints.f32(), NnOps.f32(1e-5f))
      .result(NnOps.OUTPUT, NnConstraints.F32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(BatchNormOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public BatchNormOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static BatchNormOp create(Builder b, Location loc, Value input, Value scale, Value bias, Value mean,
      Value var, float epsilon) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(EPSILON, NnOps.f32(epsilon));
    return new BatchNormOp(NnOps.create(b, loc, DEFINITION, props, input, scale, bias, mean, var));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public Value scale() {
    return op.getOperand(1);
  }

  public Value bias() {
    return op.getOperand(2);
  }

  public Value mean() {
    return op.getOperand(3);
  }

  public Value var() {
    return op.getOperand(4);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public float epsilon() {
    return NnOps.f32(DEFINITION, op, EPSILON);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shapeOfMinRank(NnOps.INPUT, 2);
    in.nonNegativeF32(EPSILON);
    for (String p : PARAMETERS) {
      in.checkShape(p, new long[] {x[1]}, "the channels");
    }
    return List.of(in.tensor(NnOps.INPUT));
  }
}

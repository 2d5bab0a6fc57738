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

/** {@code nn.global_avg_pool}: the mean over H and W of an NCHW input, giving {@code [N, C, 1, 1]}; f32 only. */
public record GlobalAvgPoolOp(Operation op) {
  public static final String NAME = "nn.global_avg_pool";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("mean over the spatial dimensions of an NCHW input, f32 only")
      .operand(NnOps.INPUT, NnConstraints.F32_TENSOR)
      .result(NnOps.OUTPUT, NnConstraints.F32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(GlobalAvgPoolOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public GlobalAvgPoolOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static GlobalAvgPoolOp create(Builder b, Location loc, Value input) {
    return new GlobalAvgPoolOp(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shapeOfRank(NnOps.INPUT, 4, "NCHW");
    return List.of(NnInfer.tensorType(new long[] {x[0], x[1], 1, 1}, in.element(NnOps.INPUT)));
  }
}

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
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.embedding}: rows of a {@code [V, D]} table (f32 or i8) at {@code indices} (i32 or
 * i64, in {@code [0, V)}), giving {@code indices.shape + [D]}.
 */
public record EmbeddingOp(Operation op) {
  public static final String NAME = "nn.embedding";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("looks up rows of a [V, D] table")
      .operand("table", NnConstraints.F32_OR_I8_TENSOR)
      .operand("indices", NnConstraints.INDEX_TENSOR)
      .result(NnOps.OUTPUT, NnConstraints.F32_OR_I8_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(EmbeddingOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public EmbeddingOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static EmbeddingOp create(Builder b, Location loc, Value table, Value indices) {
    return new EmbeddingOp(NnOps.create(b, loc, DEFINITION, DictionaryAttr.EMPTY, table, indices));
  }

  public Value table() {
    return op.getOperand(0);
  }

  public Value indices() {
    return op.getOperand(1);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] table = in.shapeOfRank("table", 2, "V, D");
    long[] indices = in.shape("indices");
    long[] out = Arrays.copyOf(indices, indices.length + 1);
    out[indices.length] = table[1];
    return List.of(NnInfer.tensorType(out, in.element("table")));
  }
}

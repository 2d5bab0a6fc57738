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
 * {@code nn.gather}: ONNX Gather; picks entries of {@code data} along {@code axis} at
 * {@code indices} (i32 or i64, negative ones count from the end), giving
 * {@code data.shape[:axis] + indices.shape + data.shape[axis+1:]}.
 */
public record GatherOp(Operation op) {
  public static final String NAME = "nn.gather";
  public static final String AXIS = "axis";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("gathers entries along one axis at integer indices")
      .operand("data", NnConstraints.ANY_TENSOR)
      .operand("indices", NnConstraints.INDEX_TENSOR)
      .property(AXIS, NnConstraints.i64(), NnOps.i64(0))
      .result(NnOps.OUTPUT, NnConstraints.ANY_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(GatherOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public GatherOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static GatherOp create(Builder b, Location loc, Value data, Value indices, long axis) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(AXIS, NnOps.i64(axis));
    return new GatherOp(NnOps.create(b, loc, DEFINITION, props, data, indices));
  }

  public Value data() {
    return op.getOperand(0);
  }

  public Value indices() {
    return op.getOperand(1);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  /** The axis as written (may be negative). */
  public long axis() {
    return NnOps.i64(DEFINITION, op, AXIS);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] data = in.shapeOfMinRank("data", 1);
    long[] indices = in.shape("indices");
    int axis = in.axis(AXIS, data.length, 0);
    long[] out = new long[data.length - 1 + indices.length];
    System.arraycopy(data, 0, out, 0, axis);
    System.arraycopy(indices, 0, out, axis, indices.length);
    System.arraycopy(data, axis + 1, out, axis + indices.length, data.length - axis - 1);
    return List.of(NnInfer.tensorType(out, in.element("data")));
  }
}

package dev.dyad.dialect.nn;

import static dev.dyad.ir.ods.ValueSpec.variadic;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;

/** {@code nn.concat}: joins one or more tensors along {@code axis}; all other dimensions must agree. */
public record ConcatOp(Operation op) {
  public static final String NAME = "nn.concat";
  public static final String AXIS = "axis";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("concatenation along one axis")
      .operand("inputs", variadic(NnConstraints.ANY_TENSOR))
      .property(AXIS, NnConstraints.i64())
      .result(NnOps.OUTPUT, NnConstraints.ANY_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(ConcatOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public ConcatOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static ConcatOp create(Builder b, Location loc, List<? extends Value> inputs, long axis) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(AXIS, NnOps.i64(axis));
    return new ConcatOp(DEFINITION.create(b, loc, inputs, props));
  }

  public List<Value> inputs() {
    return op.getOperands();
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
    List<Type> inputs = in.tensors("inputs");
    if (inputs.isEmpty()) {
      throw in.fail("needs at least one input");
    }
    RankedTensorType first = (RankedTensorType) inputs.get(0);
    int axis = in.axis(AXIS, first.rank(), 0);
    long[] out = Shapes.toArray(first.shape());
    for (int i = 1; i < inputs.size(); i++) {
      RankedTensorType t = (RankedTensorType) inputs.get(i);
      if (!t.elementType().equals(first.elementType()) || t.rank() != first.rank()) {
        throw in.fail("input #" + i + " " + NnInfer.quoted(t) + " must have the element type and rank of input #0 "
            + NnInfer.quoted(first));
      }
      for (int d = 0; d < out.length; d++) {
        if (d != axis && t.shape().get(d) != out[d]) {
          throw in.fail("input #" + i + " " + NnInfer.quoted(t) + " differs from input #0 " + NnInfer.quoted(first)
              + " in dimension " + d + ", which is not the concatenation axis " + axis);
        }
      }
      out[axis] = in.sum(out[axis], t.shape().get(axis), "the concatenated dimension");
    }
    return List.of(NnInfer.tensorType(out, first.elementType()));
  }
}

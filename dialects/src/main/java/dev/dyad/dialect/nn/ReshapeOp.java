package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.RankedTensorType;
import java.util.List;

/**
 * {@code nn.reshape}: the same elements in row-major order under the result type's shape; the
 * element counts and element types must match.
 */
public record ReshapeOp(Operation op) {
  public static final String NAME = "nn.reshape";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("row-major reshape to the result type's shape")
      .operand(NnOps.INPUT, NnConstraints.ANY_TENSOR)
      .result(NnOps.OUTPUT, NnConstraints.ANY_TENSOR)
      .trait(Trait.PURE)
      .verify(ReshapeOp::verify)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public ReshapeOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /**
   * A reshape of {@code input} to {@code shape}, where at most one entry may be -1: it is
   * inferred from the element count (as in ONNX and PyTorch).
   */
  public static ReshapeOp create(Builder b, Location loc, Value input, long... shape) {
    RankedTensorType in = (RankedTensorType) input.getType();
    long[] dims = resolve(in.numElements(), shape);
    RankedTensorType type = NnInfer.tensorType(dims, in.elementType());
    return new ReshapeOp(DEFINITION.create(b, loc, List.of(input), DictionaryAttr.EMPTY, List.of(type)));
  }

  /** {@code shape} with its -1 entry (if any) replaced so that it holds {@code count} elements. */
  static long[] resolve(long count, long[] shape) {
    long[] dims = shape.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1 && unknown < 0) {
        unknown = i;
      } else if (dims[i] < 0) {
        throw new IllegalArgumentException("invalid reshape target " + Shapes.format(shape));
      } else {
        known *= dims[i];
      }
    }
    if (unknown >= 0) {
      if (known == 0 || count % known != 0) {
        throw new IllegalArgumentException("cannot reshape " + count + " elements to " + Shapes.format(shape));
      }
      dims[unknown] = count / known;
    }
    return dims;
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  /** The target shape (the result type's). */
  public long[] shape() {
    return Shapes.toArray(((RankedTensorType) output().getType()).shape());
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    RankedTensorType in = (RankedTensorType) op.getOperand(0).getType();
    RankedTensorType out = (RankedTensorType) op.getResult(0).getType();
    if (!in.elementType().equals(out.elementType())) {
      emitter.emitOpError(op, "result element type " + NnInfer.print(out.elementType())
          + " differs from the input element type " + NnInfer.print(in.elementType()));
      return;
    }
    if (in.numElements() != out.numElements()) {
      emitter.emitOpError(op, "input " + NnInfer.quoted(in) + " has " + in.numElements() + " elements, but result "
          + NnInfer.quoted(out) + " has " + out.numElements());
    }
  }
}

package dev.dyad.dialect.builtin;

import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.ValueSpec.variadic;

import dev.dyad.ir.Context;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpFoldResult;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code builtin.unrealized_conversion_cast}: a placeholder conversion between type sets that a
 * partial lowering leaves for a later one to resolve.
 */
public record UnrealizedConversionCastOp(Operation op) {
  public static final String NAME = "builtin.unrealized_conversion_cast";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("An unrealized conversion from one set of types to another")
      .operand("inputs", variadic(anyType()))
      .result("outputs", variadic(anyType()))
      .trait(Trait.PURE)
      .verify(UnrealizedConversionCastOp::verify)
      .fold(UnrealizedConversionCastOp::fold)
      .build();

  public UnrealizedConversionCastOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static UnrealizedConversionCastOp create(Context ctx, Location loc, List<? extends Value> inputs,
      List<? extends Type> outputTypes) {
    OperationState st = new OperationState(ctx.getOperationName(NAME), loc);
    st.addOperands(inputs).addTypes(outputTypes);
    return new UnrealizedConversionCastOp(Operation.create(st));
  }

  public List<Value> inputs() {
    return op.getOperands();
  }

  public List<OpResult> outputs() {
    return op.getResults();
  }

  /**
   * A cast to the types it already has is its inputs; a cast undoing the cast that produced all
   * its inputs is that cast's inputs.
   */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    if (op.getOperandTypes().equals(op.getResultTypes())) {
      return replacedBy(op.getOperands());
    }
    if (op.getNumOperands() == 0) {
      return FoldResult.failure();
    }
    Operation input = op.getOperand(0).getDefiningOp();
    if (input == null || !input.getNameString().equals(NAME) || !input.getResults().equals(op.getOperands())
        || !input.getOperandTypes().equals(op.getResultTypes())) {
      return FoldResult.failure();
    }
    return replacedBy(input.getOperands());
  }

  private static FoldResult replacedBy(List<Value> values) {
    List<OpFoldResult> results = new ArrayList<>();
    for (Value v : values) {
      results.add(OpFoldResult.of(v));
    }
    return results.isEmpty() ? FoldResult.failure() : FoldResult.replaced(results);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    if (op.getNumResults() == 0) {
      emitter.emitOpError(op, "expected at least one result for cast operation");
    }
  }
}

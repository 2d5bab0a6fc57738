package dev.dyad.dialect.func;

import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.ValueSpec.variadic;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Context;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.Type;
import java.util.List;

/** {@code func.return}: ends a function body, returning values of the function's result types. */
public record ReturnOp(Operation op) {
  public static final String NAME = "func.return";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("Function return operation")
      .operand("operands", variadic(anyType()))
      .trait(new Trait.HasParent(List.of(FuncOp.NAME)), Trait.PURE, Trait.RETURN_LIKE, Trait.TERMINATOR)
      .verify(ReturnOp::verify)
      .build();

  public ReturnOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static ReturnOp create(Context ctx, Location loc, List<? extends Value> values) {
    OperationState st = new OperationState(ctx.getOperationName(NAME), loc);
    st.addOperands(values);
    return new ReturnOp(Operation.create(st));
  }

  public List<Value> operands() {
    return op.getOperands();
  }

  /** HasParent ran first, so the parent is a verified func.func. */
  private static void verify(Operation op, DiagnosticEmitter emitter) {
    FuncOp function = new FuncOp(op.getParentOp());
    List<Type> results = function.functionType().results();
    if (op.getNumOperands() != results.size()) {
      emitter.emitOpError(op, "has " + op.getNumOperands() + " operands, but enclosing function (@"
          + function.symName() + ") returns " + results.size());
      return;
    }
    for (int i = 0; i < results.size(); i++) {
      Type actual = op.getOperand(i).getType();
      if (!actual.equals(results.get(i))) {
        emitter.emitError(op, "type of return operand " + i + " ('" + AsmPrinter.toString(actual)
            + "') doesn't match function result type ('" + AsmPrinter.toString(results.get(i)) + "') in function @"
            + function.symName());
        return;
      }
    }
  }
}

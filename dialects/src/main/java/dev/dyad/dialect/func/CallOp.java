package dev.dyad.dialect.func;

import static dev.dyad.ir.ods.AttrConstraints.dictArrayAttr;
import static dev.dyad.ir.ods.AttrConstraints.flatSymbolRefAttr;
import static dev.dyad.ir.ods.AttrConstraints.unitAttr;
import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.ValueSpec.variadic;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.SymbolTable;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.SymbolRefAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code func.call}: a direct call of the {@code func.func} named by {@code callee}, resolved in
 * the nearest symbol table; operand and result types must match the callee's signature.
 */
public record CallOp(Operation op) {
  public static final String NAME = "func.call";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("call operation")
      .property("callee", flatSymbolRefAttr())
      .operand("operands", variadic(anyType()))
      .optionalProperty("arg_attrs", dictArrayAttr())
      .optionalProperty("res_attrs", dictArrayAttr())
      .optionalProperty("no_inline", unitAttr())
      .result("results", variadic(anyType()))
      .verifySymbolUses(CallOp::verifySymbolUses)
      .build();

  public CallOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static CallOp create(Context ctx, Location loc, String callee, List<? extends Value> operands,
      List<? extends Type> resultTypes) {
    OperationState st = new OperationState(ctx.getOperationName(NAME), loc);
    st.properties = DictionaryAttr.EMPTY.with("callee", SymbolRefAttr.flat(callee));
    st.addOperands(operands).addTypes(resultTypes);
    return new CallOp(Operation.create(st));
  }

  public String callee() {
    return ((SymbolRefAttr) op.getProperty("callee")).root();
  }

  public List<Value> operands() {
    return op.getOperands();
  }

  public List<OpResult> results() {
    return op.getResults();
  }

  /** Run by the enclosing symbol table once everything in it verified. */
  private static void verifySymbolUses(Operation op, DiagnosticEmitter emitter) {
    if (!(op.getProperty("callee") instanceof SymbolRefAttr ref) || !ref.nested().isEmpty()) {
      emitter.emitOpError(op, "requires a 'callee' symbol reference attribute");
      return;
    }
    Operation callee = SymbolTable.lookupNearestSymbolFrom(op, ref);
    if (callee == null || !FuncOp.isa(callee)) {
      emitter.emitOpError(op, "'" + ref.root() + "' does not reference a valid function");
      return;
    }
    FunctionType type = new FuncOp(callee).functionType();
    if (type.inputs().size() != op.getNumOperands()) {
      emitter.emitOpError(op, "incorrect number of operands for callee");
      return;
    }
    for (int i = 0; i < type.inputs().size(); i++) {
      Type provided = op.getOperand(i).getType();
      if (!provided.equals(type.inputs().get(i))) {
        emitter.emitOpError(op, "operand type mismatch: expected operand type " + quoted(type.inputs().get(i))
            + ", but provided " + quoted(provided) + " for operand number " + i);
        return;
      }
    }
    if (type.results().size() != op.getNumResults()) {
      emitter.emitOpError(op, "incorrect number of results for callee");
      return;
    }
    for (int i = 0; i < type.results().size(); i++) {
      if (!op.getResult(i).getType().equals(type.results().get(i))) {
        Diagnostic d = emitter.emitOpError(op, "result type mismatch at index " + i);
        d.attachNote(op.getLoc(), "      op result types: " + quoted(op.getResultTypes()));
        d.attachNote(op.getLoc(), "function result types: " + quoted(type.results()));
        return;
      }
    }
  }

  private static String quoted(Type t) {
    return "'" + AsmPrinter.toString(t) + "'";
  }

  /** A type list as MLIR streams it into diagnostics: each type quoted, comma separated. */
  private static String quoted(List<Type> types) {
    List<String> parts = new ArrayList<>();
    for (Type t : types) {
      parts.add(quoted(t));
    }
    return String.join(", ", parts);
  }
}

package dev.dyad.dialect.func;

import static dev.dyad.ir.ods.AttrConstraints.dictArrayAttr;
import static dev.dyad.ir.ods.AttrConstraints.functionTypeAttr;
import static dev.dyad.ir.ods.AttrConstraints.stringAttr;
import static dev.dyad.ir.ods.AttrConstraints.symbolNameAttr;
import static dev.dyad.ir.ods.AttrConstraints.unitAttr;
import static dev.dyad.ir.ods.RegionConstraint.anyRegion;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Region;
import dev.dyad.ir.SymbolTable;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code func.func}: a named function, a symbol with a single SSACFG body region whose entry
 * block arguments are the function's parameters; an empty body makes an external declaration.
 */
public record FuncOp(Operation op) {
  public static final String NAME = "func.func";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("An operation with a name containing a single `SSACFG` region")
      .property(SymbolTable.SYMBOL_ATTR, symbolNameAttr())
      .property("function_type", functionTypeAttr())
      .optionalProperty(SymbolTable.VISIBILITY_ATTR, stringAttr())
      .optionalProperty("arg_attrs", dictArrayAttr())
      .optionalProperty("res_attrs", dictArrayAttr())
      .optionalProperty("no_inline", unitAttr())
      .region("body", anyRegion())
      .trait(Trait.SYMBOL, Trait.ISOLATED_FROM_ABOVE)
      .symbolDeclaration(op -> op.getRegion(0).isEmpty())
      .verify(FuncOp::verify)
      .build();

  public FuncOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** A function with an entry block whose arguments match {@code type}'s inputs. */
  public static FuncOp create(Context ctx, Location loc, String name, FunctionType type) {
    FuncOp f = declare(ctx, loc, name, type);
    Block entry = f.body().addBlock();
    for (Type t : type.inputs()) {
      entry.addArgument(t, loc);
    }
    return f;
  }

  /** An external function: no body (make it private before verifying, as MLIR requires). */
  public static FuncOp declare(Context ctx, Location loc, String name, FunctionType type) {
    OperationState st = new OperationState(ctx.getOperationName(NAME), loc);
    st.properties = DictionaryAttr.EMPTY
        .with(SymbolTable.SYMBOL_ATTR, StringAttr.of(name))
        .with("function_type", new TypeAttr(type));
    st.addRegion();
    return new FuncOp(Operation.create(st));
  }

  public String symName() {
    return ((StringAttr) op.getProperty(SymbolTable.SYMBOL_ATTR)).text();
  }

  public FunctionType functionType() {
    return (FunctionType) ((TypeAttr) op.getProperty("function_type")).type();
  }

  public Region body() {
    return op.getRegion(0);
  }

  public Block entryBlock() {
    return body().front();
  }

  public boolean isExternal() {
    return body().isEmpty();
  }

  /** {@code public} unless {@code sym_visibility} says otherwise. */
  public String visibility() {
    return op.getProperty(SymbolTable.VISIBILITY_ATTR) instanceof StringAttr s ? s.text() : "public";
  }

  public void setVisibility(String visibility) {
    op.setProperty(SymbolTable.VISIBILITY_ATTR, StringAttr.of(visibility));
  }

  /** MLIR's FunctionOpInterface checks: argument/result attributes, then the entry block. */
  private static void verify(Operation op, DiagnosticEmitter emitter) {
    FunctionType type = new FuncOp(op).functionType();
    if (!verifyAttrArray(op, emitter, "arg_attrs", "argument", "arguments", type.inputs().size())
        || !verifyAttrArray(op, emitter, "res_attrs", "result", "results", type.results().size())) {
      return;
    }
    verifyEntryBlock(new FuncOp(op), type, emitter);
  }

  private static boolean verifyAttrArray(Operation op, DiagnosticEmitter emitter, String property, String what,
      String plural, int expected) {
    if (!(op.getProperty(property) instanceof ArrayAttr all)) {
      return true;
    }
    if (all.size() != expected) {
      emitter.emitOpError(op, "expects " + what + " attribute array to have the same number of elements as the number"
          + " of function " + plural + ", got " + all.size() + ", but expected " + expected);
      return false;
    }
    for (Attribute dict : all.elements()) {
      for (NamedAttribute a : ((DictionaryAttr) dict).entries()) {
        // Only dialect attributes (with a dialect prefix) may annotate arguments and results.
        if (!a.name().contains(".")) {
          emitter.emitOpError(op, plural + " may only have dialect attributes");
          return false;
        }
      }
    }
    return true;
  }

  private static void verifyEntryBlock(FuncOp f, FunctionType type, DiagnosticEmitter emitter) {
    if (f.isExternal()) {
      return;
    }
    List<Type> inputs = type.inputs();
    Block entry = f.entryBlock();
    if (entry.getNumArguments() != inputs.size()) {
      emitter.emitOpError(f.op(), "entry block must have " + inputs.size() + " arguments to match function signature");
      return;
    }
    for (int i = 0; i < inputs.size(); i++) {
      Type argType = entry.getArgument(i).getType();
      if (!argType.equals(inputs.get(i))) {
        emitter.emitOpError(f.op(), "type of entry block argument #" + i + "('" + AsmPrinter.toString(argType)
            + "') must match the type of the corresponding argument in function signature('"
            + AsmPrinter.toString(inputs.get(i)) + "')");
        return;
      }
    }
  }
}

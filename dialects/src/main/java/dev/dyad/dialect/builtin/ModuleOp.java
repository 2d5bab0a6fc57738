package dev.dyad.dialect.builtin;

import static dev.dyad.ir.ods.AttrConstraints.stringAttr;
import static dev.dyad.ir.ods.AttrConstraints.symbolNameAttr;
import static dev.dyad.ir.ods.RegionConstraint.sizedRegion;

import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.SymbolTable;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.OpDefinition;

/**
 * {@code builtin.module}: the top-level container, an optionally named symbol table whose
 * single block is a graph region without terminator.
 */
public record ModuleOp(Operation op) {
  public static final String NAME = "builtin.module";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("A top level container operation")
      .optionalProperty(SymbolTable.SYMBOL_ATTR, symbolNameAttr())
      .optionalProperty(SymbolTable.VISIBILITY_ATTR, stringAttr())
      .region("bodyRegion", sizedRegion(1))
      .trait(Trait.GRAPH_REGION, Trait.ISOLATED_FROM_ABOVE, Trait.NO_REGION_ARGUMENTS, Trait.SYMBOL_TABLE,
          Trait.SYMBOL, Trait.NO_TERMINATOR, Trait.SINGLE_BLOCK)
      .verify(ModuleOp::verify)
      .build();

  public ModuleOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** An unnamed module with an empty body block. */
  public static ModuleOp create(Context ctx, Location loc) {
    OperationState st = new OperationState(ctx.getOperationName(NAME), loc);
    st.addRegion().addBlock();
    return new ModuleOp(Operation.create(st));
  }

  public Block body() {
    return op.getRegion(0).front();
  }

  /** The module's name, or null. */
  public String symName() {
    return op.getProperty(SymbolTable.SYMBOL_ATTR) instanceof StringAttr s ? s.text() : null;
  }

  /** Appends {@code nested} to the body. */
  public void push(Operation nested) {
    body().append(nested);
  }

  /** Only dialect attributes may be attached to a module, besides its symbol name and visibility. */
  private static void verify(Operation op, DiagnosticEmitter emitter) {
    for (NamedAttribute a : op.getAttrDictionary().entries()) {
      boolean symbolAttr = a.name().equals(SymbolTable.SYMBOL_ATTR) || a.name().equals(SymbolTable.VISIBILITY_ATTR);
      if (!a.name().contains(".") && !symbolAttr) {
        emitter.emitOpError(op, "can only contain attributes with dialect-prefixed names, found: '" + a.name() + "'");
        return;
      }
    }
  }
}

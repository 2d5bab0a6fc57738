package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.SymbolRefAttr;

/** Symbol lookup through ops with the SymbolTable trait, with MLIR's resolution rules. */
public final class SymbolTable {
  /** The attribute naming a symbol. */
  public static final String SYMBOL_ATTR = "sym_name";
  /** The attribute holding a symbol's visibility. */
  public static final String VISIBILITY_ATTR = "sym_visibility";

  private SymbolTable() {}

  /** The symbol name of {@code op} ({@code sym_name} as a string), or null. */
  public static String symbolName(Operation op) {
    Attribute a = op.getAttr(SYMBOL_ATTR);
    return a instanceof StringAttr s ? s.text() : null;
  }

  /**
   * The closest symbol table enclosing {@code from} (itself included), or null. Like MLIR, an op
   * of an unregistered dialect with one region might be a symbol table nobody knows about, so the
   * search gives up there.
   */
  public static Operation nearestSymbolTable(Operation from) {
    for (Operation op = from; op != null; op = op.getParentOp()) {
      if (isPotentiallyUnknownSymbolTable(op)) {
        return null;
      }
      if (op.hasTrait(Trait.SYMBOL_TABLE)) {
        return op;
      }
    }
    return null;
  }

  /**
   * MLIR asks whether the op's dialect is loaded; an unregistered op is the closest we can tell
   * without a Context (unknown ops of a registered dialect fail verification anyway).
   */
  private static boolean isPotentiallyUnknownSymbolTable(Operation op) {
    return op.getNumRegions() == 1 && !op.isRegistered();
  }

  /** The op named {@code name} directly in the body of symbol table {@code table}, or null. */
  public static Operation lookupSymbolIn(Operation table, String name) {
    if (table.getNumRegions() == 0 || table.getRegion(0).isEmpty()) {
      return null;
    }
    for (Operation op : table.getRegion(0).front().getOperations()) {
      if (name.equals(symbolName(op))) {
        return op;
      }
    }
    return null;
  }

  /** Resolves {@code ref} (nested references through nested tables) from {@code table}. */
  public static Operation lookupSymbolIn(Operation table, SymbolRefAttr ref) {
    Operation found = lookupSymbolIn(table, ref.root());
    for (String nested : ref.nested()) {
      if (found == null || !found.hasTrait(Trait.SYMBOL_TABLE)) {
        return null;
      }
      found = lookupSymbolIn(found, nested);
    }
    return found;
  }

  /** Resolves {@code ref} in the symbol table closest to {@code from}, or returns null. */
  public static Operation lookupNearestSymbolFrom(Operation from, SymbolRefAttr ref) {
    Operation table = nearestSymbolTable(from);
    return table == null ? null : lookupSymbolIn(table, ref);
  }
}

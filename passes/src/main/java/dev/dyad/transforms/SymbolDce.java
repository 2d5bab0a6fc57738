package dev.dyad.transforms;

import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.SubElements;
import dev.dyad.ir.SymbolTable;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.SymbolRefAttr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * MLIR's {@code symbol-dce}: erases the symbols nobody can reach. Public symbols and every
 * non-symbol op are live; whatever a live op references (through symbol reference attributes
 * anywhere in it, nested symbol tables aside) is live too.
 */
public final class SymbolDce {
  private final DiagnosticEmitter errors;
  private int erased;
  private boolean failed;

  public SymbolDce(Context context) {
    this((op, message) -> context.emitError(op.getLoc(), message));
  }

  /** A symbol DCE reporting its errors to {@code errors}. */
  public SymbolDce(DiagnosticEmitter errors) {
    this.errors = errors;
  }

  /**
   * Erases the dead symbols under symbol table {@code op}; whether any were. Reports an error
   * (and changes nothing) if {@code op} is not a symbol table or holds an op that might be one.
   */
  public boolean run(Operation op) {
    erased = 0;
    failed = false;
    if (!op.hasTrait(Trait.SYMBOL_TABLE)) {
      // MLIR streams " was scheduled..." after emitOpError's "'op' op ": hence the two spaces.
      errors.emitOpError(op, " was scheduled to run under SymbolDCE, but does not define a symbol table");
      failed = true;
      return false;
    }
    Set<Operation> live = Collections.newSetFromMap(new IdentityHashMap<>());
    if (!computeLiveness(op, live)) {
      failed = true;
      return false;
    }
    op.walk(table -> {
      if (!table.hasTrait(Trait.SYMBOL_TABLE) || table.getNumRegions() == 0 || table.getRegion(0).isEmpty()) {
        return;
      }
      for (Block b : table.getRegion(0).getBlocks()) {
        for (Operation sym : b.getOpsList()) {
          if (sym.hasTrait(Trait.SYMBOL) && !live.contains(sym)) {
            sym.erase();
            erased++;
          }
        }
      }
    });
    return erased > 0;
  }

  /** Whether the last {@link #run} reported an error (and changed nothing). */
  public boolean failed() {
    return failed;
  }

  /** How many symbols the last {@link #run} erased. */
  public int erasedSymbols() {
    return erased;
  }

  /**
   * Marks what is live under {@code table}. Only symbols that are not public can be discarded
   * (MLIR's default {@code canDiscardOnUseEmpty}), so whether the table itself is visible does
   * not matter here.
   */
  private boolean computeLiveness(Operation table, Set<Operation> live) {
    Deque<Operation> work = new ArrayDeque<>();
    for (Block b : table.getRegion(0).getBlocks()) {
      for (Operation op : b.getOperations()) {
        if (!op.hasTrait(Trait.SYMBOL)) {
          work.push(op);
          continue;
        }
        if (isPublic(op) && live.add(op)) {
          work.push(op);
        }
      }
    }
    while (!work.isEmpty()) {
      Operation op = work.pop();
      if (op.hasTrait(Trait.SYMBOL_TABLE)) {
        if (!computeLiveness(op, live)) {
          return false;
        }
      }
      List<SymbolRefAttr> uses = new ArrayList<>();
      if (!collectUses(op, uses)) {
        errors.emitError(op, "operation contains potentially unknown symbol table, meaning "
            + "that we can't reliable compute symbol uses");
        return false;
      }
      for (SymbolRefAttr ref : uses) {
        for (Operation sym : resolve(op.getParentOp(), ref)) {
          if (live.add(sym)) {
            work.push(sym);
          }
        }
      }
    }
    return true;
  }

  /**
   * Collects the symbol references held by {@code op} and the ops nested in it, not looking into
   * nested symbol tables; false if one of them might be a symbol table nobody knows about (an
   * unregistered op with one region), which would make the uses unknowable.
   */
  private static boolean collectUses(Operation op, List<SymbolRefAttr> uses) {
    Deque<Operation> work = new ArrayDeque<>();
    work.push(op);
    while (!work.isEmpty()) {
      Operation cur = work.pop();
      if (cur.getNumRegions() == 1 && !cur.isRegistered()) {
        return false;
      }
      collectRefs(cur, uses);
      if (cur.hasTrait(Trait.SYMBOL_TABLE)) {
        continue;
      }
      for (Region r : cur.getRegions()) {
        for (Block b : r.getBlocks()) {
          b.getOperations().forEach(work::push);
        }
      }
    }
    return true;
  }

  private static void collectRefs(Operation op, List<SymbolRefAttr> uses) {
    for (NamedAttribute a : op.getPropertiesDictionary().entries()) {
      SubElements.walk(a.value(), attr -> addRef(attr, uses));
    }
    for (NamedAttribute a : op.getAttrDictionary().entries()) {
      SubElements.walk(a.value(), attr -> addRef(attr, uses));
    }
  }

  private static void addRef(Attribute a, List<SymbolRefAttr> uses) {
    if (a instanceof SymbolRefAttr ref) {
      uses.add(ref);
    }
  }

  /** The symbols {@code ref} names from {@code table}, one per nesting level; empty if unknown. */
  private static List<Operation> resolve(Operation table, SymbolRefAttr ref) {
    List<Operation> out = new ArrayList<>();
    if (table == null || !table.hasTrait(Trait.SYMBOL_TABLE)) {
      return out;
    }
    Operation cur = SymbolTable.lookupSymbolIn(table, ref.root());
    if (cur == null) {
      return out;
    }
    out.add(cur);
    for (String nested : ref.nested()) {
      if (!cur.hasTrait(Trait.SYMBOL_TABLE)) {
        return List.of();
      }
      cur = SymbolTable.lookupSymbolIn(cur, nested);
      if (cur == null) {
        return List.of();
      }
      out.add(cur);
    }
    return out;
  }

  /** Public unless {@code sym_visibility} says {@code private} or {@code nested}. */
  private static boolean isPublic(Operation op) {
    return !(op.getAttr(SymbolTable.VISIBILITY_ATTR) instanceof StringAttr s) || s.text().equals("public");
  }
}

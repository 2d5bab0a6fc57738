package dev.dyad.transforms;

import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.DominanceInfo;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpOperand;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationName;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.type.Type;
import dev.dyad.rewrite.PatternRewriter;
import dev.dyad.rewrite.SideEffects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MLIR's common subexpression elimination: an op free of memory effects that repeats an earlier
 * equivalent op (same name, operands, result types, properties and attributes) visible from it
 * is replaced by that op (the operands of a commutative op in any order). Known ops are scoped by
 * region and block dominance; regions isolated from above start afresh. Trivially dead ops met on
 * the way are erased too.
 *
 * <p>In a region of several blocks, the dominator tree is walked: a block sees the ops of the
 * blocks dominating it; unreachable blocks are left alone. Departure from MLIR: ops with regions
 * are never merged.
 */
public final class Cse {
  /**
   * What makes two ops equivalent (locations aside). The operands of a commutative op are a
   * multiset, as in MLIR's {@code OperationEquivalence}.
   */
  private record Key(OperationName name, List<Value> operands, List<Type> resultTypes, Attribute properties,
      DictionaryAttr attributes, boolean commutative) {
    static Key of(Operation op) {
      return new Key(op.getName(), List.copyOf(op.getOperands()), op.getResultTypes(), op.getProperties(),
          op.getAttrDictionary(), op.hasTrait(Trait.COMMUTATIVE));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && name == k.name && resultTypes.equals(k.resultTypes)
          && java.util.Objects.equals(properties, k.properties) && attributes.equals(k.attributes)
          && (commutative ? sameMultiset(operands, k.operands) : operands.equals(k.operands));
    }

    @Override
    public int hashCode() {
      int operandHash = 0;
      for (Value v : operands) {
        operandHash = commutative ? operandHash + System.identityHashCode(v)
            : 31 * operandHash + System.identityHashCode(v);
      }
      return java.util.Objects.hash(name, resultTypes, properties, attributes) * 31 + operandHash;
    }

    private static boolean sameMultiset(List<Value> a, List<Value> b) {
      if (a.size() != b.size()) {
        return false;
      }
      List<Value> rest = new ArrayList<>(b);
      for (Value v : a) {
        int at = -1;
        for (int i = 0; i < rest.size() && at < 0; i++) {
          at = rest.get(i) == v ? i : -1;
        }
        if (at < 0) {
          return false;
        }
        rest.remove(at);
      }
      return true;
    }
  }

  /** How much one run eliminated. */
  public record Statistics(int eliminated, int erasedDead) {}

  private final PatternRewriter rewriter;
  private final DominanceInfo dominance = new DominanceInfo();
  private final List<Operation> toErase = new ArrayList<>();
  private final Set<Operation> known = Collections.newSetFromMap(new IdentityHashMap<>());
  private int eliminated;
  private int erasedDead;

  public Cse(Context context) {
    this.rewriter = new PatternRewriter(context);
  }

  /** Eliminates common subexpressions in the regions of {@code op}; whether anything changed. */
  public boolean run(Operation op) {
    eliminated = 0;
    erasedDead = 0;
    for (Region region : op.getRegions()) {
      simplifyRegion(new ScopedTable(), region);
    }
    for (Operation dead : toErase) {
      rewriter.eraseOp(dead);
    }
    toErase.clear();
    known.clear();
    return eliminated + erasedDead > 0;
  }

  /** The counts of the last {@link #run}. */
  public Statistics statistics() {
    return new Statistics(eliminated, erasedDead);
  }

  private void simplifyRegion(ScopedTable table, Region region) {
    if (region.isEmpty()) {
      return;
    }
    boolean ssa = dominance.hasSSADominance(region);
    if (region.getBlocks().size() == 1) {
      table.enter();
      simplifyBlock(table, region.front(), ssa);
      table.exit();
      return;
    }
    if (ssa) {
      simplifyDominatorTree(table, region.front(), dominatorChildren(region));
    }
  }

  /** Visits {@code block}, then the blocks it immediately dominates, each in a nested scope. */
  private void simplifyDominatorTree(ScopedTable table, Block block, Map<Block, List<Block>> children) {
    table.enter();
    simplifyBlock(table, block, true);
    for (Block child : children.getOrDefault(block, List.of())) {
      simplifyDominatorTree(table, child, children);
    }
    table.exit();
  }

  /** The dominator tree of the blocks reachable from the entry, as each block's children. */
  private Map<Block, List<Block>> dominatorChildren(Region region) {
    List<Block> reachable = new ArrayList<>();
    for (Block b : region.getBlocks()) {
      if (dominance.isReachableFromEntry(b)) {
        reachable.add(b);
      }
    }
    Map<Block, List<Block>> children = new IdentityHashMap<>();
    for (Block b : reachable.subList(1, reachable.size())) {
      Block idom = null;
      for (Block d : reachable) {
        boolean closer = d != b && dominance.properlyDominates(d, b)
            && (idom == null || dominance.properlyDominates(idom, d));
        if (closer) {
          idom = d;
        }
      }
      children.computeIfAbsent(idom, k -> new ArrayList<>()).add(b);
    }
    return children;
  }

  private void simplifyBlock(ScopedTable table, Block block, boolean ssa) {
    for (Operation op : block.getOperations()) {
      if (op.getNumRegions() > 0) {
        boolean isolated = !op.isRegistered() || op.hasTrait(Trait.ISOLATED_FROM_ABOVE);
        ScopedTable nested = isolated ? new ScopedTable() : table;
        for (Region r : op.getRegions()) {
          simplifyRegion(nested, r);
        }
      }
      simplifyOperation(table, op, ssa);
    }
  }

  private void simplifyOperation(ScopedTable table, Operation op, boolean ssa) {
    if (op.hasTrait(Trait.TERMINATOR)) {
      return;
    }
    if (SideEffects.isOpTriviallyDead(op)) {
      toErase.add(op);
      erasedDead++;
      return;
    }
    if (op.getNumRegions() > 0 || op.getNumSuccessors() > 0 || !SideEffects.isMemoryEffectFree(op)) {
      return;
    }
    Key key = Key.of(op);
    Operation existing = table.lookup(key);
    if (existing == null) {
      table.insert(key, op);
      known.add(op);
      return;
    }
    replace(op, existing, ssa);
    eliminated++;
  }

  /**
   * Points the uses of {@code op} at {@code existing}. In a graph region a use may come before
   * the op, where {@code existing} might not be visible: only uses by ops not yet visited move.
   */
  private void replace(Operation op, Operation existing, boolean ssa) {
    for (int i = 0; i < op.getNumResults(); i++) {
      if (ssa) {
        rewriter.replaceAllUsesWith(op.getResult(i), existing.getResult(i));
      } else {
        rewriter.replaceUsesWithIf(op.getResult(i), existing.getResult(i), this::notYetVisited);
      }
    }
    if (op.use_empty()) {
      toErase.add(op);
    }
    if (existing.getLoc() instanceof Location.Unknown && !(op.getLoc() instanceof Location.Unknown)) {
      existing.setLoc(op.getLoc());
    }
  }

  private boolean notYetVisited(OpOperand use) {
    return !known.contains(use.getOwner());
  }

  /** A map of known ops with nested scopes that are undone on exit. */
  private static final class ScopedTable {
    private final Map<Key, Operation> map = new HashMap<>();
    private final List<List<Map.Entry<Key, Operation>>> scopes = new ArrayList<>();

    void enter() {
      scopes.add(new ArrayList<>());
    }

    void exit() {
      List<Map.Entry<Key, Operation>> undo = scopes.remove(scopes.size() - 1);
      for (int i = undo.size() - 1; i >= 0; i--) {
        Map.Entry<Key, Operation> e = undo.get(i);
        if (e.getValue() == null) {
          map.remove(e.getKey());
        } else {
          map.put(e.getKey(), e.getValue());
        }
      }
    }

    Operation lookup(Key key) {
      return map.get(key);
    }

    void insert(Key key, Operation op) {
      Operation previous = map.put(key, op);
      scopes.get(scopes.size() - 1).add(new java.util.AbstractMap.SimpleEntry<>(key, previous));
    }
  }
}

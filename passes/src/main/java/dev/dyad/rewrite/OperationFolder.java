package dev.dyad.rewrite;

import dev.dyad.ir.Block;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.type.Type;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Keeps one constant op per value, type and dialect in each insertion region (the region of the
 * closest op that is isolated from above, or that might be, being unregistered), and keeps those
 * constants at the start of the region's entry block, as MLIR's {@code OperationFolder} does.
 */
public final class OperationFolder {
  private record Key(String dialect, Attribute value, Type type) {}

  private final PatternRewriter rewriter;
  private final Map<Region, Map<Key, Operation>> scopes = new IdentityHashMap<>();
  /** The constants this folder owns, with the key they were uniqued under. */
  private final Map<Operation, Key> owned = new IdentityHashMap<>();

  /** A folder that replaces duplicate constants through {@code rewriter} (so listeners hear it). */
  public OperationFolder(PatternRewriter rewriter) {
    this.rewriter = rewriter;
  }

  /**
   * Registers constant {@code op} of value {@code value}. If an equal constant is known, {@code op}
   * is replaced by it and erased and false is returned. Otherwise {@code op} becomes the known
   * one and moves to the front of its insertion region (after the constants already there).
   */
  public boolean insertKnownConstant(Operation op, Attribute value) {
    Block opBlock = op.getBlock();
    if (owned.containsKey(op)) {
      if (opBlock.front() != op && !owned.containsKey(op.getPrevNode())) {
        op.moveBefore(opBlock.front());
        op.setLoc(Location.UNKNOWN);
      }
      return true;
    }
    Region region = insertionRegion(opBlock);
    Map<Key, Operation> constants = scopes.computeIfAbsent(region, r -> new HashMap<>());
    Key key = new Key(op.getName().getDialectNamespace(), value, op.getResult(0).getType());
    Operation existing = constants.get(key);
    if (existing != null) {
      rewriter.replaceOp(op, existing);
      // The survivor stands for several source constants now: MLIR drops its location.
      existing.setLoc(Location.UNKNOWN);
      return false;
    }
    Block insertBlock = region.front();
    if (opBlock != insertBlock) {
      op.moveBefore(insertBlock.front());
      op.setLoc(Location.UNKNOWN);
    } else if (insertBlock.front() != op && !owned.containsKey(op.getPrevNode())) {
      op.moveBefore(insertBlock.front());
    }
    constants.put(key, op);
    owned.put(op, key);
    return true;
  }

  /** Forgets {@code op} if it is one of this folder's constants (it is being erased). */
  public void notifyRemoval(Operation op) {
    Key key = owned.remove(op);
    if (key == null) {
      return;
    }
    Map<Key, Operation> constants = scopes.get(insertionRegion(op.getBlock()));
    if (constants != null) {
      constants.remove(key, op);
    }
  }

  /** The region whose entry block holds the uniqued constants for ops of {@code block}. */
  static Region insertionRegion(Block block) {
    Region region = block.getParent();
    while (true) {
      Operation parent = region.getParentOp();
      boolean mightBeIsolated = !parent.isRegistered() || parent.hasTrait(Trait.ISOLATED_FROM_ABOVE);
      if (mightBeIsolated || parent.getBlock() == null) {
        return region;
      }
      region = parent.getParentRegion();
    }
  }
}

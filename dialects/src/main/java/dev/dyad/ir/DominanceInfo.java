package dev.dyad.ir;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Dominance between values, ops and blocks across nested regions, with MLIR's rules: graph
 * regions impose no order inside their block, a value dominates uses nested in ops its definition
 * dominates, and unreachable blocks are dominated by everything. Dominator trees are built per
 * multi-block region on first use and cached, so the IR must not change while this is in use.
 */
public final class DominanceInfo {
  private final Map<Region, DominatorTree> trees = new IdentityHashMap<>();

  /**
   * Whether ops in {@code region} must follow the definitions they use. Multi-block regions always
   * do; a single block is a graph when its op says so, or when the op is unregistered (MLIR cannot
   * know, so it assumes the permissive kind).
   */
  public boolean hasSSADominance(Region region) {
    if (region.getBlocks().size() != 1) {
      return true;
    }
    Operation parent = region.getParentOp();
    if (parent == null) {
      return true;
    }
    return parent.isRegistered() && !parent.hasTrait(Trait.GRAPH_REGION);
  }

  public boolean isReachableFromEntry(Block block) {
    Region region = block.getParent();
    if (region.front() == block) {
      return true;
    }
    return tree(region).isReachable(block);
  }

  /** Whether {@code value} is available to {@code user}: the verifier's dominance query. */
  public boolean properlyDominates(Value value, Operation user) {
    if (value instanceof BlockArgument arg) {
      // A block's arguments are available to every op of the block.
      return dominates(arg.getOwner(), user.getBlock());
    }
    return properlyDominates(value.getDefiningOp(), user, false);
  }

  /**
   * Whether op {@code a} comes before {@code b} on every path; with {@code enclosingOk}, an op
   * also dominates the ops nested in its regions.
   */
  public boolean properlyDominates(Operation a, Operation b, boolean enclosingOk) {
    Block aBlock = a.getBlock();
    if (a == b) {
      return !hasSSADominance(aBlock.getParent());
    }
    Region aRegion = aBlock.getParent();
    if (aRegion != b.getParentRegion()) {
      b = findAncestorOpInRegion(aRegion, b);
      if (b == null) {
        return false;
      }
      if (a == b && enclosingOk) {
        return true;
      }
    }
    Block bBlock = b.getBlock();
    if (aBlock == bBlock) {
      if (!hasSSADominance(aRegion)) {
        return true;
      }
      return a != b && a.isBeforeInBlock(b);
    }
    return tree(aRegion).properlyDominates(aBlock, bBlock);
  }

  public boolean dominates(Block a, Block b) {
    return a == b || properlyDominates(a, b);
  }

  /** Block dominance; {@code b} may be nested in an op of {@code a}'s region. */
  public boolean properlyDominates(Block a, Block b) {
    if (a == b) {
      return !hasSSADominance(a.getParent());
    }
    Region aRegion = a.getParent();
    if (aRegion != b.getParent()) {
      b = findAncestorBlockInRegion(aRegion, b);
      if (b == null) {
        return false;
      }
      if (a == b) {
        return true;
      }
    }
    return tree(aRegion).properlyDominates(a, b);
  }

  /** The op of {@code region} that is {@code op} or contains it, or null. */
  public static Operation findAncestorOpInRegion(Region region, Operation op) {
    Operation cur = op;
    while (cur != null && cur.getParentRegion() != region) {
      cur = cur.getParentOp();
    }
    return cur;
  }

  /** The block of {@code region} that is {@code block} or contains it, or null. */
  public static Block findAncestorBlockInRegion(Region region, Block block) {
    Block cur = block;
    while (cur != null && cur.getParent() != region) {
      Operation parent = cur.getParentOp();
      cur = parent == null ? null : parent.getBlock();
    }
    return cur;
  }

  private DominatorTree tree(Region region) {
    return trees.computeIfAbsent(region, DominatorTree::new);
  }
}

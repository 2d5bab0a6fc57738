package dev.dyad.rewrite;

import dev.dyad.ir.Block;
import dev.dyad.ir.BlockArgument;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MLIR's merging of identical blocks (the aggressive region simplification): non-entry blocks
 * with the same successors, the same argument types and the same ops, whose operands agree up to
 * the block's own values, are folded into the first of them.
 */
final class BlockMerger {
  private BlockMerger() {}

  /** Merges identical blocks in {@code root} and the regions nested in it; whether any merged. */
  static boolean mergeIdenticalBlocks(PatternRewriter rewriter, Region root) {
    boolean changed = false;
    Deque<Region> work = new ArrayDeque<>();
    work.push(root);
    while (!work.isEmpty()) {
      Region region = work.pop();
      if (mergeInRegion(rewriter, region)) {
        changed = true;
        work.push(region);
        continue;
      }
      for (Block block : region.getBlocks()) {
        for (Operation op : block.getOperations()) {
          op.getRegions().forEach(work::push);
        }
      }
    }
    return changed;
  }

  private static boolean mergeInRegion(PatternRewriter rewriter, Region region) {
    List<Block> blocks = region.getBlocks();
    if (blocks.size() < 2) {
      return false;
    }
    // Only blocks that branch to the same successors can be identical.
    Map<List<Block>, List<Block>> bySuccessors = new LinkedHashMap<>();
    for (Block block : blocks.subList(1, blocks.size())) {
      Operation last = block.back();
      List<Block> successors = last == null ? List.of() : last.getSuccessors();
      bySuccessors.computeIfAbsent(successors, k -> new ArrayList<>()).add(block);
    }
    boolean merged = false;
    for (List<Block> group : bySuccessors.values()) {
      if (group.size() < 2) {
        continue;
      }
      List<Cluster> clusters = new ArrayList<>();
      for (Block block : group) {
        if (!mergeable(block)) {
          continue;
        }
        boolean added = false;
        for (Cluster c : clusters) {
          if (c.add(block)) {
            added = true;
            break;
          }
        }
        if (!added) {
          clusters.add(new Cluster(block));
        }
      }
      for (Cluster c : clusters) {
        merged |= c.merge(rewriter);
      }
    }
    return merged;
  }

  /** Blocks holding regions, or whose arguments are used elsewhere, are never merged. */
  private static boolean mergeable(Block block) {
    for (Operation op : block.getOperations()) {
      for (Region r : op.getRegions()) {
        if (!r.isEmpty()) {
          return false;
        }
      }
    }
    for (BlockArgument arg : block.getArguments()) {
      if (usedOutside(arg, block)) {
        return false;
      }
    }
    return true;
  }

  private static boolean usedOutside(Value v, Block block) {
    for (Operation user : v.getUsers()) {
      if (user.getBlock() != block) {
        return true;
      }
    }
    return false;
  }

  /**
   * A leader block and the blocks found identical to it. Like MLIR, a block whose ops use other
   * outside values than the leader's still joins the cluster; such a cluster then cannot merge.
   */
  private static final class Cluster {
    final Block leader;
    final Map<Operation, Integer> leaderOrder;
    final List<Block> members = new ArrayList<>();
    boolean operandsDiffer;

    Cluster(Block leader) {
      this.leader = leader;
      this.leaderOrder = valueOrder(leader);
    }

    /** Adds {@code block} if it is identical to the leader up to outside operands. */
    boolean add(Block block) {
      if (!leader.getArgumentTypes().equals(block.getArgumentTypes())) {
        return false;
      }
      Map<Operation, Integer> order = valueOrder(block);
      boolean differ = false;
      Operation l = leader.front();
      Operation r = block.front();
      for (; l != null && r != null; l = l.getNextNode(), r = r.getNextNode()) {
        if (!sameIgnoringOperands(l, r)) {
          return false;
        }
        for (int i = 0; i < l.getNumOperands(); i++) {
          Value lv = l.getOperand(i);
          Value rv = r.getOperand(i);
          if (lv == rv) {
            continue;
          }
          if (!lv.getType().equals(rv.getType())) {
            return false;
          }
          boolean lInside = lv.getParentBlock() == leader;
          if (lInside != (rv.getParentBlock() == block)) {
            return false;
          }
          if (!lInside) {
            if (!validSuccessorOperand(leader, lv) || !validSuccessorOperand(block, rv)) {
              return false;
            }
            differ = true;
          } else if (orderOf(lv, leaderOrder) != orderOf(rv, order)) {
            return false;
          }
        }
        if (resultsUsedOutside(r, block) || resultsUsedOutside(l, leader)) {
          return false;
        }
      }
      if (l != null || r != null) {
        return false;
      }
      operandsDiffer |= differ;
      members.add(block);
      return true;
    }

    /**
     * Folds the members into the leader. Differing outside operands would become new arguments
     * passed by every predecessor, which needs branch ops; without them the cluster stays apart.
     */
    boolean merge(PatternRewriter rewriter) {
      if (members.isEmpty() || operandsDiffer) {
        return false;
      }
      for (Block block : members) {
        block.replaceAllUsesWith(leader);
        rewriter.eraseBlock(block);
      }
      return true;
    }
  }

  /** An outside value cannot be passed to {@code block} if a predecessor's terminator defines it. */
  private static boolean validSuccessorOperand(Block block, Value operand) {
    Block home = operand.getParentBlock();
    if (!(operand instanceof OpResult result) || result.getOwner() != home.back()) {
      return true;
    }
    return !block.getPredecessors().contains(home);
  }

  /** MLIR's OperationEquivalence ignoring operand values and locations. */
  private static boolean sameIgnoringOperands(Operation l, Operation r) {
    return l.getName().equals(r.getName())
        && l.getNumOperands() == r.getNumOperands()
        && l.getNumResults() == r.getNumResults()
        && l.getNumRegions() == r.getNumRegions()
        && l.getNumSuccessors() == r.getNumSuccessors()
        && l.getAttrDictionary().equals(r.getAttrDictionary())
        && Objects.equals(l.getProperties(), r.getProperties())
        && l.getResultTypes().equals(r.getResultTypes());
  }

  private static boolean resultsUsedOutside(Operation op, Block block) {
    for (OpResult result : op.getResults()) {
      if (usedOutside(result, block)) {
        return true;
      }
    }
    return false;
  }

  /** The position of each result-producing op's first result among the block's values. */
  private static Map<Operation, Integer> valueOrder(Block block) {
    Map<Operation, Integer> order = new IdentityHashMap<>();
    int next = block.getNumArguments();
    for (Operation op : block.getOperations()) {
      if (op.getNumResults() > 0) {
        order.put(op, next);
        next += op.getNumResults();
      }
    }
    return order;
  }

  private static int orderOf(Value v, Map<Operation, Integer> order) {
    if (v instanceof BlockArgument arg) {
      return arg.getIndex();
    }
    OpResult result = (OpResult) v;
    return order.get(result.getOwner()) + result.getIndex();
  }
}

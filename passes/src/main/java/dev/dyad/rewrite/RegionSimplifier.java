package dev.dyad.rewrite;

import dev.dyad.ir.Block;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * MLIR's region simplification: erases blocks unreachable from their region's entry, then every op
 * that is not live, live meaning it may have effects (or is a terminator) or a live op uses one of
 * its results, then unused arguments of non-entry blocks; the aggressive level also merges
 * identical blocks ({@link BlockMerger}). What needs a branch interface (rewriting successor
 * operands, dropping arguments every predecessor passes the same value) has nothing to act on in
 * Dyad, which defines no branch ops; MLIR skips it for the same ops. The
 * first half also runs on its own in every greedy iteration, as in MLIR: patterns are not safe on
 * unreachable code, where an op may use its own result.
 */
public final class RegionSimplifier {
  private RegionSimplifier() {}

  /** Simplifies {@code region} and the regions nested in it; whether anything was erased. */
  public static boolean simplify(PatternRewriter rewriter, Region region) {
    return simplify(rewriter, region, false);
  }

  /**
   * As {@link #simplify(PatternRewriter, Region)}, and with {@code mergeBlocks} (MLIR's aggressive
   * level) identical blocks are merged too; whether anything changed.
   */
  public static boolean simplify(PatternRewriter rewriter, Region region, boolean mergeBlocks) {
    boolean erasedBlocks = eraseUnreachableBlocks(rewriter, region);
    boolean erasedOps = eraseDeadOps(rewriter, region);
    boolean merged = mergeBlocks && BlockMerger.mergeIdenticalBlocks(rewriter, region);
    return erasedBlocks || erasedOps || merged;
  }

  // ---- unreachable blocks -------------------------------------------------------------------

  public static boolean eraseUnreachableBlocks(PatternRewriter rewriter, Region root) {
    boolean erased = false;
    Deque<Region> work = new ArrayDeque<>();
    work.push(root);
    while (!work.isEmpty()) {
      Region region = work.pop();
      if (region.isEmpty()) {
        continue;
      }
      Set<Block> reachable = identitySet(region.getBlocks().size() == 1 ? List.of(region.front()) : postOrder(region));
      for (Block b : new ArrayList<>(region.getBlocks())) {
        if (!reachable.contains(b)) {
          rewriter.eraseBlock(b);
          erased = true;
          continue;
        }
        for (Operation op : b.getOperations()) {
          if (op.getNumRegions() > 0) {
            op.getRegions().forEach(work::push);
          }
        }
      }
    }
    return erased;
  }

  /** The blocks reachable from the entry, successors before predecessors. */
  static List<Block> postOrder(Region region) {
    List<Block> order = new ArrayList<>();
    Set<Block> seen = identitySet(List.of());
    Deque<Block> stack = new ArrayDeque<>();
    Deque<Integer> nextSuccessor = new ArrayDeque<>();
    stack.push(region.front());
    nextSuccessor.push(0);
    seen.add(region.front());
    while (!stack.isEmpty()) {
      Block b = stack.peek();
      int i = nextSuccessor.pop();
      List<Block> succs = successors(b);
      if (i < succs.size()) {
        nextSuccessor.push(i + 1);
        Block s = succs.get(i);
        if (s != null && seen.add(s)) {
          stack.push(s);
          nextSuccessor.push(0);
        }
        continue;
      }
      stack.pop();
      order.add(b);
    }
    return order;
  }

  private static List<Block> successors(Block b) {
    Operation last = b.back();
    return last == null ? List.of() : last.getSuccessors();
  }

  // ---- dead ops -----------------------------------------------------------------------------

  public static boolean eraseDeadOps(PatternRewriter rewriter, Region region) {
    return eraseDead(rewriter, region, liveOps(region));
  }

  /**
   * The live ops under {@code region}: those that might have effects (terminators included), and
   * transitively the definitions of what a live op uses.
   */
  private static Set<Operation> liveOps(Region region) {
    List<Operation> roots = new ArrayList<>();
    int[] count = {0};
    for (Block b : region.getBlocks()) {
      for (Operation op : b.getOperations()) {
        op.walk(nested -> {
          count[0]++;
          if (!SideEffects.wouldOpBeTriviallyDead(nested)) {
            roots.add(nested);
          }
        });
      }
    }
    Set<Operation> live = Collections.newSetFromMap(new IdentityHashMap<>(count[0] * 2));
    Deque<Operation> work = new ArrayDeque<>();
    for (Operation root : roots) {
      if (live.add(root)) {
        work.push(root);
      }
    }
    while (!work.isEmpty()) {
      Operation op = work.pop();
      for (int i = 0; i < op.getNumOperands(); i++) {
        Operation def = op.getOperand(i).getDefiningOp();
        if (def != null && live.add(def)) {
          work.push(def);
        }
      }
    }
    return live;
  }

  private static boolean eraseDead(PatternRewriter rewriter, Region region, Set<Operation> live) {
    if (region.isEmpty()) {
      return false;
    }
    boolean erased = false;
    for (Block b : postOrder(region)) {
      Operation op = b.back();
      while (op != null) {
        Operation prev = op.getPrevNode();
        if (!live.contains(op)) {
          // Only a dead cycle of a graph region can still use it: cut the cycle first.
          op.getResults().forEach(r -> r.getUsers().forEach(Operation::dropAllReferences));
          rewriter.eraseOp(op);
          erased = true;
        } else {
          for (Region nested : op.getRegions()) {
            erased |= eraseDead(rewriter, nested, live);
          }
        }
        op = prev;
      }
    }
    eraseDeadArguments(region);
    return erased;
  }

  /**
   * Erases the unused arguments of every block but the entry (whose arguments are a contract with
   * the parent op). Dyad has no branch interface, so successor operands are left alone, as MLIR
   * does for terminators it cannot reason about; like MLIR, this alone does not count as a change.
   */
  private static void eraseDeadArguments(Region region) {
    List<Block> blocks = region.getBlocks();
    for (int b = 1; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      for (int i = block.getNumArguments() - 1; i >= 0; i--) {
        if (block.getArgument(i).useEmpty()) {
          block.eraseArgument(i);
        }
      }
    }
  }

  private static <T> Set<T> identitySet(List<T> initial) {
    Set<T> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(initial);
    return s;
  }
}

package dev.dyad.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dominator tree of one region's CFG, computed with the Cooper-Harvey-Kennedy iterative
 * algorithm over the reverse postorder of the blocks reachable from the entry block.
 */
final class DominatorTree {
  /** Reverse-postorder number of each reachable block (the entry is 0). */
  private final Map<Block, Integer> rpoNumber = new IdentityHashMap<>();
  /** Immediate dominator by RPO number; the entry's is itself. */
  private final int[] idom;

  DominatorTree(Region region) {
    List<Block> rpo = reversePostorder(region);
    for (int i = 0; i < rpo.size(); i++) {
      rpoNumber.put(rpo.get(i), i);
    }
    idom = computeIdoms(rpo);
  }

  boolean isReachable(Block b) {
    return rpoNumber.containsKey(b);
  }

  /** LLVM's semantics: an unreachable block is dominated by anything, and dominates nothing. */
  boolean properlyDominates(Block a, Block b) {
    if (a == b) {
      return false;
    }
    Integer bn = rpoNumber.get(b);
    if (bn == null) {
      return true;
    }
    Integer an = rpoNumber.get(a);
    if (an == null) {
      return false;
    }
    for (int cur = bn; cur != 0; ) {
      cur = idom[cur];
      if (cur == an) {
        return true;
      }
    }
    return false;
  }

  /** Successors are those of the block's last op, as MLIR's Block::getSuccessors reads them. */
  private static List<Block> successors(Block b) {
    Operation last = b.back();
    return last == null ? List.of() : last.getSuccessors();
  }

  private static List<Block> reversePostorder(Region region) {
    List<Block> post = new ArrayList<>();
    Map<Block, Boolean> seen = new IdentityHashMap<>();
    Block entry = region.front();
    if (entry == null) {
      return post;
    }
    // Iterative DFS: each frame is a block and the index of its next successor to visit.
    Deque<Object[]> stack = new ArrayDeque<>();
    seen.put(entry, true);
    stack.push(new Object[] {entry, 0});
    while (!stack.isEmpty()) {
      Object[] frame = stack.peek();
      Block b = (Block) frame[0];
      List<Block> succs = successors(b);
      int next = (Integer) frame[1];
      if (next == succs.size()) {
        stack.pop();
        post.add(b);
        continue;
      }
      frame[1] = next + 1;
      Block s = succs.get(next);
      if (s.getParent() == region && seen.put(s, true) == null) {
        stack.push(new Object[] {s, 0});
      }
    }
    List<Block> rpo = new ArrayList<>(post.size());
    for (int i = post.size() - 1; i >= 0; i--) {
      rpo.add(post.get(i));
    }
    return rpo;
  }

  private int[] computeIdoms(List<Block> rpo) {
    int n = rpo.size();
    List<List<Integer>> preds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      preds.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (Block s : successors(rpo.get(i))) {
        Integer sn = rpoNumber.get(s);
        if (sn != null) {
          preds.get(sn).add(i);
        }
      }
    }
    int[] doms = new int[n];
    Arrays.fill(doms, -1);
    if (n == 0) {
      return doms;
    }
    doms[0] = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int b = 1; b < n; b++) {
        int newIdom = -1;
        for (int p : preds.get(b)) {
          if (doms[p] == -1) {
            continue;
          }
          newIdom = newIdom == -1 ? p : intersect(doms, p, newIdom);
        }
        if (doms[b] != newIdom) {
          doms[b] = newIdom;
          changed = true;
        }
      }
    }
    return doms;
  }

  private static int intersect(int[] doms, int a, int b) {
    while (a != b) {
      while (a > b) {
        a = doms[a];
      }
      while (b > a) {
        b = doms[b];
      }
    }
    return a;
  }
}

package dev.dyad.alloc;

import java.util.List;

/**
 * Operators {@code first..last} (inclusive, in topological order) executed together, each with
 * its duplication factor (compute arrays = dup × tiles) and memory-mode arrays (zero in the
 * all-compute baselines).
 */
public record Segment(int first, int last, List<Integer> dup, List<Integer> memoryArrays) {
  public Segment {
    dup = List.copyOf(dup);
    memoryArrays = List.copyOf(memoryArrays);
    if (first < 0 || last < first || dup.size() != last - first + 1 || memoryArrays.size() != dup.size()) {
      throw new IllegalArgumentException("malformed segment " + first + ".." + last);
    }
  }

  public int size() {
    return last - first + 1;
  }

  /** Duplication of operator {@code op} (a global index inside this segment). */
  public int dupOf(int op) {
    return dup.get(op - first);
  }
}

package dev.dyad.alloc;

import dev.dyad.arch.HardwareDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The CIM-MLC-like baseline (CMSWITCH.md §5), every array in compute mode: greedy segmentation in
 * topological order (a new segment starts when the next operator's tiles no longer fit beside the
 * current segment's), then per segment the duplication DP that spends the spare arrays on extra
 * weight copies so that the sum of the operators' latencies is smallest — CIM-MLC's objective,
 * kept as published even though a pipelined segment is bound by its slowest operator.
 */
public final class CimMlcAllocator {
  public static final String NAME = "cim-mlc";

  private CimMlcAllocator() {}

  public static Allocation allocate(List<CimOperator> ops, HardwareDescription arch) throws AllocationException {
    List<Segment> segments = new ArrayList<>();
    int start = 0;
    long used = 0;
    for (int i = 0; i < ops.size(); i++) {
      long tiles = requireFits(ops, i, arch);
      if (used + tiles > arch.arrays()) {
        segments.add(duplicate(ops, start, i - 1, arch));
        start = i;
        used = 0;
      }
      used += tiles;
    }
    if (!ops.isEmpty()) {
      segments.add(duplicate(ops, start, ops.size() - 1, arch));
    }
    return new Allocation(NAME, segments);
  }

  static long requireFits(List<CimOperator> ops, int i, HardwareDescription arch) throws AllocationException {
    CimOperator op = ops.get(i);
    long tiles = op.tiles(arch);
    if (tiles > arch.arrays()) {
      throw new AllocationException(i, "operator '" + op.name() + "' (" + op.m() + "x" + op.k() + "x" + op.n()
          + ") needs " + tiles + " arrays but '" + arch.name() + "' has " + arch.arrays()
          + "; split it before allocation");
    }
    return tiles;
  }

  /** CIM-MLC's compute latency of an operator on {@code dup} weight copies: ⌈M / dup⌉ MVM rounds. */
  static long latency(CimOperator op, long dup, HardwareDescription arch) {
    return CimOperator.ceilDiv(op.m(), dup) * arch.mvmCycles();
  }

  /**
   * The duplication DP over operators {@code first..last}: best[l][r] is the least latency sum of
   * the first l operators using r spare arrays for extra copies. Ties keep fewer copies.
   */
  static Segment duplicate(List<CimOperator> ops, int first, int last, HardwareDescription arch) {
    int count = last - first + 1;
    long tilesSum = 0;
    for (int i = first; i <= last; i++) {
      tilesSum += ops.get(i).tiles(arch);
    }
    int spare = (int) (arch.arrays() - tilesSum);
    long[][] best = new long[count + 1][spare + 1];
    int[][] extra = new int[count + 1][spare + 1];
    for (int l = 1; l <= count; l++) {
      CimOperator op = ops.get(first + l - 1);
      int tiles = (int) op.tiles(arch);
      long maxExtra = Math.min(op.m() - 1, spare / tiles);
      for (int r = 0; r <= spare; r++) {
        long bestValue = Long.MAX_VALUE;
        int bestK = 0;
        for (int k = 0; k <= maxExtra && (long) k * tiles <= r; k++) {
          long v = best[l - 1][r - k * tiles] + latency(op, k + 1L, arch);
          if (v < bestValue) {
            bestValue = v;
            bestK = k;
          }
        }
        best[l][r] = bestValue;
        extra[l][r] = bestK;
      }
    }
    // best[count][r] never increases with r, so r = spare is optimal; walk back its choices.
    List<Integer> dup = new ArrayList<>(Collections.nCopies(count, 1));
    int r = spare;
    for (int l = count; l >= 1; l--) {
      int k = extra[l][r];
      dup.set(l - 1, k + 1);
      r -= k * (int) ops.get(first + l - 1).tiles(arch);
    }
    return new Segment(first, last, dup, Collections.nCopies(count, 0));
  }
}

package dev.dyad.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.arch.Technology;
import dev.dyad.arch.WeightReloadModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaselineAllocatorTest {
  /** A small chip: {@code arrays} arrays of 8×8 one-bit cells holding 8-bit weights (8 rows × 1 weight). */
  static HardwareDescription chip(int arrays) {
    return new HardwareDescription("tiny", "test chip", Technology.SRAM, true, arrays, 8, 8, 1, 8, 8, 100_000_000L,
        10, 8, 64, 32, 64, 1024, 1, 1, 1, 8, WeightReloadModel.EQ2, 4);
  }

  @Test
  void tilesFollowRowsAndWeightColumns() throws Exception {
    HardwareDescription d = HardwareDescriptions.preset("dynaplasia");
    CimOperator op = new CimOperator("conv", 3136, 576, 64); // 56x56 output, 3x3x64 -> 64
    assertEquals(2, op.rowTiles(d)); // 576 / 320 rows
    assertEquals(2, op.colTiles(d)); // 64 / (320 cells / 8 bits)
    assertEquals(4, op.tiles(d));
  }

  @Test
  void greedySegmentationStartsANewSegmentWhenTheNextOperatorDoesNotFit() throws Exception {
    HardwareDescription c = chip(4);
    // tiles: 1, 2, 2, 4, 1 (k spans rows of 8, n spans single-weight columns)
    List<CimOperator> ops = List.of(new CimOperator("a", 4, 8, 1), new CimOperator("b", 4, 16, 1),
        new CimOperator("c", 4, 8, 2), new CimOperator("d", 4, 16, 2), new CimOperator("e", 4, 8, 1));
    Allocation a = CimMlcAllocator.allocate(ops, c);
    assertEquals(List.of("0..1", "2..2", "3..3", "4..4"), ranges(a));
    // Spare arrays go to copies: segment 0 has 1 spare array; only 'a' (1 tile) can use it.
    assertEquals(List.of(2, 1), a.segments().get(0).dup());
    assertEquals(List.of(2), a.segments().get(1).dup());
    assertEquals(List.of(1), a.segments().get(2).dup());
    assertEquals(List.of(4), a.segments().get(3).dup()); // 4 rows of input, 4 arrays: one row each
  }

  @Test
  void copiesNeverExceedTheInputRows() throws Exception {
    Allocation a = CimMlcAllocator.allocate(List.of(new CimOperator("x", 3, 8, 1)), chip(16));
    assertEquals(List.of(3), a.segments().get(0).dup());
  }

  @Test
  void naiveAllocatorRunsOneOperatorPerSegmentWithoutCopies() throws Exception {
    List<CimOperator> ops = List.of(new CimOperator("a", 4, 8, 1), new CimOperator("b", 4, 16, 1));
    Allocation a = NaiveAllocator.allocate(ops, chip(8));
    assertEquals(List.of("0..0", "1..1"), ranges(a));
    assertEquals(List.of(1), a.segments().get(1).dup());
  }

  @Test
  void anOperatorLargerThanTheChipIsReportedWithItsName() {
    AllocationException e = assertThrows(AllocationException.class,
        () -> CimMlcAllocator.allocate(List.of(new CimOperator("fc6", 1, 64, 4)), chip(4)));
    assertEquals(0, e.operator());
    assertEquals("operator 'fc6' (1x64x4) needs 32 arrays but 'tiny' has 4; split it before allocation",
        e.getMessage());
    assertThrows(AllocationException.class,
        () -> NaiveAllocator.allocate(List.of(new CimOperator("fc6", 1, 64, 4)), chip(4)));
  }

  /** The duplication DP finds the least latency sum that exhaustive search over copies finds. */
  @Test
  void duplicationMatchesBruteForce() {
    qt().withExamples(300).forAll(longs().between(0, Long.MAX_VALUE)).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      HardwareDescription c = chip(4 + r.nextInt(9));
      List<CimOperator> ops = new ArrayList<>();
      long used = 0;
      for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
        CimOperator op = new CimOperator("op" + i, 1 + r.nextInt(12), 8L * (1 + r.nextInt(2)), 1 + r.nextInt(2));
        if (used + op.tiles(c) > c.arrays()) {
          break;
        }
        used += op.tiles(c);
        ops.add(op);
      }
      Segment s = CimMlcAllocator.duplicate(ops, 0, ops.size() - 1, c);
      long arraysUsed = 0;
      for (int i = 0; i < ops.size(); i++) {
        arraysUsed += s.dupOf(i) * ops.get(i).tiles(c);
      }
      assertTrue(arraysUsed <= c.arrays(), "over-allocated");
      assertEquals(bruteForce(ops, 0, c.arrays() - used, c), latencySum(ops, s.dup(), c), "seed " + seed);
    });
  }

  private static long bruteForce(List<CimOperator> ops, int i, long spare, HardwareDescription c) {
    if (i == ops.size()) {
      return 0;
    }
    CimOperator op = ops.get(i);
    long best = Long.MAX_VALUE;
    for (long k = 0; k * op.tiles(c) <= spare; k++) {
      best = Math.min(best, CimMlcAllocator.latency(op, k + 1, c) + bruteForce(ops, i + 1, spare - k * op.tiles(c), c));
    }
    return best;
  }

  private static long latencySum(List<CimOperator> ops, List<Integer> dup, HardwareDescription c) {
    long sum = 0;
    for (int i = 0; i < ops.size(); i++) {
      sum += CimMlcAllocator.latency(ops.get(i), dup.get(i), c);
    }
    return sum;
  }

  private static List<String> ranges(Allocation a) {
    List<String> out = new ArrayList<>();
    for (Segment s : a.segments()) {
      out.add(s.first() + ".." + s.last());
    }
    return out;
  }
}

package dev.dyad.conversion.cimtometa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.conversion.cimtometa.ArrayPlanner.OperatorNeed;
import dev.dyad.conversion.cimtometa.ArrayPlanner.OperatorPlacement;
import dev.dyad.conversion.cimtometa.ArrayPlanner.SegmentNeed;
import dev.dyad.conversion.cimtometa.ArrayPlanner.SegmentPlacement;
import dev.dyad.conversion.cimtometa.ArrayPlanner.Slice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrayPlannerTest {
  /** A one-tile weight {@code id}. */
  static Slice slice(int id) {
    return new Slice(id, 0, 8, 0, 4);
  }

  static OperatorNeed product(int weight, int dup) {
    return new OperatorNeed(List.of(slice(weight)), dup, 0, 0, 0, -1);
  }

  static SegmentNeed segment(OperatorNeed... ops) {
    return new SegmentNeed(List.of(ops));
  }

  @Test
  void weightsStayResidentWhenASegmentNeedsThemAgain() {
    List<SegmentPlacement> p = ArrayPlanner.plan(List.of(segment(product(0, 1)), segment(product(1, 1)),
        segment(product(0, 1))), 4);
    assertArrayEquals(new long[] {0}, p.get(0).operators().get(0).compute()[0]);
    // Weight 1 avoids array 0, which holds weight 0 for segment 2; segment 2 writes nothing.
    assertArrayEquals(new long[] {1}, p.get(1).operators().get(0).compute()[0]);
    assertArrayEquals(new long[] {0}, p.get(2).operators().get(0).compute()[0]);
    assertEquals(List.of(1, 1, 0), writes(p));
  }

  @Test
  void theArrayGivenUpIsTheOneNeededLatest() {
    // Two arrays: segment 1 must overwrite weight 0 or 1; weight 0 comes back in segment 2, weight 1 never.
    List<SegmentPlacement> p = ArrayPlanner.plan(List.of(segment(product(0, 1), product(1, 1)),
        segment(product(2, 1)), segment(product(0, 1))), 2);
    assertArrayEquals(new long[] {1}, p.get(1).operators().get(0).compute()[0]);
    assertEquals(List.of(2, 1, 0), writes(p));
  }

  @Test
  void copiesTakeDistinctArraysAndAreWrittenTogether() {
    List<SegmentPlacement> p = ArrayPlanner.plan(List.of(segment(product(0, 3)), segment(product(0, 2), product(1, 2))),
        5);
    OperatorPlacement first = p.get(0).operators().get(0);
    assertArrayEquals(new long[] {0, 1, 2}, first.compute()[0]);
    assertArrayEquals(new long[] {0, 1, 2}, first.writesOf(0));
    // Two of the three copies are reused; weight 1 takes the third and a fresh array.
    OperatorPlacement reused = p.get(1).operators().get(0);
    assertEquals(0, reused.writesOf(0).length);
    OperatorPlacement other = p.get(1).operators().get(1);
    assertEquals(2, other.writesOf(0).length);
    Set<Long> all = new HashSet<>();
    for (long a : reused.compute()[0]) {
      all.add(a);
    }
    for (long a : other.compute()[0]) {
      all.add(a);
    }
    assertEquals(4, all.size());
  }

  @Test
  void memoryArraysSwitchOnlyWhenNeededAndBack() {
    OperatorNeed withMemory = new OperatorNeed(List.of(slice(0)), 1, 1, 1, 0, -1);
    OperatorNeed wide = new OperatorNeed(List.of(slice(1), slice(2), slice(3), slice(4)), 1, 0, 0, 0, -1);
    List<SegmentPlacement> p = ArrayPlanner.plan(List.of(segment(withMemory), segment(withMemory), segment(wide)), 4);
    assertArrayEquals(new long[] {0, 1}, p.get(0).toMemory());
    assertArrayEquals(new long[] {0}, p.get(0).operators().get(0).memIn());
    assertArrayEquals(new long[] {1}, p.get(0).operators().get(0).memOut());
    // The same needs again: no switch, no write.
    assertEquals(0, p.get(1).toMemory().length + p.get(1).toCompute().length);
    assertEquals(0, p.get(1).weightWrites());
    // Four tiles need every array in compute mode: the two memory arrays switch back.
    assertArrayEquals(new long[] {0, 1}, p.get(2).toCompute());
    assertEquals(0, p.get(2).toMemory().length);
  }

  @Test
  void consumersReuseTheirProducersOutputArrays() {
    OperatorNeed producer = new OperatorNeed(List.of(slice(0)), 1, 0, 2, 0, -1);
    OperatorNeed consumer = new OperatorNeed(List.of(slice(1)), 1, 3, 0, 2, 0);
    SegmentPlacement p = ArrayPlanner.plan(List.of(segment(producer, consumer)), 6).get(0);
    long[] out = p.operators().get(0).memOut();
    long[] in = p.operators().get(1).memIn();
    assertEquals(2, out.length);
    assertEquals(3, in.length);
    assertEquals(out[0], in[0]);
    assertEquals(out[1], in[1]);
    assertFalse(in[2] == out[0] || in[2] == out[1]);
    assertEquals(3, p.toMemory().length); // 2 outputs + 1 own input, the shared ones counted once
  }

  @Test
  void impossibleNeedsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ArrayPlanner.plan(List.of(segment(product(0, 5))), 4));
    OperatorNeed orphan = new OperatorNeed(List.of(slice(0)), 1, 1, 0, 1, -1);
    assertThrows(IllegalArgumentException.class, () -> ArrayPlanner.plan(List.of(segment(orphan)), 4));
  }

  /**
   * On random segment sequences: the placements are consistent with the modes (every listed
   * switch changes an array's mode, compute tiles run on compute arrays, memory buffers on memory
   * arrays, no array has two roles), the number of switches equals the least possible (an exact
   * DP over the number of memory-mode arrays), and when every distinct slice fits on the chip at
   * once (no memory needs) each slice is written exactly once.
   */
  @Test
  void randomSequencesAreConsistentAndSwitchOptimal() {
    SplittableRandom random = new SplittableRandom(20250214);
    for (int round = 0; round < 2000; round++) {
      int arrays = 2 + random.nextInt(9);
      boolean memoryFree = round % 2 == 0;
      int pool = memoryFree ? 1 + random.nextInt(arrays) : 1 + random.nextInt(2 * arrays);
      List<SegmentNeed> needs = new ArrayList<>();
      int segments = 1 + random.nextInt(8);
      for (int s = 0; s < segments; s++) {
        List<OperatorNeed> ops = new ArrayList<>();
        int budget = arrays;
        int count = 1 + random.nextInt(3);
        Set<Integer> used = new HashSet<>();
        for (int j = 0; j < count && budget > 0; j++) {
          int weight = random.nextInt(pool);
          if (memoryFree && !used.add(weight)) {
            continue;
          }
          int dup = memoryFree ? 1 : 1 + random.nextInt(Math.max(1, budget / 2));
          int memIn = memoryFree ? 0 : random.nextInt(3);
          int memOut = memoryFree ? 0 : random.nextInt(2);
          OperatorNeed o = new OperatorNeed(List.of(slice(weight)), dup, memIn, memOut, 0, -1);
          if (o.arrays() > budget) {
            continue;
          }
          budget -= o.arrays();
          ops.add(o);
        }
        if (!ops.isEmpty()) {
          needs.add(new SegmentNeed(ops));
        }
      }
      List<SegmentPlacement> plan = ArrayPlanner.plan(needs, arrays);
      int switches = checkConsistent(needs, plan, arrays);
      assertEquals(leastSwitches(needs, arrays), switches, "switches for " + needs + " on " + arrays + " arrays");
      if (memoryFree) {
        Set<Integer> distinct = new HashSet<>();
        for (SegmentNeed n : needs) {
          for (OperatorNeed o : n.operators()) {
            distinct.add(o.tiles().get(0).weight());
          }
        }
        int total = 0;
        for (int w : writes(plan)) {
          total += w;
        }
        assertEquals(distinct.size(), total, "writes for " + needs + " on " + arrays + " arrays");
      }
    }
  }

  /** Replays the plan on a model of the chip; returns the number of switches. */
  private static int checkConsistent(List<SegmentNeed> needs, List<SegmentPlacement> plan, int arrays) {
    boolean[] memory = new boolean[arrays];
    Slice[] held = new Slice[arrays];
    int switches = 0;
    for (int s = 0; s < plan.size(); s++) {
      SegmentPlacement p = plan.get(s);
      for (long a : p.toMemory()) {
        assertFalse(memory[(int) a], "array " + a + " switched to memory twice");
        memory[(int) a] = true;
        held[(int) a] = null;
      }
      for (long a : p.toCompute()) {
        assertTrue(memory[(int) a], "array " + a + " switched to compute while in compute mode");
        memory[(int) a] = false;
      }
      switches += p.toMemory().length + p.toCompute().length;
      Set<Long> roles = new HashSet<>();
      for (int j = 0; j < p.operators().size(); j++) {
        OperatorNeed need = needs.get(s).operators().get(j);
        OperatorPlacement op = p.operators().get(j);
        for (int t = 0; t < op.compute().length; t++) {
          for (int c = 0; c < op.compute()[t].length; c++) {
            int a = (int) op.compute()[t][c];
            assertFalse(memory[a], "tile on a memory-mode array");
            assertTrue(roles.add((long) a), "array " + a + " has two roles");
            if (op.write()[t][c]) {
              held[a] = need.tiles().get(t);
            } else {
              assertEquals(need.tiles().get(t), held[a], "array " + a + " does not hold the slice it reuses");
            }
          }
        }
        for (long a : op.memIn()) {
          assertTrue(memory[(int) a]);
        }
        for (int i = need.reuseIn(); i < op.memIn().length; i++) {
          assertTrue(roles.add(op.memIn()[i]), "array " + op.memIn()[i] + " has two roles");
        }
        for (long a : op.memOut()) {
          assertTrue(memory[(int) a]);
          assertTrue(roles.add(a), "array " + a + " has two roles");
        }
      }
    }
    return switches;
  }

  /**
   * The fewest switches any plan can make: with c_s compute and m_s memory arrays needed by
   * segment s, the number M_s of memory-mode arrays must lie in [m_s, N − c_s], and each unit
   * change of M_s is one switch. Exact DP over M_s (starting from 0).
   */
  private static int leastSwitches(List<SegmentNeed> needs, int arrays) {
    int inf = Integer.MAX_VALUE / 2;
    int[] cost = new int[arrays + 1];
    java.util.Arrays.fill(cost, inf);
    cost[0] = 0;
    for (SegmentNeed n : needs) {
      int compute = 0;
      int memory = 0;
      for (OperatorNeed o : n.operators()) {
        compute += o.tiles().size() * o.dup();
        memory += o.memIn() - o.reuseIn() + o.memOut();
      }
      int[] next = new int[arrays + 1];
      java.util.Arrays.fill(next, inf);
      for (int to = memory; to <= arrays - compute; to++) {
        for (int from = 0; from <= arrays; from++) {
          next[to] = Math.min(next[to], cost[from] + Math.abs(to - from));
        }
      }
      cost = next;
    }
    int best = inf;
    for (int c : cost) {
      best = Math.min(best, c);
    }
    return best;
  }

  private static List<Integer> writes(List<SegmentPlacement> plan) {
    List<Integer> out = new ArrayList<>();
    for (SegmentPlacement p : plan) {
      out.add(p.weightWrites());
    }
    return out;
  }
}

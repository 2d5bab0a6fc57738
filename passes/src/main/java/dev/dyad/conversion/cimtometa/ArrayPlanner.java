package dev.dyad.conversion.cimtometa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chooses the concrete arrays of every segment's weight tiles and memory-mode buffers, and the
 * mode switches and weight writes between segments (docs/lowering.md, "Physical arrays").
 */
public final class ArrayPlanner {
  private ArrayPlanner() {}

  /**
   * A weight slice one compute array holds: {@code weight} identifies the constant (equal ids,
   * equal data), then the offsets and sizes as in {@code meta.write_weights}.
   */
  public record Slice(int weight, long rowOffset, long rows, long colOffset, long cols) {}

  /**
   * One product of a segment: its weight tiles (each held by {@code dup} arrays), its own
   * memory-mode arrays, and {@code reuseIn} input arrays shared with the {@code mem_out} arrays
   * of the product at index {@code producer} of the same segment (-1: none).
   */
  public record OperatorNeed(List<Slice> tiles, int dup, int memIn, int memOut, int reuseIn, int producer) {
    public OperatorNeed {
      tiles = List.copyOf(tiles);
      if (tiles.isEmpty() || dup < 1 || memIn < 0 || memOut < 0 || reuseIn < 0 || reuseIn > memIn) {
        throw new IllegalArgumentException("malformed operator need");
      }
    }

    /** Arrays this product adds to its segment: tile copies and memory arrays not shared. */
    public int arrays() {
      return tiles.size() * dup + memIn - reuseIn + memOut;
    }
  }

  /** The products of one segment, in program order. */
  public record SegmentNeed(List<OperatorNeed> operators) {
    public SegmentNeed {
      operators = List.copyOf(operators);
    }

    public int arrays() {
      int n = 0;
      for (OperatorNeed o : operators) {
        n += o.arrays();
      }
      return n;
    }
  }

  /**
   * Where one product runs: {@code compute[t][c]} is the array of copy {@code c} of tile
   * {@code t}, {@code write[t][c]} whether its slice must be written; then its memory arrays.
   */
  public record OperatorPlacement(long[][] compute, boolean[][] write, long[] memIn, long[] memOut) {
    /** The arrays of tile {@code t} whose slice must be written, ascending by copy. */
    public long[] writesOf(int t) {
      long[] out = new long[compute[t].length];
      int n = 0;
      for (int c = 0; c < compute[t].length; c++) {
        if (write[t][c]) {
          out[n++] = compute[t][c];
        }
      }
      return Arrays.copyOf(out, n);
    }
  }

  /** What happens before one segment (switches, sorted) and where its products run. */
  public record SegmentPlacement(long[] toMemory, long[] toCompute, List<OperatorPlacement> operators) {
    /** Arrays whose weights this segment writes. */
    public int weightWrites() {
      int n = 0;
      for (OperatorPlacement p : operators) {
        for (boolean[] tile : p.write()) {
          for (boolean w : tile) {
            n += w ? 1 : 0;
          }
        }
      }
      return n;
    }
  }

  /**
   * Plans {@code segments} on a chip of {@code arrays} arrays, all in compute mode and empty at
   * the start. Per segment, greedily: a tile copy whose exact slice is resident in a compute-mode
   * array keeps it (no rewrite); memory needs take memory-mode arrays, and only the shortfall
   * switches compute arrays; the other tile copies take compute arrays, and only their shortfall
   * switches memory arrays back. Keeping modes until a segment's counts force a change makes the
   * number of switches the least possible; the compute arrays given up are those whose slice is
   * needed again latest (Belady's rule), so that resident weights survive when the chip has room.
   * Ties go to the lowest array id.
   *
   * @throws IllegalArgumentException when a segment needs more arrays than the chip has, or a
   *     product reuses arrays that its producer does not have
   */
  public static List<SegmentPlacement> plan(List<SegmentNeed> segments, int arrays) {
    return new State(segments, arrays).run();
  }

  private static final class State {
    private static final TreeSet<Integer> EMPTY = new TreeSet<>();
    private final List<SegmentNeed> segments;
    private final int arrays;
    private final boolean[] memory;
    private final Slice[] held;
    /** For each slice, the segments that need it, ascending. */
    private final Map<Slice, List<Integer>> uses = new HashMap<>();
    /** For each slice, the compute-mode arrays holding it. */
    private final Map<Slice, TreeSet<Integer>> holders = new HashMap<>();

    State(List<SegmentNeed> segments, int arrays) {
      this.segments = segments;
      this.arrays = arrays;
      this.memory = new boolean[arrays];
      this.held = new Slice[arrays];
      for (int s = 0; s < segments.size(); s++) {
        for (OperatorNeed o : segments.get(s).operators()) {
          for (Slice slice : o.tiles()) {
            List<Integer> list = uses.computeIfAbsent(slice, k -> new ArrayList<>());
            if (list.isEmpty() || list.get(list.size() - 1) != s) {
              list.add(s);
            }
          }
        }
      }
    }

    List<SegmentPlacement> run() {
      List<SegmentPlacement> out = new ArrayList<>();
      for (int s = 0; s < segments.size(); s++) {
        out.add(place(s));
      }
      return out;
    }

    private SegmentPlacement place(int s) {
      SegmentNeed need = segments.get(s);
      if (need.arrays() > arrays) {
        throw new IllegalArgumentException("segment " + s + " needs " + need.arrays() + " arrays, the chip has "
            + arrays);
      }
      List<OperatorNeed> ops = need.operators();
      boolean[] taken = new boolean[arrays];
      long[][][] compute = new long[ops.size()][][];
      boolean[][][] write = new boolean[ops.size()][][];
      // 1. Tile copies whose slice is resident keep their array.
      int toWrite = 0;
      for (int j = 0; j < ops.size(); j++) {
        OperatorNeed o = ops.get(j);
        compute[j] = new long[o.tiles().size()][o.dup()];
        write[j] = new boolean[o.tiles().size()][o.dup()];
        for (int t = 0; t < o.tiles().size(); t++) {
          for (int c = 0; c < o.dup(); c++) {
            int a = residentArray(o.tiles().get(t), taken);
            if (a >= 0) {
              taken[a] = true;
              compute[j][t][c] = a;
            } else {
              compute[j][t][c] = -1;
              write[j][t][c] = true;
              toWrite++;
            }
          }
        }
      }
      int memoryNeed = 0;
      for (OperatorNeed o : ops) {
        memoryNeed += o.memIn() - o.reuseIn() + o.memOut();
      }
      List<Integer> freeMemory = new ArrayList<>();
      for (int a = 0; a < arrays; a++) {
        if (!taken[a] && memory[a]) {
          freeMemory.add(a);
        }
      }
      List<Integer> freeCompute = computeArraysByEviction(s, taken);
      // 2. Memory needs: arrays already in memory mode, then the shortfall from compute arrays.
      List<Integer> memoryArrays = new ArrayList<>();
      List<Long> toMemory = new ArrayList<>();
      for (int i = 0; i < memoryNeed; i++) {
        int a = !freeMemory.isEmpty() ? freeMemory.remove(0) : switchTo(freeCompute.remove(0), true, toMemory);
        memoryArrays.add(a);
      }
      memoryArrays.sort(Comparator.naturalOrder());
      // 3. Tile copies to write: compute arrays, then the shortfall from memory arrays.
      List<Long> toCompute = new ArrayList<>();
      for (int j = 0; j < ops.size(); j++) {
        OperatorNeed o = ops.get(j);
        for (int t = 0; t < o.tiles().size(); t++) {
          for (int c = 0; c < o.dup(); c++) {
            if (!write[j][t][c]) {
              continue;
            }
            int a = !freeCompute.isEmpty() ? freeCompute.remove(0) : switchTo(freeMemory.remove(0), false, toCompute);
            compute[j][t][c] = a;
            hold(a, o.tiles().get(t));
            toWrite--;
          }
        }
      }
      if (toWrite != 0) {
        throw new IllegalStateException("unplaced tiles");
      }
      for (int j = 0; j < ops.size(); j++) {
        for (int t = 0; t < compute[j].length; t++) {
          sortCopies(compute[j][t], write[j][t]);
        }
      }
      // 4. Memory arrays by product: own inputs after the producer's shared outputs, then outputs.
      List<OperatorPlacement> placements = new ArrayList<>();
      int next = 0;
      for (int j = 0; j < ops.size(); j++) {
        OperatorNeed o = ops.get(j);
        long[] memIn = new long[o.memIn()];
        if (o.reuseIn() > 0) {
          if (o.producer() < 0 || o.producer() >= j || ops.get(o.producer()).memOut() < o.reuseIn()) {
            throw new IllegalArgumentException("product " + j + " of segment " + s + " reuses " + o.reuseIn()
                + " output arrays its producer does not have");
          }
          long[] shared = placements.get(o.producer()).memOut();
          System.arraycopy(shared, 0, memIn, 0, o.reuseIn());
        }
        for (int i = o.reuseIn(); i < o.memIn(); i++) {
          memIn[i] = memoryArrays.get(next++);
        }
        long[] memOut = new long[o.memOut()];
        for (int i = 0; i < o.memOut(); i++) {
          memOut[i] = memoryArrays.get(next++);
        }
        placements.add(new OperatorPlacement(compute[j], write[j], memIn, memOut));
      }
      return new SegmentPlacement(sorted(toMemory), sorted(toCompute), placements);
    }

    /** The lowest free compute-mode array holding {@code slice}, or -1. */
    private int residentArray(Slice slice, boolean[] taken) {
      for (int a : holders.getOrDefault(slice, EMPTY)) {
        if (!taken[a]) {
          return a;
        }
      }
      return -1;
    }

    /** Records that array {@code a} now holds {@code slice} (null: nothing). */
    private void hold(int a, Slice slice) {
      if (held[a] != null) {
        holders.get(held[a]).remove(a);
      }
      held[a] = slice;
      if (slice != null) {
        holders.computeIfAbsent(slice, k -> new TreeSet<>()).add(a);
      }
    }

    /** Free compute-mode arrays, the one whose slice is needed again latest (or never) first. */
    private List<Integer> computeArraysByEviction(int s, boolean[] taken) {
      List<Integer> free = new ArrayList<>();
      for (int a = 0; a < arrays; a++) {
        if (!taken[a] && !memory[a]) {
          free.add(a);
        }
      }
      int[] next = new int[arrays];
      for (int a : free) {
        next[a] = nextUse(held[a], s);
      }
      free.sort(Comparator.comparingInt((Integer a) -> next[a]).reversed().thenComparing(Comparator.naturalOrder()));
      return free;
    }

    /** The first segment after {@code s} that needs {@code slice}; MAX_VALUE if none (or empty). */
    private int nextUse(Slice slice, int s) {
      if (slice == null) {
        return Integer.MAX_VALUE;
      }
      List<Integer> list = uses.getOrDefault(slice, List.of());
      int i = Collections.binarySearch(list, s + 1);
      int at = i >= 0 ? i : -i - 1;
      return at < list.size() ? list.get(at) : Integer.MAX_VALUE;
    }

    private int switchTo(int a, boolean toMemory, List<Long> log) {
      memory[a] = toMemory;
      hold(a, null);
      log.add((long) a);
      return a;
    }

    /** Copies of a tile are interchangeable: list them by array id (keeping each one's write flag). */
    private static void sortCopies(long[] arrays, boolean[] write) {
      Integer[] order = new Integer[arrays.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingLong(i -> arrays[i]));
      long[] a = arrays.clone();
      boolean[] w = write.clone();
      for (int i = 0; i < order.length; i++) {
        arrays[i] = a[order[i]];
        write[i] = w[order[i]];
      }
    }

    private static long[] sorted(List<Long> ids) {
      long[] out = new long[ids.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = ids.get(i);
      }
      Arrays.sort(out);
      return out;
    }
  }
}

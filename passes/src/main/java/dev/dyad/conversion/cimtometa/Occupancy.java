package dev.dyad.conversion.cimtometa;

import dev.dyad.alloc.TensorBits;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.dialect.meta.Col2ImOp;
import dev.dyad.dialect.meta.Im2ColOp;
import dev.dyad.dialect.meta.LoadOp;
import dev.dyad.dialect.meta.LoadSliceOp;
import dev.dyad.dialect.meta.MovOp;
import dev.dyad.dialect.meta.MvmOp;
import dev.dyad.dialect.meta.PlaceAttr;
import dev.dyad.dialect.meta.ReadOp;
import dev.dyad.dialect.meta.SegmentOp;
import dev.dyad.dialect.meta.StoreOp;
import dev.dyad.dialect.meta.VectorOp;
import dev.dyad.dialect.meta.WriteOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Buffer and memory-mode array occupancy of a meta program, counted as meta.md's interpreter checks it. */
final class Occupancy {
  private Occupancy() {}

  /**
   * The first op at which a capacity is exceeded: the buffer ({@code array} = -1) or one array;
   * {@code live} are the values (seen through segment results) taking that place there, and
   * {@code usedAt} the values the op itself uses.
   */
  record Overflow(Operation at, long array, long bits, long capacity, Set<Value> live, Set<Value> usedAt) {
    boolean isBuffer() {
      return array < 0;
    }
  }

  /** Where a meta value lives (meta.md, "Places"): arguments and constants are external. */
  static PlaceAttr placeOf(Value v) {
    v = root(v);
    Operation def = v.getDefiningOp();
    if (def == null) {
      return PlaceAttr.EXTERNAL;
    }
    String name = def.getNameString();
    if (name.equals(LoadOp.NAME)) {
      return new LoadOp(def).to();
    } else if (name.equals(LoadSliceOp.NAME)) {
      return new LoadSliceOp(def).to();
    } else if (name.equals(StoreOp.NAME)) {
      return PlaceAttr.EXTERNAL;
    } else if (name.equals(ReadOp.NAME)) {
      return PlaceAttr.BUFFER;
    } else if (name.equals(WriteOp.NAME)) {
      return PlaceAttr.ofArrays(new WriteOp(def).arrays());
    } else if (name.equals(MovOp.NAME)) {
      return new MovOp(def).to();
    } else if (MvmOp.isa(def)) {
      return new MvmOp(def).outBuffer();
    } else if (VectorOp.isa(def)) {
      return new VectorOp(def).outBuffer();
    } else if (name.equals(Im2ColOp.NAME)) {
      return new Im2ColOp(def).outBuffer();
    } else if (name.equals(Col2ImOp.NAME)) {
      return new Col2ImOp(def).outBuffer();
    }
    return PlaceAttr.EXTERNAL;
  }

  /** A segment result seen through to the value its segment yields. */
  static Value root(Value v) {
    while (v instanceof OpResult r && SegmentOp.isa(r.getOwner())) {
      v = new SegmentOp(r.getOwner()).body().back().getOperand(r.getIndex());
    }
    return v;
  }

  /**
   * The first overflow of the buffer or of a memory-mode array in {@code program}, or null. A
   * value takes its place from the op that places it to its last use (a segment's result counts
   * as the value it yields); a value of B bits on arrays S takes {@code ⌈B / |S|⌉} of each.
   */
  static Overflow check(Block program, HardwareDescription arch) {
    List<Operation> order = new ArrayList<>();
    for (Operation op : program.getOpsList()) {
      order.add(op);
      if (SegmentOp.isa(op)) {
        order.addAll(new SegmentOp(op).body().getOpsList());
      }
    }
    Map<Value, int[]> interval = new LinkedHashMap<>();
    for (int p = 0; p < order.size(); p++) {
      Operation op = order.get(p);
      for (Value v : op.getOperands()) {
        int[] i = interval.get(root(v));
        if (i != null) {
          i[1] = Math.max(i[1], p);
        }
      }
      if (!SegmentOp.isa(op)) {
        for (OpResult r : op.getResults()) {
          if (placeOf(r).isOnChip()) {
            interval.put(r, new int[] {p, p});
          }
        }
      }
    }
    // Per place (-1: the buffer, else an array id), the bits that start and stop being held at each position.
    Map<Long, long[]> delta = new TreeMap<>();
    for (Map.Entry<Value, int[]> e : interval.entrySet()) {
      PlaceAttr place = placeOf(e.getKey());
      long bits = TensorBits.of(e.getKey());
      int[] i = e.getValue();
      if (place.isBuffer()) {
        add(delta, -1L, order.size(), i, bits);
      } else {
        long share = (bits + place.arrays().size() - 1) / place.arrays().size();
        for (long a : place.arrays()) {
          add(delta, a, order.size(), i, share);
        }
      }
    }
    Overflow first = null;
    for (Map.Entry<Long, long[]> e : delta.entrySet()) {
      long capacity = e.getKey() < 0 ? arch.bufferBits() : arch.memoryCapacityBits();
      long held = 0;
      long[] d = e.getValue();
      for (int p = 0; p < order.size(); p++) {
        held += d[p];
        if (held > capacity) {
          if (first == null || order.indexOf(first.at()) > p) {
            first = overflow(order, p, e.getKey(), held, capacity, interval);
          }
          break;
        }
      }
    }
    return first;
  }

  private static void add(Map<Long, long[]> delta, long place, int size, int[] interval, long bits) {
    long[] d = delta.computeIfAbsent(place, k -> new long[size + 1]);
    d[interval[0]] += bits;
    d[interval[1] + 1] -= bits;
  }

  private static Overflow overflow(List<Operation> order, int p, long array, long bits, long capacity,
      Map<Value, int[]> interval) {
    Set<Value> live = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<Value, int[]> e : interval.entrySet()) {
      PlaceAttr place = placeOf(e.getKey());
      boolean here = array < 0 ? place.isBuffer() : place.isArrays() && place.arrays().contains(array);
      if (here && e.getValue()[0] <= p && p <= e.getValue()[1]) {
        live.add(e.getKey());
      }
    }
    Set<Value> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Value v : order.get(p).getOperands()) {
      used.add(root(v));
    }
    return new Overflow(order.get(p), array, bits, capacity, live, used);
  }
}

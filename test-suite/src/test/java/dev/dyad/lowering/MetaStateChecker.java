package dev.dyad.lowering;

import dev.dyad.alloc.TensorBits;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.dialect.meta.LoadOp;
import dev.dyad.dialect.meta.LoadSliceOp;
import dev.dyad.dialect.meta.MovOp;
import dev.dyad.dialect.meta.MvmOp;
import dev.dyad.dialect.meta.PlaceAttr;
import dev.dyad.dialect.meta.ReadOp;
import dev.dyad.dialect.meta.SegmentOp;
import dev.dyad.dialect.meta.StoreOp;
import dev.dyad.dialect.meta.StoreSliceOp;
import dev.dyad.dialect.meta.SwitchOp;
import dev.dyad.dialect.meta.VectorOp;
import dev.dyad.dialect.meta.WriteOp;
import dev.dyad.dialect.meta.WriteWeightsOp;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * meta.md's chip-state checks without the numerics (modes, held slices, places, lost data,
 * capacities): a stand-in for the CIM interpreter in tests of cim-to-meta.
 */
final class MetaStateChecker {
  /** What a compute-mode array holds. */
  private record Held(Value weight, long rowOffset, long rows, long colOffset, long cols) {}

  /** A value's place and, for arrays, the switch count of each of them when it was placed. */
  private record Where(PlaceAttr place, long[] epochs) {}

  private final HardwareDescription arch;
  private final boolean[] memory;
  private final Held[] held;
  private final long[] epoch;
  private final Map<Value, Where> where = new IdentityHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private MetaStateChecker(HardwareDescription arch) {
    this.arch = arch;
    this.memory = new boolean[arch.arrays()];
    this.held = new Held[arch.arrays()];
    this.epoch = new long[arch.arrays()];
  }

  /** The problems the interpreter would report for {@code func}, in program order (empty: none). */
  static List<String> check(Operation func, HardwareDescription arch) {
    MetaStateChecker c = new MetaStateChecker(arch);
    List<Operation> order = new ArrayList<>();
    for (Operation op : func.getRegion(0).front().getOpsList()) {
      order.add(op);
      if (SegmentOp.isa(op)) {
        order.addAll(new SegmentOp(op).body().getOpsList());
      }
    }
    for (Operation op : order) {
      c.step(op);
    }
    c.capacities(order);
    return c.problems;
  }

  private void step(Operation op) {
    String name = op.getNameString();
    if (SwitchOp.isa(op)) {
      SwitchOp s = new SwitchOp(op);
      for (long a : s.arrays()) {
        if (!exists(op, a)) {
          continue;
        }
        if (!s.toCompute() && !arch.dualMode()) {
          problem(op, "switches array " + a + " to memory mode on a chip without dual mode");
        }
        if (memory[(int) a] != s.toCompute()) {
          problem(op, "switches array " + a + " to the mode it is in");
        }
        memory[(int) a] = !s.toCompute();
        held[(int) a] = null;
        epoch[(int) a]++;
      }
    } else if (WriteWeightsOp.isa(op)) {
      WriteWeightsOp w = new WriteWeightsOp(op);
      if (w.rows() > arch.rows() || w.cols() * arch.cellsPerWeight() > arch.cols()) {
        problem(op, "writes a slice that does not fit an array");
      }
      for (long a : w.arrays()) {
        if (exists(op, a)) {
          if (memory[(int) a]) {
            problem(op, "writes weights into array " + a + ", which is in memory mode");
          }
          held[(int) a] = new Held(w.weight(), w.rowOffset(), w.rows(), w.colOffset(), w.cols());
        }
      }
    } else if (MvmOp.isa(op)) {
      MvmOp m = new MvmOp(op);
      Held first = null;
      for (long a : m.arrays()) {
        if (!exists(op, a)) {
          continue;
        }
        Held h = held[(int) a];
        MvmOp.Slice s = m.slice();
        if (memory[(int) a]) {
          problem(op, "uses array " + a + ", which is in memory mode");
        } else if (h == null || h.rowOffset() != s.rowOffset() || h.rows() != s.rows() || h.colOffset() != s.colOffset()
            || h.cols() != s.cols()) {
          problem(op, "uses array " + a + ", which does not hold its slice");
        } else if (first != null && first.weight() != h.weight()) {
          problem(op, "uses arrays holding slices of different weights");
        }
        first = first == null ? h : first;
      }
      at(op, m.input(), m.inBuffer(), "%x");
      if (m.acc() != null) {
        at(op, m.acc(), m.outBuffer(), "%acc");
      }
      place(op, op.getResult(0), m.outBuffer());
    } else if (LoadOp.NAME.equals(name)) {
      at(op, op.getOperand(0), PlaceAttr.EXTERNAL, "its operand");
      place(op, op.getResult(0), new LoadOp(op).to());
    } else if (StoreOp.NAME.equals(name)) {
      at(op, op.getOperand(0), new StoreOp(op).from(), "its operand");
      place(op, op.getResult(0), PlaceAttr.EXTERNAL);
    } else if (LoadSliceOp.NAME.equals(name)) {
      at(op, op.getOperand(0), PlaceAttr.EXTERNAL, "its operand");
      place(op, op.getResult(0), new LoadSliceOp(op).to());
    } else if (StoreSliceOp.NAME.equals(name)) {
      at(op, op.getOperand(0), new StoreSliceOp(op).from(), "its operand");
      if (op.getNumOperands() > 1) {
        at(op, op.getOperand(1), PlaceAttr.EXTERNAL, "%dest");
      }
      place(op, op.getResult(0), PlaceAttr.EXTERNAL);
    } else if (ReadOp.NAME.equals(name)) {
      at(op, op.getOperand(0), PlaceAttr.ofArrays(new ReadOp(op).arrays()), "its operand");
      place(op, op.getResult(0), PlaceAttr.BUFFER);
    } else if (WriteOp.NAME.equals(name)) {
      at(op, op.getOperand(0), PlaceAttr.BUFFER, "its operand");
      place(op, op.getResult(0), PlaceAttr.ofArrays(new WriteOp(op).arrays()));
    } else if (MovOp.NAME.equals(name)) {
      at(op, op.getOperand(0), new MovOp(op).from(), "its operand");
      place(op, op.getResult(0), new MovOp(op).to());
    } else if (VectorOp.isa(op) || name.equals("meta.im2col") || name.equals("meta.col2im")) {
      for (Value v : op.getOperands()) {
        onChip(op, v);
      }
      PlaceAttr out = (PlaceAttr) op.getProperty("out_buffer");
      for (OpResult r : op.getResults()) {
        place(op, r, out);
      }
    } else if (name.equals("func.return")) {
      for (Value v : op.getOperands()) {
        at(op, v, PlaceAttr.EXTERNAL, "a result");
      }
    } else if (!SegmentOp.isa(op) && !name.equals("meta.yield") && !name.equals("meta.barrier")
        && !name.equals("nn.constant")) {
      problem(op, "is not a meta op the checker knows");
    }
  }

  private boolean exists(Operation op, long a) {
    if (a < 0 || a >= arch.arrays()) {
      problem(op, "names array " + a + ", which the chip does not have");
      return false;
    }
    return true;
  }

  private void place(Operation op, Value v, PlaceAttr place) {
    long[] epochs = new long[place.arrays().size()];
    for (int i = 0; i < epochs.length; i++) {
      long a = place.arrays().get(i);
      if (exists(op, a)) {
        if (!memory[(int) a]) {
          problem(op, "places a value in array " + a + ", which is in compute mode");
        }
        epochs[i] = epoch[(int) a];
      }
    }
    where.put(v, new Where(place, epochs));
  }

  private Where whereOf(Value v) {
    while (v instanceof OpResult r && SegmentOp.isa(r.getOwner())) {
      v = new SegmentOp(r.getOwner()).body().back().getOperand(r.getIndex());
    }
    Where w = where.get(v);
    return w != null ? w : new Where(PlaceAttr.EXTERNAL, new long[0]); // arguments and constants
  }

  private void at(Operation op, Value v, PlaceAttr expected, String what) {
    Where w = whereOf(v);
    if (!Objects.equals(w.place(), expected)) {
      problem(op, what + " is at " + w.place().body() + ", not at " + expected.body());
    }
    alive(op, w);
  }

  private void onChip(Operation op, Value v) {
    Where w = whereOf(v);
    if (w.place().isExternal()) {
      problem(op, "reads an operand in external memory");
    }
    alive(op, w);
  }

  private void alive(Operation op, Where w) {
    for (int i = 0; i < w.epochs().length; i++) {
      int a = (int) (long) w.place().arrays().get(i);
      if (epoch[a] != w.epochs()[i]) {
        problem(op, "uses a value that array " + a + " lost when it switched mode");
      }
    }
  }

  /** Buffer and array capacity: every placed value from its defining op to its last use. */
  private void capacities(List<Operation> order) {
    Map<Value, int[]> interval = new IdentityHashMap<>();
    Map<Operation, Integer> position = new IdentityHashMap<>();
    for (int p = 0; p < order.size(); p++) {
      position.put(order.get(p), p);
    }
    for (Map.Entry<Value, Where> e : where.entrySet()) {
      Operation def = e.getKey().getDefiningOp();
      interval.put(e.getKey(), new int[] {position.get(def), position.get(def)});
    }
    for (int p = 0; p < order.size(); p++) {
      for (Value v : order.get(p).getOperands()) {
        while (v instanceof OpResult r && SegmentOp.isa(r.getOwner())) {
          v = new SegmentOp(r.getOwner()).body().back().getOperand(r.getIndex());
        }
        int[] i = interval.get(v);
        if (i != null) {
          i[1] = Math.max(i[1], p);
        }
      }
    }
    Map<Long, long[]> use = new HashMap<>();
    for (Map.Entry<Value, int[]> e : interval.entrySet()) {
      PlaceAttr place = where.get(e.getKey()).place();
      long bits = TensorBits.of(e.getKey());
      if (place.isBuffer()) {
        add(use, -1L, order.size(), e.getValue(), bits);
      } else if (place.isArrays()) {
        for (long a : place.arrays()) {
          add(use, a, order.size(), e.getValue(), (bits + place.arrays().size() - 1) / place.arrays().size());
        }
      }
    }
    for (Map.Entry<Long, long[]> e : use.entrySet()) {
      long capacity = e.getKey() < 0 ? arch.bufferBits() : arch.memoryCapacityBits();
      for (int p = 0; p < order.size(); p++) {
        if (e.getValue()[p] > capacity) {
          problem(order.get(p), (e.getKey() < 0 ? "the buffer" : "array " + e.getKey()) + " holds "
              + e.getValue()[p] + " bits, more than " + capacity);
          break;
        }
      }
    }
  }

  private static void add(Map<Long, long[]> use, long place, int size, int[] interval, long bits) {
    long[] u = use.computeIfAbsent(place, k -> new long[size]);
    for (int p = interval[0]; p <= interval[1]; p++) {
      u[p] += bits;
    }
  }

  private void problem(Operation op, String message) {
    problems.add("'" + op.getNameString() + "' " + message);
  }
}

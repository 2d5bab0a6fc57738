package dev.dyad.runtime.cim;

import dev.dyad.arch.HardwareDescription;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The chip as a meta program changes it: each array's mode and the weight slice it holds, the
 * data held by memory-mode arrays and by the buffer with their occupancy (current and peak). The
 * interpreter checks every op against it (docs/dialects/meta.md, "Chip state and the
 * interpreter's checks").
 */
public final class ChipState {
  private final HardwareDescription arch;
  private final boolean[] memoryMode;
  private final WeightSlice[] weights;
  private final long[] arrayBits;
  private final long[] peakArrayBits;
  private final List<Set<Datum>> onArray = new ArrayList<>();
  private final Set<Datum> inBuffer = new LinkedHashSet<>();
  private long bufferBits;
  private long peakBufferBits;

  ChipState(HardwareDescription arch) {
    this.arch = arch;
    int n = arch.arrays();
    memoryMode = new boolean[n];
    weights = new WeightSlice[n];
    arrayBits = new long[n];
    peakArrayBits = new long[n];
    for (int i = 0; i < n; i++) {
      onArray.add(new LinkedHashSet<>());
    }
  }

  public HardwareDescription arch() {
    return arch;
  }

  /** Whether array {@code id} is in memory mode (every array starts in compute mode). */
  public boolean isMemoryMode(int id) {
    return memoryMode[id];
  }

  /** The weight slice array {@code id} holds, or null (memory mode, or nothing written yet). */
  public WeightSlice weights(int id) {
    return weights[id];
  }

  /** Bits of data array {@code id} holds now in memory mode. */
  public long arrayBits(int id) {
    return arrayBits[id];
  }

  /** The most bits array {@code id} held at once. */
  public long peakArrayBits(int id) {
    return peakArrayBits[id];
  }

  /** Bits of data the buffer holds now. */
  public long bufferBits() {
    return bufferBits;
  }

  /** The most bits the buffer held at once. */
  public long peakBufferBits() {
    return peakBufferBits;
  }

  // ---- changes (the interpreter has checked them) ------------------------------------------------

  /** Switches {@code id}; returns the data that was on it, now lost (and no longer counted). */
  List<Datum> switchMode(int id, boolean toMemory) {
    memoryMode[id] = toMemory;
    weights[id] = null;
    List<Datum> lost = new ArrayList<>(onArray.get(id));
    for (Datum d : lost) {
      remove(d);
    }
    return lost;
  }

  void writeWeights(int id, WeightSlice slice) {
    weights[id] = slice;
  }

  /** Bits of array {@code id} that {@code d} takes: ⌈bits / |arrays|⌉. */
  static long share(Datum d) {
    int n = d.place().arrays().size();
    return (d.bits() + n - 1) / n;
  }

  /** Free bits of array {@code id} in memory mode. */
  long freeArrayBits(int id) {
    return arch.memoryCapacityBits() - arrayBits[id];
  }

  long freeBufferBits() {
    return arch.bufferBits() - bufferBits;
  }

  /** Counts {@code d} where it is placed (buffer or arrays; external data is not counted). */
  void place(Datum d) {
    if (d.place().isBuffer()) {
      if (inBuffer.add(d)) {
        bufferBits += d.bits();
        peakBufferBits = Math.max(peakBufferBits, bufferBits);
      }
      return;
    }
    if (d.place().isArrays()) {
      long share = share(d);
      for (long a : d.place().arrays()) {
        int id = (int) a;
        if (onArray.get(id).add(d)) {
          arrayBits[id] += share;
          peakArrayBits[id] = Math.max(peakArrayBits[id], arrayBits[id]);
        }
      }
    }
  }

  /** Stops counting {@code d} (its last use is over, or its data was lost). */
  void remove(Datum d) {
    if (d.place().isBuffer()) {
      if (inBuffer.remove(d)) {
        bufferBits -= d.bits();
      }
      return;
    }
    if (d.place().isArrays()) {
      long share = share(d);
      for (long a : d.place().arrays()) {
        int id = (int) a;
        if (onArray.get(id).remove(d)) {
          arrayBits[id] -= share;
        }
      }
    }
  }
}

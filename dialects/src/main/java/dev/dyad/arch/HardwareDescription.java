package dev.dyad.arch;

import java.util.Objects;

/**
 * One CIM chip as the compiler and the CIM interpreter see it: a chip of identical arrays, every
 * number in a canonical unit (cycles, bits, bits per cycle, Hz). Built by {@link
 * HardwareDescriptions} from a JSON description (docs/hardware.md names the JSON field of each
 * component) and embedded in modules as {@code #cim.arch}.
 *
 * @param name the preset or file name, e.g. {@code dynaplasia}
 * @param summary one line for listings
 * @param technology the memory technology of the arrays
 * @param dualMode whether arrays can switch between compute mode and memory mode
 * @param arrays number of CIM arrays on the chip
 * @param rows cell rows per array (inputs of one MVM)
 * @param cols cell columns per array
 * @param cellBits bits stored per cell
 * @param weightBits bits per weight (a weight spans {@link #cellsPerWeight()} adjacent cells of a row)
 * @param activationBits bits per input/output activation
 * @param clockHz the clock
 * @param mvmCycles T_mvm: cycles for one MVM of a full input vector on one compute-mode array
 * @param memoryBandwidthBitsPerCycle D_cim: read/write bandwidth of one memory-mode array (0 when
 *     not dual-mode and not given)
 * @param memoryCapacityBits what one array stores in memory mode
 * @param internalBandwidthBitsPerCycle on-chip bandwidth shared by all arrays and the buffer
 * @param externalBandwidthBitsPerCycle bandwidth between DRAM and the chip
 * @param bufferBits the chip's on-chip buffer besides the arrays (all banks together)
 * @param switchToComputeCycles L_M→C: cycles to switch one array from memory to compute mode
 * @param switchToMemoryCycles L_C→M: cycles to switch one array from compute to memory mode
 * @param weightWriteRowCycles cycles to write the weights of one row of one array
 * @param weightWriteArrayCycles cycles to write all weights of one array
 * @param weightReloadModel how the compiler charges weight rewrites between segments
 * @param vectorElementsPerCycle throughput of the digital vector unit that runs non-CIM operators
 */
public record HardwareDescription(
    String name,
    String summary,
    Technology technology,
    boolean dualMode,
    int arrays,
    int rows,
    int cols,
    int cellBits,
    int weightBits,
    int activationBits,
    long clockHz,
    long mvmCycles,
    double memoryBandwidthBitsPerCycle,
    long memoryCapacityBits,
    double internalBandwidthBitsPerCycle,
    double externalBandwidthBitsPerCycle,
    long bufferBits,
    long switchToComputeCycles,
    long switchToMemoryCycles,
    long weightWriteRowCycles,
    long weightWriteArrayCycles,
    WeightReloadModel weightReloadModel,
    double vectorElementsPerCycle) {

  /** Checks the invariants the loader guarantees; a violation here is a programming error. */
  public HardwareDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(technology, "technology");
    Objects.requireNonNull(weightReloadModel, "weightReloadModel");
    require(!name.isEmpty(), "name is empty");
    require(arrays > 0 && rows > 0 && cols > 0, "array counts and sizes must be positive");
    require(cellBits > 0 && weightBits > 0 && activationBits > 0, "bit widths must be positive");
    require(clockHz > 0 && mvmCycles > 0, "clock and T_mvm must be positive");
    require(positive(internalBandwidthBitsPerCycle) && positive(externalBandwidthBitsPerCycle),
        "bandwidths must be positive and finite");
    require(dualMode ? positive(memoryBandwidthBitsPerCycle) : nonNegative(memoryBandwidthBitsPerCycle),
        "memory-mode bandwidth must be positive on a dual-mode chip");
    require(memoryCapacityBits > 0 && bufferBits >= 0, "memory sizes out of range");
    require(switchToComputeCycles >= 0 && switchToMemoryCycles >= 0, "switch latencies must not be negative");
    require(weightWriteRowCycles > 0 && weightWriteArrayCycles > 0, "weight write latencies must be positive");
    require(positive(vectorElementsPerCycle), "vector throughput must be positive and finite");
    require(cols >= (weightBits + cellBits - 1) / cellBits, "a row must hold at least one weight");
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }

  private static boolean positive(double d) {
    return d > 0 && Double.isFinite(d);
  }

  private static boolean nonNegative(double d) {
    return d >= 0 && Double.isFinite(d);
  }

  /** Adjacent cells of a row that hold one weight (bit slicing): ⌈weightBits / cellBits⌉. */
  public int cellsPerWeight() {
    return (weightBits + cellBits - 1) / cellBits;
  }

  /** Weights per row, i.e. the outputs of one MVM: ⌊cols / cellsPerWeight⌋. */
  public int weightCols() {
    return cols / cellsPerWeight();
  }

  /** Weights one compute-mode array holds: rows × weightCols. */
  public long weightsPerArray() {
    return (long) rows * weightCols();
  }

  /** OP_cim: multiply-accumulates per cycle of one compute-mode array (weightsPerArray / T_mvm). */
  public double macsPerCycle() {
    return (double) weightsPerArray() / mvmCycles;
  }

  /** Bytes one weight occupies in DRAM and in memory-mode arrays: ⌈weightBits / 8⌉. */
  public int weightBytes() {
    return (weightBits + 7) / 8;
  }

  /** Memory-mode capacity of one array in whole bytes. */
  public long memoryCapacityBytes() {
    return memoryCapacityBits / 8;
  }

  public long bufferBytes() {
    return bufferBits / 8;
  }

  public double memoryBandwidthBytesPerCycle() {
    return memoryBandwidthBitsPerCycle / 8;
  }

  public double internalBandwidthBytesPerCycle() {
    return internalBandwidthBitsPerCycle / 8;
  }

  public double externalBandwidthBytesPerCycle() {
    return externalBandwidthBitsPerCycle / 8;
  }

  /** {@code cycles} at this chip's clock, in nanoseconds. */
  public double nanoseconds(long cycles) {
    return cycles * 1e9 / clockHz;
  }
}

package dev.dyad.alloc;

import dev.dyad.arch.HardwareDescription;
import java.util.List;

/** {@code cim-mlc-alloc}: the CIM-MLC-like baseline ({@link CimMlcAllocator}) on every function. */
public final class CimMlcAllocPass extends AllocationPass {
  @Override
  public String argument() {
    return "cim-mlc-alloc";
  }

  @Override
  public String summary() {
    return "CIM-MLC-like allocation: greedy segments, duplication DP, all arrays in compute mode";
  }

  @Override
  public String description() {
    return "Collects each function's cim.mmm ops in program order, fills the chip's arrays greedily (a new segment"
        + " starts when the next operator's tiles do not fit), spends the spare arrays of each segment on weight"
        + " copies (CIM-MLC's duplication DP), sets #cim.alloc and wraps the segments into cim.segment ops.";
  }

  @Override
  protected Allocation allocate(List<CimOperator> ops, HardwareDescription arch) throws AllocationException {
    return CimMlcAllocator.allocate(ops, arch);
  }
}

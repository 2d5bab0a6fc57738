package dev.dyad.alloc;

import dev.dyad.arch.HardwareDescription;
import java.util.List;

/** {@code naive-alloc}: one operator per segment, one copy of its weights ({@link NaiveAllocator}). */
public final class NaiveAllocPass extends AllocationPass {
  @Override
  public String argument() {
    return "naive-alloc";
  }

  @Override
  public String summary() {
    return "Naive allocation: one cim.mmm per segment, no duplication, all arrays in compute mode";
  }

  @Override
  public String description() {
    return "Gives every cim.mmm its own segment with a single copy of its weights, sets #cim.alloc and wraps the"
        + " segments into cim.segment ops.";
  }

  @Override
  protected Allocation allocate(List<CimOperator> ops, HardwareDescription arch) throws AllocationException {
    return NaiveAllocator.allocate(ops, arch);
  }
}

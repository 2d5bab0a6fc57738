package dev.dyad.alloc;

import dev.dyad.arch.HardwareDescription;
import java.util.ArrayList;
import java.util.List;

/** The simplest baseline: one operator per segment, one copy of its weights, no memory mode. */
public final class NaiveAllocator {
  public static final String NAME = "naive";

  private NaiveAllocator() {}

  public static Allocation allocate(List<CimOperator> ops, HardwareDescription arch) throws AllocationException {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      CimMlcAllocator.requireFits(ops, i, arch);
      segments.add(new Segment(i, i, List.of(1), List.of(0)));
    }
    return new Allocation(NAME, segments);
  }
}

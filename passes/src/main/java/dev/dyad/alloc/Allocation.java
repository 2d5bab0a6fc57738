package dev.dyad.alloc;

import java.util.List;

/** An allocator's answer: the segments, in execution order, covering every operator once. */
public record Allocation(String allocator, List<Segment> segments) {
  public Allocation {
    segments = List.copyOf(segments);
    int next = 0;
    for (Segment s : segments) {
      if (s.first() != next) {
        throw new IllegalArgumentException("segments must cover the operators in order");
      }
      next = s.last() + 1;
    }
  }

  /** The segment holding operator {@code op}. */
  public Segment segmentOf(int op) {
    for (Segment s : segments) {
      if (op <= s.last()) {
        return s;
      }
    }
    throw new IndexOutOfBoundsException("operator " + op);
  }
}

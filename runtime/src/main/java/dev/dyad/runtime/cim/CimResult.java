package dev.dyad.runtime.cim;

import dev.dyad.runtime.tensor.Tensor;
import java.util.List;

/**
 * What a run of the CIM interpreter gives: the outputs (none in a timing-only run), the chip's
 * state at the end, and the timed schedule the report and the trace are made from.
 */
public record CimResult(List<Tensor> outputs, ChipState chip, Schedule schedule) {
  public CimResult {
    outputs = List.copyOf(outputs);
  }

  public PerformanceReport report() {
    return new PerformanceReport(schedule, chip);
  }
}

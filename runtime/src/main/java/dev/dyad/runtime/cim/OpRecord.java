package dev.dyad.runtime.cim;

import dev.dyad.ir.Operation;
import java.util.List;

/**
 * One executed meta op as the timing model sees it: its demands, where it ran (top level, or a
 * segment's phase), how many row blocks its work divides into, and which ops of its phase produce
 * its operands. The schedule fills in its start and end.
 */
final class OpRecord {
  /** What kind of work an op is, for the report's breakdowns. */
  enum Category { SWITCH, WEIGHT_WRITE, MVM, DATA_MOVEMENT, VECTOR }

  final Operation op;
  final int index;
  /** The segment's id, or -1 at the top level. */
  final long segment;
  /** The phase within the segment (0 at the top level). */
  final int phase;
  final Demands demands;
  final Category category;
  /** The row blocks the op's work divides into when it streams in a pipeline (at least 1). */
  final long rows;
  /** The ops of the same phase whose results it consumes (pipeline edges). */
  final List<OpRecord> producers;
  Rational start = Rational.ZERO;
  Rational end = Rational.ZERO;

  OpRecord(Operation op, int index, long segment, int phase, Demands demands, Category category, long rows,
      List<OpRecord> producers) {
    this.op = op;
    this.index = index;
    this.segment = segment;
    this.phase = phase;
    this.demands = demands;
    this.category = category;
    this.rows = Math.max(1, rows);
    this.producers = List.copyOf(producers);
  }

  /** The op's latency on its own: its largest demand. */
  Rational ownLatency() {
    return demands.max();
  }
}

package dev.dyad.dialect.meta;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.ods.OpDefinition;

/**
 * {@code meta.barrier}: waits for everything issued before it. In a segment it ends a phase;
 * functionally it does nothing. It has effects (no Pure) so that no transformation drops it.
 */
public record BarrierOp(Operation op) {
  public static final String NAME = "meta.barrier";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("waits for everything issued before it (ends a segment's phase); reads and writes nothing; cost 0"
          + " beyond the wait")
      .assemblyFormat("attr-dict")
      .build();

  public BarrierOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static BarrierOp create(Builder b, Location loc) {
    return new BarrierOp(b.create(b.state(NAME, loc)));
  }
}

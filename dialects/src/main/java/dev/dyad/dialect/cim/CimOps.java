package dev.dyad.dialect.cim;

import dev.dyad.ir.OpDef;
import java.util.List;

/** The op definitions of the {@code cim} dialect (docs/dialects/cim.md). */
public final class CimOps {
  private CimOps() {}

  /** Every cim op, sorted by name. */
  public static List<OpDef> all() {
    return List.of(Col2ImOp.DEFINITION, Im2ColOp.DEFINITION, MmmOp.DEFINITION, SegmentOp.DEFINITION,
        VectorOp.DEFINITION, YieldOp.DEFINITION);
  }
}

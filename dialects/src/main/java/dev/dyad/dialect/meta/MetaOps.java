package dev.dyad.dialect.meta;

import dev.dyad.ir.OpDef;
import java.util.List;

/** The op definitions of the {@code meta} dialect (docs/dialects/meta.md). */
public final class MetaOps {
  private MetaOps() {}

  /** Every meta op, sorted by name. */
  public static List<OpDef> all() {
    return List.of(BarrierOp.DEFINITION, Col2ImOp.DEFINITION, Im2ColOp.DEFINITION, LoadOp.DEFINITION,
        LoadSliceOp.DEFINITION, MovOp.DEFINITION, MvmOp.DEFINITION, ReadOp.DEFINITION, SegmentOp.DEFINITION,
        StoreOp.DEFINITION, StoreSliceOp.DEFINITION, SwitchOp.DEFINITION, VectorOp.DEFINITION, WriteOp.DEFINITION,
        WriteWeightsOp.DEFINITION, YieldOp.DEFINITION);
  }
}

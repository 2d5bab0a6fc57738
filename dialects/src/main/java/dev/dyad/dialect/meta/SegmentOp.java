package dev.dyad.dialect.meta;

import static dev.dyad.ir.ods.RegionConstraint.singleBlockRegion;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code meta.segment}: one segment of the meta program, a parallel block. Its ops run
 * concurrently as a pipeline in phases separated by {@code meta.barrier}; segments run one after
 * another. Results flow out through {@code meta.yield}. See docs/dialects/meta.md for the timing.
 */
public record SegmentOp(Operation op) {
  public static final String NAME = "meta.segment";
  public static final String ID = "id";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("a parallel block: its ops run as a pipeline, phase by phase between meta.barrier ops; reads and "
          + "writes what its ops do; cost: the sum of its phases' latencies")
      .property(ID, CimSupport.i64Attr())
      .region("body", singleBlockRegion())
      .result("results", ValueSpec.variadic(CimSupport.anyStaticTensor()))
      .trait(Trait.NO_REGION_ARGUMENTS)
      .verify(SegmentOp::verify)
      .assemblyFormat(CimSupport.SEGMENT_FORMAT)
      .build();

  public SegmentOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** An empty segment (one block, no terminator yet) with the given results. */
  public static SegmentOp create(Builder b, Location loc, long id, List<? extends Type> resultTypes) {
    OperationState st = b.state(NAME, loc);
    st.addTypes(resultTypes);
    st.properties = DictionaryAttr.EMPTY.with(ID, CimSupport.i64(id));
    st.addRegion().addBlock();
    return new SegmentOp(b.create(st));
  }

  public long id() {
    return CimSupport.i64(DEFINITION, op, ID);
  }

  public Block body() {
    return op.getRegion(0).front();
  }

  public List<OpResult> results() {
    return op.getResults();
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    long id = new SegmentOp(op).id();
    if (id < 0) {
      emitter.emitOpError(op, "'id' must not be negative, but is " + id);
      return;
    }
    dev.dyad.dialect.cim.SegmentOp.verifyBody(op,
        name -> (name.startsWith(MetaDialect.NAMESPACE + ".") && !name.equals(NAME))
            || name.equals(CimSupport.NN_CONSTANT),
        "meta ops other than meta.segment, and nn.constant", YieldOp.NAME, emitter);
  }
}

package dev.dyad.dialect.cim;

import static dev.dyad.ir.ods.RegionConstraint.singleBlockRegion;

import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.Type;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code cim.segment}: operators that the dual-mode optimizer maps onto the chip at once and runs
 * as one pipeline (one segment of its DP). One block without arguments; values defined above are
 * usable; {@code cim.yield} gives the results.
 */
public record SegmentOp(Operation op) {
  public static final String NAME = "cim.segment";
  public static final String ID = "id";
  /** What a segment may contain besides its terminator. */
  static final Set<String> CONTENTS = Set.of(MmmOp.NAME, VectorOp.NAME, Im2ColOp.NAME, Col2ImOp.NAME,
      CimSupport.NN_CONSTANT);

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("operators executed together as one pipeline (a segment); results from cim.yield")
      .property(ID, CimSupport.i64Attr())
      .region("body", singleBlockRegion())
      .result("results", ValueSpec.variadic(CimSupport.anyStaticTensor()))
      // Pure in the sense of MLIR's RecursiveMemoryEffects: the body may only hold Pure ops.
      .trait(Trait.NO_REGION_ARGUMENTS, Trait.PURE)
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
    verifyBody(op, name -> CONTENTS.contains(name), "cim.mmm, cim.vector, cim.im2col, cim.col2im and nn.constant",
        YieldOp.NAME, emitter);
  }

  /**
   * Checks a segment-like op's single block: every op but the terminator is {@code allowed}, and
   * the terminator {@code yieldName}, when present, yields the op's result types. (A missing
   * terminator is the Verifier's to report.)
   */
  public static boolean verifyBody(Operation op, Predicate<String> allowed, String allowedText, String yieldName,
      DiagnosticEmitter emitter) {
    Region region = op.getRegion(0);
    if (region.isEmpty()) {
      return true;
    }
    Block block = region.front();
    for (Operation nested : block.getOperations()) {
      String name = nested.getNameString();
      // A misplaced terminator is the Terminator trait's to report.
      if (!name.equals(yieldName) && !allowed.test(name)) {
        emitter.emitOpError(op, "may only contain " + allowedText + " ops, but contains '" + name + "'");
        return false;
      }
    }
    Operation last = block.back();
    if (last == null || !last.getNameString().equals(yieldName)) {
      return true;
    }
    List<Type> yielded = last.getOperandTypes();
    List<Type> results = op.getResultTypes();
    if (!yielded.equals(results)) {
      emitter.emitOpError(op, "yields " + typeList(yielded) + ", but its results are " + typeList(results));
      return false;
    }
    return true;
  }

  private static String typeList(List<Type> types) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < types.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(CimSupport.print(types.get(i)));
    }
    return sb.append(')').toString();
  }
}

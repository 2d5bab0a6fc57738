package dev.dyad.dialect.meta;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.dialect.cim.VectorKinds;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code meta.vector}: work on the digital vector unit with the semantics of the nn op named by
 * {@code kind} and its properties {@code params} (the convention of {@code cim.vector});
 * requantization is {@code kind = "nn.requantize"}. Operands are read where they are on the chip;
 * results are written to {@code out_buffer}.
 */
public record VectorOp(Operation op) {
  public static final String NAME = "meta.vector";

  public static final OpDefinition DEFINITION = VectorKinds.declare(OpDefinition.builder(NAME)
          .summary("vector-unit work with the semantics of the nn op `kind` and `params`; reads the operands on the"
              + " chip; writes the results to out_buffer; cost ceil(work / vector_elements_per_cycle), bounded by the"
              + " traffic at memory-mode arrays")
          .operand("inputs", ValueSpec.variadic(CimSupport.anyStaticTensor())))
      .property(MetaSupport.OUT_BUFFER, MetaSupport.placeAttr(), PlaceAttr.BUFFER)
      .result("outputs", ValueSpec.variadic(CimSupport.anyStaticTensor()))
      .verify(VectorOp::verify)
      .assemblyFormat(CimSupport.VECTOR_FORMAT)
      .build();

  public VectorOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static VectorOp create(Builder b, Location loc, String kind, DictionaryAttr params,
      List<? extends Value> inputs, List<? extends Type> resultTypes, PlaceAttr outBuffer) {
    OperationState st = b.state(NAME, loc);
    st.addOperands(inputs).addTypes(resultTypes);
    st.properties = DictionaryAttr.EMPTY.with(VectorKinds.KIND, StringAttr.of(kind))
        .with(VectorKinds.PARAMS, params).with(MetaSupport.OUT_BUFFER, outBuffer);
    return new VectorOp(b.create(st));
  }

  public String kind() {
    return VectorKinds.kind(op);
  }

  public DictionaryAttr params() {
    return VectorKinds.params(op);
  }

  public List<Value> inputs() {
    return op.getOperands();
  }

  public List<OpResult> outputs() {
    return op.getResults();
  }

  public PlaceAttr outBuffer() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.OUT_BUFFER);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    if (MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.OUT_BUFFER, ": meta.store the result", emitter)) {
      VectorKinds.verify(op, emitter);
    }
  }
}

package dev.dyad.dialect.meta;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.dialect.cim.ShapeInferenceException;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.RankedTensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code meta.col2im}: {@code cim.col2im} on the vector unit (same operands, property and
 * layout), with the NCHW result written to {@code out_buffer}.
 */
public record Col2ImOp(Operation op) {
  public static final String NAME = "meta.col2im";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("cim.col2im on the vector unit; reads the groups' rows on the chip; writes the NCHW result to"
          + " out_buffer; cost ceil(result elements / vector_elements_per_cycle), bounded by the traffic at"
          + " memory-mode arrays")
      .operand("inputs", ValueSpec.variadic(CimSupport.staticTensor(Im2ColOp.dataTypes(), 2)))
      .property(dev.dyad.dialect.cim.Col2ImOp.SHAPE, CimSupport.i64ArrayAttr())
      .property(MetaSupport.OUT_BUFFER, MetaSupport.placeAttr(), PlaceAttr.BUFFER)
      .result("output", CimSupport.staticTensor(Im2ColOp.dataTypes(), 4))
      .verify(Col2ImOp::verify)
      .assemblyFormat(CimSupport.OPERANDS_FORMAT)
      .build();

  public Col2ImOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  /** @throws IllegalArgumentException when the inputs do not fit {@code shape} */
  public static Col2ImOp create(Builder b, Location loc, List<? extends Value> inputs, long[] shape,
      PlaceAttr outBuffer) {
    List<RankedTensorType> types = new ArrayList<>();
    for (Value v : inputs) {
      types.add((RankedTensorType) v.getType());
    }
    OperationState st = b.state(NAME, loc);
    try {
      st.addOperands(inputs).addType(dev.dyad.dialect.cim.Col2ImOp.inferResultType(types, shape));
    } catch (ShapeInferenceException e) {
      throw new IllegalArgumentException("'" + NAME + "' op " + e.getMessage(), e);
    }
    st.properties = DictionaryAttr.EMPTY.with(dev.dyad.dialect.cim.Col2ImOp.SHAPE, CimSupport.i64Array(shape))
        .with(MetaSupport.OUT_BUFFER, outBuffer);
    return new Col2ImOp(b.create(st));
  }

  public List<Value> inputs() {
    return op.getOperands();
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public long[] shape() {
    return CimSupport.ints(DEFINITION, op, dev.dyad.dialect.cim.Col2ImOp.SHAPE);
  }

  public PlaceAttr outBuffer() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.OUT_BUFFER);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    if (MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.OUT_BUFFER, ": meta.store the result", emitter)) {
      dev.dyad.dialect.cim.Col2ImOp.verifyShape(op, new Col2ImOp(op).shape(), emitter);
    }
  }
}

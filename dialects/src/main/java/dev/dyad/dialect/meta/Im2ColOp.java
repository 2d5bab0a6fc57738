package dev.dyad.dialect.meta;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.dialect.cim.ShapeInferenceException;
import dev.dyad.dialect.cim.ConvWindow;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Value;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraint;
import dev.dyad.ir.ods.TypeConstraints;
import dev.dyad.ir.type.RankedTensorType;

/**
 * {@code meta.im2col}: {@code cim.im2col} on the vector unit (same properties, layout and shape
 * rule), with the rows written to {@code out_buffer}.
 */
public record Im2ColOp(Operation op) {
  public static final String NAME = "meta.im2col";

  public static final OpDefinition DEFINITION = ConvWindow.declare(OpDefinition.builder(NAME)
          .summary("cim.im2col on the vector unit; reads the NCHW input on the chip; writes the rows to out_buffer;"
              + " cost ceil(result elements / vector_elements_per_cycle), bounded by the traffic at memory-mode arrays")
          .operand("input", CimSupport.staticTensor(dataTypes(), 4)))
      .property(MetaSupport.OUT_BUFFER, MetaSupport.placeAttr(), PlaceAttr.BUFFER)
      .result("output", CimSupport.staticTensor(dataTypes(), 2))
      .verify(Im2ColOp::verify)
      .assemblyFormat(CimSupport.OPERANDS_FORMAT)
      .build();

  public Im2ColOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  /** The element types of the convolution layout ops: i8, i32 or f32. */
  static TypeConstraint dataTypes() {
    return TypeConstraints.anyOf(TypeConstraints.signlessInteger(8), TypeConstraints.signlessInteger(32),
        TypeConstraints.floatOfWidth(32));
  }

  /** @throws IllegalArgumentException when the window does not fit the input */
  public static Im2ColOp create(Builder b, Location loc, Value input, ConvWindow window, PlaceAttr outBuffer) {
    OperationState st = b.state(NAME, loc);
    try {
      st.addOperand(input).addType(dev.dyad.dialect.cim.Im2ColOp.inferResultType(
          (RankedTensorType) input.getType(), window));
    } catch (ShapeInferenceException e) {
      throw new IllegalArgumentException("'" + NAME + "' op " + e.getMessage(), e);
    }
    st.properties = window.properties().with(MetaSupport.OUT_BUFFER, outBuffer);
    return new Im2ColOp(b.create(st));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public ConvWindow window() {
    return ConvWindow.of(DEFINITION, op);
  }

  public PlaceAttr outBuffer() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.OUT_BUFFER);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    if (MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.OUT_BUFFER, ": meta.store the result", emitter)) {
      dev.dyad.dialect.cim.Im2ColOp.verifyShape(DEFINITION, op, emitter);
    }
  }
}

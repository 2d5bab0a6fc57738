package dev.dyad.dialect.meta;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;

/** The shared {@code axis}/{@code offset} rule of meta.load_slice and meta.store_slice. */
final class SliceSupport {
  private SliceSupport() {}

  static final String AXIS = "axis";
  static final String OFFSET = "offset";

  /**
   * Checks that {@code part} is the slice {@code [offset, offset + part.dim(axis))} of {@code whole}
   * on {@code axis} (same rank, element type and other dimensions); false after reporting.
   */
  static boolean verify(OpDefinition def, Operation op, Type part, Type whole, String partName, String wholeName,
      DiagnosticEmitter emitter) {
    RankedTensorType p = (RankedTensorType) part;
    RankedTensorType w = (RankedTensorType) whole;
    long axis = CimSupport.i64(def, op, AXIS);
    long offset = CimSupport.i64(def, op, OFFSET);
    String pair = partName + " " + CimSupport.print(p) + " and " + wholeName + " " + CimSupport.print(w);
    if (p.rank() != w.rank() || !p.elementType().equals(w.elementType())) {
      emitter.emitOpError(op, pair + " must have the same rank and element type");
      return false;
    }
    if (axis < 0 || axis >= w.rank()) {
      emitter.emitOpError(op, "axis " + axis + " is not an axis of " + wholeName + " (rank " + w.rank() + ")");
      return false;
    }
    for (int i = 0; i < w.rank(); i++) {
      if (i != axis && !p.shape().get(i).equals(w.shape().get(i))) {
        emitter.emitOpError(op, pair + " may differ only on axis " + axis);
        return false;
      }
    }
    long count = p.shape().get((int) axis);
    long size = w.shape().get((int) axis);
    if (offset < 0 || offset + count > size) {
      emitter.emitOpError(op, "the slice [" + offset + ", " + offset + " + " + count + ") of axis " + axis
          + " exceeds its size " + size);
      return false;
    }
    return true;
  }
}

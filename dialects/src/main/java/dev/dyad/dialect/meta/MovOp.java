package dev.dyad.dialect.meta;

import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/**
 * {@code meta.mov}: moves an on-chip tensor within its kind of place: buffer to buffer, or from
 * memory-mode arrays to other memory-mode arrays (e.g. to free arrays that switch to compute
 * mode). Between the buffer and arrays, {@code meta.read} and {@code meta.write} move data.
 */
public record MovOp(Operation op) {
  public static final String NAME = "meta.mov";

  public static final OpDefinition DEFINITION = MetaSupport.movement(NAME,
          "buffer -> buffer or memory-mode arrays -> memory-mode arrays; reads %x at `from`; writes it at `to`; cost"
              + " bits / internal bandwidth (buffer) or bits / (min(|from|, |to|) * D_cim) (arrays)")
      .property(MetaSupport.FROM, MetaSupport.placeAttr())
      .property(MetaSupport.TO, MetaSupport.placeAttr())
      .verify(MovOp::verify)
      .assemblyFormat("$input `from` $from `to` $to attr-dict `:` type($input)")
      .build();

  public MovOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static MovOp create(Builder b, Location loc, Value input, PlaceAttr from, PlaceAttr to) {
    return new MovOp(MetaSupport.createMovement(b, NAME, loc, input,
        DictionaryAttr.EMPTY.with(MetaSupport.FROM, from).with(MetaSupport.TO, to)));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public PlaceAttr from() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.FROM);
  }

  public PlaceAttr to() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.TO);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    String hint = ": meta.load and meta.store move data to and from external memory";
    if (!MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.FROM, hint, emitter)
        || !MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.TO, hint, emitter)) {
      return;
    }
    MovOp m = new MovOp(op);
    if (m.from().kind() != m.to().kind()) {
      emitter.emitOpError(op, "moves between the buffer and memory-mode arrays are meta.read and meta.write");
      return;
    }
    if (m.from().isArrays() && m.from().equals(m.to())) {
      emitter.emitOpError(op, "moves data onto the arrays that hold it");
    }
  }
}

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
 * {@code meta.store}: writes an on-chip tensor (at {@code from}) to external memory; the result
 * is the tensor in external memory (what a program returns, or loads again later).
 */
public record StoreOp(Operation op) {
  public static final String NAME = "meta.store";

  public static final OpDefinition DEFINITION = MetaSupport.movement(NAME,
          "`from` (buffer or memory-mode arrays) -> external memory; reads %x at `from`; writes it to external"
              + " memory; cost bits / external bandwidth (and, from arrays, / (|arrays| * D_cim) and the internal bus)")
      .property(MetaSupport.FROM, MetaSupport.placeAttr())
      .verify(StoreOp::verify)
      .assemblyFormat("$input `from` $from attr-dict `:` type($input)")
      .build();

  public StoreOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static StoreOp create(Builder b, Location loc, Value input, PlaceAttr from) {
    return new StoreOp(MetaSupport.createMovement(b, NAME, loc, input,
        DictionaryAttr.EMPTY.with(MetaSupport.FROM, from)));
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

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.FROM, "", emitter);
  }
}

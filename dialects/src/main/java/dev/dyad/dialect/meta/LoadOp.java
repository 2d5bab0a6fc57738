package dev.dyad.dialect.meta;

import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/** {@code meta.load}: brings a tensor from external memory onto the chip ({@code to}). */
public record LoadOp(Operation op) {
  public static final String NAME = "meta.load";

  public static final OpDefinition DEFINITION = MetaSupport.movement(NAME,
          "external memory -> `to` (buffer or memory-mode arrays); reads %x in external memory; writes it at `to`;"
              + " cost bits / external bandwidth (and, to arrays, / (|arrays| * D_cim) and the internal bus)")
      .property(MetaSupport.TO, MetaSupport.placeAttr())
      .verify(LoadOp::verify)
      .assemblyFormat("$input `to` $to attr-dict `:` type($input)")
      .build();

  public LoadOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static LoadOp create(Builder b, Location loc, Value input, PlaceAttr to) {
    return new LoadOp(MetaSupport.createMovement(b, NAME, loc, input,
        DictionaryAttr.EMPTY.with(MetaSupport.TO, to)));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public PlaceAttr to() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.TO);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.TO, "", emitter);
  }
}

package dev.dyad.dialect.meta;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;

/** {@code meta.read}: copies a tensor held by memory-mode arrays into the chip's buffer. */
public record ReadOp(Operation op) {
  public static final String NAME = "meta.read";

  public static final OpDefinition DEFINITION = MetaSupport.movement(NAME,
          "memory-mode `arrays` -> buffer; reads %x from the arrays; writes it to the buffer; cost bits /"
              + " min(|arrays| * D_cim, internal bandwidth)")
      .property(MetaSupport.ARRAYS, CimSupport.i64ArrayAttr())
      .verify(ReadOp::verify)
      .assemblyFormat("$input `from` $arrays attr-dict `:` type($input)")
      .build();

  public ReadOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static ReadOp create(Builder b, Location loc, Value input, long... arrays) {
    return new ReadOp(MetaSupport.createMovement(b, NAME, loc, input,
        DictionaryAttr.EMPTY.with(MetaSupport.ARRAYS, CimSupport.i64Array(arrays))));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public long[] arrays() {
    return MetaSupport.arrays(DEFINITION, op);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    MetaSupport.verifyArrays(DEFINITION, op, emitter);
  }
}

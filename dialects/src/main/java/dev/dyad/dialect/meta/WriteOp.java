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

/** {@code meta.write}: copies a tensor from the chip's buffer into memory-mode arrays. */
public record WriteOp(Operation op) {
  public static final String NAME = "meta.write";

  public static final OpDefinition DEFINITION = MetaSupport.movement(NAME,
          "buffer -> memory-mode `arrays`; reads %x from the buffer; writes it to the arrays; cost bits /"
              + " min(|arrays| * D_cim, internal bandwidth)")
      .property(MetaSupport.ARRAYS, CimSupport.i64ArrayAttr())
      .verify(WriteOp::verify)
      .assemblyFormat("$input `to` $arrays attr-dict `:` type($input)")
      .build();

  public WriteOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static WriteOp create(Builder b, Location loc, Value input, long... arrays) {
    return new WriteOp(MetaSupport.createMovement(b, NAME, loc, input,
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

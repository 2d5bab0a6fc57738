package dev.dyad.dialect.meta;

import static dev.dyad.dialect.cim.CimSupport.i64;
import static dev.dyad.dialect.cim.CimSupport.i64Attr;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.Type;

/**
 * {@code meta.load_slice}: brings the slice {@code [offset, offset + n)} on {@code axis} of a tensor
 * in external memory onto the chip (n is the result's size on that axis): row blocks of big tensors.
 */
public record LoadSliceOp(Operation op) {
  public static final String NAME = "meta.load_slice";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("external memory -> `to`: the slice [offset, offset + n) on `axis` of %x (n: the result's size there);"
          + " cost as meta.load of the slice's bits")
      .operand("input", CimSupport.anyStaticTensor())
      .property(MetaSupport.TO, MetaSupport.placeAttr())
      .property(SliceSupport.AXIS, i64Attr())
      .property(SliceSupport.OFFSET, i64Attr())
      .result("output", CimSupport.anyStaticTensor())
      .verify(LoadSliceOp::verify)
      .assemblyFormat("$input `to` $to attr-dict `:` functional-type(operands, results)")
      .build();

  public LoadSliceOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static LoadSliceOp create(Builder b, Location loc, Value input, Type sliceType, long axis, long offset,
      PlaceAttr to) {
    OperationState st = b.state(NAME, loc);
    st.addOperand(input).addType(sliceType);
    st.properties = DictionaryAttr.EMPTY.with(MetaSupport.TO, to).with(SliceSupport.AXIS, i64(axis))
        .with(SliceSupport.OFFSET, i64(offset));
    return new LoadSliceOp(b.create(st));
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

  public long axis() {
    return CimSupport.i64(DEFINITION, op, SliceSupport.AXIS);
  }

  public long offset() {
    return CimSupport.i64(DEFINITION, op, SliceSupport.OFFSET);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    if (MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.TO, "", emitter)) {
      SliceSupport.verify(DEFINITION, op, op.getResult(0).getType(), op.getOperand(0).getType(), "the slice",
          "the input", emitter);
    }
  }
}

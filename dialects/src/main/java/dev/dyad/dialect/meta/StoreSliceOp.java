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
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.Type;

/**
 * {@code meta.store_slice}: stores a block from the chip into the slice {@code [offset, offset + n)}
 * on {@code axis} of a tensor in external memory: the result is {@code %dest} with that slice
 * replaced (zeros elsewhere without {@code %dest}), so a chain of them assembles a big tensor.
 */
public record StoreSliceOp(Operation op) {
  public static final String NAME = "meta.store_slice";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("`from` -> external memory: %dest (external; zeros without it) with the slice [offset, offset + n) on"
          + " `axis` replaced by %x; cost as meta.store of %x's bits")
      .operand("input", CimSupport.anyStaticTensor())
      .operand("dest", ValueSpec.optional(CimSupport.anyStaticTensor()))
      .property(MetaSupport.FROM, MetaSupport.placeAttr())
      .property(SliceSupport.AXIS, i64Attr())
      .property(SliceSupport.OFFSET, i64Attr())
      .result("output", CimSupport.anyStaticTensor())
      .verify(StoreSliceOp::verify)
      .assemblyFormat("$input (`into` $dest^)? `from` $from attr-dict `:` functional-type(operands, results)")
      .build();

  public StoreSliceOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  /** Stores {@code input} into {@code dest} (null: a fresh tensor of {@code wholeType}, zeros elsewhere). */
  public static StoreSliceOp create(Builder b, Location loc, Value input, Value dest, Type wholeType, long axis,
      long offset, PlaceAttr from) {
    OperationState st = b.state(NAME, loc);
    st.addOperand(input);
    if (dest != null) {
      st.addOperand(dest);
    }
    st.addType(wholeType);
    st.properties = DictionaryAttr.EMPTY.with(MetaSupport.FROM, from).with(SliceSupport.AXIS, i64(axis))
        .with(SliceSupport.OFFSET, i64(offset));
    return new StoreSliceOp(b.create(st));
  }

  public Value input() {
    return op.getOperand(0);
  }

  /** The tensor the block is stored into, or null. */
  public Value dest() {
    return op.getNumOperands() > 1 ? op.getOperand(1) : null;
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public PlaceAttr from() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.FROM);
  }

  public long axis() {
    return CimSupport.i64(DEFINITION, op, SliceSupport.AXIS);
  }

  public long offset() {
    return CimSupport.i64(DEFINITION, op, SliceSupport.OFFSET);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    if (!MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.FROM, "", emitter)) {
      return;
    }
    Type whole = op.getResult(0).getType();
    if (op.getNumOperands() > 1 && !op.getOperand(1).getType().equals(whole)) {
      emitter.emitOpError(op, "the destination " + CimSupport.print(op.getOperand(1).getType()) + " and the result "
          + CimSupport.print(whole)
          + " must have the same type");
      return;
    }
    SliceSupport.verify(DEFINITION, op, op.getOperand(0).getType(), whole, "the block", "the result", emitter);
  }
}

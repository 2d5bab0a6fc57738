package dev.dyad.dialect.meta;

import static dev.dyad.dialect.cim.CimSupport.INPUT_ZERO_POINT;
import static dev.dyad.dialect.cim.CimSupport.WEIGHT_ZERO_POINT;
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
import dev.dyad.ir.ods.TypeConstraints;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code meta.mvm}: matrix-vector products on compute-mode arrays. Each of the M rows of
 * {@code %x}, restricted to columns {@code [row_offset, row_offset + rows)}, is multiplied by the
 * weight slice the listed arrays hold (rows × cols, written by {@code meta.write_weights} with the
 * same offsets and sizes), giving partial sums for output columns {@code [col_offset, col_offset
 * + cols)}; with an {@code %acc} operand they are added to it (accumulation over K-tiles). Several
 * arrays hold copies of one slice and share the M rows.
 */
public record MvmOp(Operation op) {
  public static final String NAME = "meta.mvm";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("M x rows inputs times the rows x cols weight slice held by `arrays` (+ %acc) -> M x cols partial sums;"
          + " reads %x at in_buffer, %acc and the arrays' weights; writes the result to out_buffer; cost"
          + " ceil(M/|arrays|) * mvm_cycles per array, bounded by the traffic at in_buffer and out_buffer")
      .operand("input", CimSupport.staticTensor(
          TypeConstraints.anyOf(TypeConstraints.signlessInteger(8), TypeConstraints.floatOfWidth(32)), 2))
      .operand("acc", ValueSpec.optional(CimSupport.staticTensor(
          TypeConstraints.anyOf(TypeConstraints.signlessInteger(32), TypeConstraints.floatOfWidth(32)), 2)))
      .property(MetaSupport.ARRAYS, CimSupport.i64ArrayAttr())
      .property(WriteWeightsOp.ROW_OFFSET, i64Attr(), i64(0))
      .property(WriteWeightsOp.ROWS, i64Attr())
      .property(WriteWeightsOp.COL_OFFSET, i64Attr(), i64(0))
      .property(WriteWeightsOp.COLS, i64Attr())
      .property(INPUT_ZERO_POINT, i64Attr(), i64(0))
      .property(WEIGHT_ZERO_POINT, i64Attr(), i64(0))
      .property(MetaSupport.IN_BUFFER, MetaSupport.placeAttr(), PlaceAttr.BUFFER)
      .property(MetaSupport.OUT_BUFFER, MetaSupport.placeAttr(), PlaceAttr.BUFFER)
      .result("output", CimSupport.staticTensor(
          TypeConstraints.anyOf(TypeConstraints.signlessInteger(32), TypeConstraints.floatOfWidth(32)), 2))
      .verify(MvmOp::verify)
      .assemblyFormat("$input (`,` $acc^)? `on` $arrays attr-dict `:` functional-type(operands, results)")
      .build();

  /** The weight slice an mvm multiplies by (as written by meta.write_weights). */
  public record Slice(long rowOffset, long rows, long colOffset, long cols) {}

  public MvmOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /**
   * Products of {@code input}'s rows with the slice held by {@code arrays}, added to {@code acc}
   * when it is not null; zero points 0 for f32 inputs.
   */
  public static MvmOp create(Builder b, Location loc, Value input, Value acc, long[] arrays, Slice slice,
      long inputZeroPoint, long weightZeroPoint, PlaceAttr inBuffer, PlaceAttr outBuffer) {
    RankedTensorType x = (RankedTensorType) input.getType();
    OperationState st = b.state(NAME, loc);
    st.addOperand(input);
    if (acc != null) {
      st.addOperand(acc);
    }
    st.addType(inferResultType(x, slice.cols()));
    st.properties = DictionaryAttr.EMPTY.with(MetaSupport.ARRAYS, CimSupport.i64Array(arrays))
        .with(WriteWeightsOp.ROW_OFFSET, i64(slice.rowOffset())).with(WriteWeightsOp.ROWS, i64(slice.rows()))
        .with(WriteWeightsOp.COL_OFFSET, i64(slice.colOffset())).with(WriteWeightsOp.COLS, i64(slice.cols()))
        .with(INPUT_ZERO_POINT, i64(inputZeroPoint)).with(WEIGHT_ZERO_POINT, i64(weightZeroPoint))
        .with(MetaSupport.IN_BUFFER, inBuffer).with(MetaSupport.OUT_BUFFER, outBuffer);
    return new MvmOp(b.create(st));
  }

  /** {@code [M, cols]}: i32 partial sums for i8 inputs, f32 for f32 ones. */
  public static RankedTensorType inferResultType(RankedTensorType input, long cols) {
    Type acc = input.elementType().equals(IntegerType.I8) ? IntegerType.I32 : FloatType.F32;
    return new RankedTensorType(List.of(input.shape().get(0), cols), acc);
  }

  public Value input() {
    return op.getOperand(0);
  }

  /** The partial sums this one adds to, or null. */
  public Value acc() {
    return op.getNumOperands() > 1 ? op.getOperand(1) : null;
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public long[] arrays() {
    return MetaSupport.arrays(DEFINITION, op);
  }

  public Slice slice() {
    return new Slice(property(WriteWeightsOp.ROW_OFFSET), property(WriteWeightsOp.ROWS),
        property(WriteWeightsOp.COL_OFFSET), property(WriteWeightsOp.COLS));
  }

  /** The number of input rows. */
  public long M() {
    return ((RankedTensorType) input().getType()).shape().get(0);
  }

  public long inputZeroPoint() {
    return property(INPUT_ZERO_POINT);
  }

  public long weightZeroPoint() {
    return property(WEIGHT_ZERO_POINT);
  }

  public PlaceAttr inBuffer() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.IN_BUFFER);
  }

  public PlaceAttr outBuffer() {
    return MetaSupport.place(DEFINITION, op, MetaSupport.OUT_BUFFER);
  }

  private long property(String name) {
    return CimSupport.i64(DEFINITION, op, name);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    MvmOp m = new MvmOp(op);
    RankedTensorType x = (RankedTensorType) m.input().getType();
    Slice s = m.slice();
    if (!MetaSupport.verifyArrays(DEFINITION, op, emitter)
        || !WriteWeightsOp.verifySlice(op, "row", s.rowOffset(), s.rows(), x.shape().get(1), "input columns",
            emitter)
        || !verifyColumnOffset(op, s.colOffset(), emitter)
        || !CimSupport.verifyZeroPoints(DEFINITION, op, x.elementType(), emitter)
        || !MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.IN_BUFFER, ": meta.load it first", emitter)
        || !MetaSupport.verifyOnChip(DEFINITION, op, MetaSupport.OUT_BUFFER, ": meta.store the result", emitter)) {
      return;
    }
    Type result = op.getResult(0).getType();
    if (s.cols() < 1) {
      emitter.emitOpError(op, "'cols' must be at least 1, but is " + s.cols());
      return;
    }
    if (!CimSupport.verifyInferred(op, inferResultType(x, s.cols()), result, emitter)) {
      return;
    }
    Value acc = m.acc();
    if (acc != null && !acc.getType().equals(result)) {
      emitter.emitOpError(op, "accumulates into " + CimSupport.quoted(acc.getType()) + ", but the result is "
          + CimSupport.quoted(result));
    }
  }

  private static boolean verifyColumnOffset(Operation op, long colOffset, DiagnosticEmitter emitter) {
    if (colOffset < 0) {
      emitter.emitOpError(op, "'col_offset' must not be negative, but is " + colOffset);
      return false;
    }
    return true;
  }
}

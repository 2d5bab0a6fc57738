package dev.dyad.dialect.meta;

import static dev.dyad.dialect.cim.CimSupport.i64;
import static dev.dyad.dialect.cim.CimSupport.i64Attr;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.ods.AttrConstraints;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraints;
import dev.dyad.ir.type.RankedTensorType;
import java.util.List;

/**
 * {@code meta.write_weights}: programs the slice {@code [row_offset, row_offset + rows) ×
 * [col_offset, col_offset + cols)} of the K×N constant weight into every listed compute-mode
 * array (several arrays: duplicated copies). Slice row r goes to array row r, slice column c to
 * the array's weight column c. With {@code runtime_weights} the weight is a run-time value on the chip.
 */
public record WriteWeightsOp(Operation op) {
  public static final String NAME = "meta.write_weights";
  public static final String ROW_OFFSET = "row_offset";
  public static final String ROWS = "rows";
  public static final String COL_OFFSET = "col_offset";
  public static final String COLS = "cols";
  /** Unit property: the weight is a run-time value (not a constant), written after it is computed. */
  public static final String RUNTIME_WEIGHTS = "runtime_weights";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("programs a rows x cols slice of constant weight %w into each of `arrays` (compute mode); reads %w;"
          + " writes the arrays' weights; cost by the arch's weight_reload_model (eq2: |arrays| * rows/array_rows *"
          + " weight_write_array_cycles)")
      .operand("weight", CimSupport.staticTensor(
          TypeConstraints.anyOf(TypeConstraints.signlessInteger(8), TypeConstraints.floatOfWidth(32)), 2))
      .property(MetaSupport.ARRAYS, CimSupport.i64ArrayAttr())
      .property(ROW_OFFSET, i64Attr(), i64(0))
      .property(ROWS, i64Attr())
      .property(COL_OFFSET, i64Attr(), i64(0))
      .property(COLS, i64Attr())
      .optionalProperty(RUNTIME_WEIGHTS, AttrConstraints.unitAttr())
      .verify(WriteWeightsOp::verify)
      .assemblyFormat("$weight `to` $arrays attr-dict `:` type($weight)")
      .build();

  public WriteWeightsOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** Writes {@code weight[rowOffset:+rows, colOffset:+cols]} into each of {@code arrays}. */
  public static WriteWeightsOp create(Builder b, Location loc, Value weight, long[] arrays, long rowOffset, long rows,
      long colOffset, long cols) {
    return create(b, loc, weight, arrays, rowOffset, rows, colOffset, cols, false);
  }

  /** As above; {@code runtimeWeights} sets {@code runtime_weights} (the weight may be any value). */
  public static WriteWeightsOp create(Builder b, Location loc, Value weight, long[] arrays, long rowOffset, long rows,
      long colOffset, long cols, boolean runtimeWeights) {
    OperationState st = b.state(NAME, loc);
    st.addOperand(weight);
    DictionaryAttr props = DictionaryAttr.EMPTY.with(MetaSupport.ARRAYS, CimSupport.i64Array(arrays))
        .with(ROW_OFFSET, i64(rowOffset)).with(ROWS, i64(rows))
        .with(COL_OFFSET, i64(colOffset)).with(COLS, i64(cols));
    st.properties = runtimeWeights ? props.with(RUNTIME_WEIGHTS, UnitAttr.INSTANCE) : props;
    return new WriteWeightsOp(b.create(st));
  }

  public Value weight() {
    return op.getOperand(0);
  }

  public long[] arrays() {
    return MetaSupport.arrays(DEFINITION, op);
  }

  public long rowOffset() {
    return CimSupport.i64(DEFINITION, op, ROW_OFFSET);
  }

  public long rows() {
    return CimSupport.i64(DEFINITION, op, ROWS);
  }

  public long colOffset() {
    return CimSupport.i64(DEFINITION, op, COL_OFFSET);
  }

  public long cols() {
    return CimSupport.i64(DEFINITION, op, COLS);
  }

  /** Whether the weight is a run-time value ({@code runtime_weights}) rather than a constant. */
  public boolean runtimeWeights() {
    return op.getProperty(RUNTIME_WEIGHTS) instanceof UnitAttr;
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    if (!MetaSupport.verifyArrays(DEFINITION, op, emitter)) {
      return;
    }
    WriteWeightsOp w = new WriteWeightsOp(op);
    List<Long> shape = ((RankedTensorType) w.weight().getType()).shape();
    if (!verifySlice(op, "row", w.rowOffset(), w.rows(), shape.get(0), "weight rows K", emitter)
        || !verifySlice(op, "col", w.colOffset(), w.cols(), shape.get(1), "weight columns N", emitter)) {
      return;
    }
    if (!w.runtimeWeights() && !CimSupport.isWeightConstant(w.weight())) {
      emitter.emitOpError(op, "weight must be defined by a constant (e.g. nn.constant): it is programmed into the"
          + " arrays (set 'runtime_weights' to write a run-time value)");
    }
  }

  /** {@code offset ≥ 0}, {@code size ≥ 1} and {@code offset + size ≤ limit}; false after reporting. */
  static boolean verifySlice(Operation op, String what, long offset, long size, long limit, String limitName,
      DiagnosticEmitter emitter) {
    if (offset < 0) {
      emitter.emitOpError(op, "'" + what + "_offset' must not be negative, but is " + offset);
      return false;
    }
    if (size < 1) {
      emitter.emitOpError(op, "'" + what + "s' must be at least 1, but is " + size);
      return false;
    }
    if (offset > limit - size) {
      emitter.emitOpError(op, "the slice " + what + "s [" + offset + ", " + offset + " + " + size + ") exceed the "
          + limit + " " + limitName);
      return false;
    }
    return true;
  }
}

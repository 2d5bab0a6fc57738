package dev.dyad.dialect.cim;

import static dev.dyad.dialect.cim.CimSupport.print;

import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code cim.col2im}: convolution output rows back to NCHW. Each operand is one group's MMM
 * output {@code [N·OH·OW, C_g]} (groups in order, their channels concatenated); the result is
 * {@code [N, C, OH, OW]} with {@code C = Σ C_g}, element {@code [n, c, oh, ow]} taken from row
 * {@code ((n·OH)+oh)·OW+ow} — the inverse of {@code cim.im2col}'s row order.
 */
public record Col2ImOp(Operation op) {
  public static final String NAME = "cim.col2im";
  public static final String SHAPE = "shape";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("conv output rows [N*OH*OW, C_g] of each group, in group order -> NCHW [N, C, OH, OW] (shape)")
      .operand("inputs", ValueSpec.variadic(CimSupport.staticTensor(CimSupport.i8I32OrF32(), 2)))
      .property(SHAPE, CimSupport.i64ArrayAttr())
      .result("output", CimSupport.staticTensor(CimSupport.i8I32OrF32(), 4))
      .trait(Trait.PURE)
      .verify(Col2ImOp::verify)
      .assemblyFormat(CimSupport.OPERANDS_FORMAT)
      .build();

  public Col2ImOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /**
   * The NCHW tensor {@code shape} (N, C, OH, OW) assembled from the groups' rows.
   *
   * @throws IllegalArgumentException when the inputs do not fit the shape
   */
  public static Col2ImOp create(Builder b, Location loc, List<? extends Value> inputs, long... shape) {
    OperationState st = b.state(NAME, loc);
    st.addOperands(inputs).addType(inferChecked(NAME, inputs, shape));
    st.properties = DictionaryAttr.EMPTY.with(SHAPE, CimSupport.i64Array(shape));
    return new Col2ImOp(b.create(st));
  }

  /**
   * The result type {@code [N, C, OH, OW]} for the groups' rows {@code inputs} and {@code shape}.
   *
   * @throws ShapeInferenceException when {@code shape} is not four positive sizes, an input has
   *     other than {@code N·OH·OW} rows, the element types differ, or the columns do not add up
   *     to {@code C}
   */
  public static RankedTensorType inferResultType(List<RankedTensorType> inputs, long[] shape) {
    if (shape.length != 4) {
      throw new ShapeInferenceException("'shape' must have 4 elements (N, C, OH, OW), but has " + shape.length);
    }
    for (long d : shape) {
      if (d < 1) {
        throw new ShapeInferenceException("'shape' elements must be at least 1, but it is " + Arrays.toString(shape));
      }
    }
    if (inputs.isEmpty()) {
      throw new ShapeInferenceException("needs the rows of at least one group");
    }
    long rows = CimSupport.product(CimSupport.product(shape[0], shape[2], "N*OH*OW"), shape[3], "N*OH*OW");
    Type element = inputs.get(0).elementType();
    long channels = 0;
    for (int i = 0; i < inputs.size(); i++) {
      RankedTensorType in = inputs.get(i);
      if (in.rank() != 2) {
        throw new ShapeInferenceException("input #" + i + " must be rows (rank 2), but is " + print(in));
      }
      if (!in.elementType().equals(element)) {
        throw new ShapeInferenceException("element types must match, but input #0 is " + print(element)
            + " and input #" + i + " is " + print(in.elementType()));
      }
      if (in.shape().get(0) != rows) {
        throw new ShapeInferenceException("input #" + i + " has " + in.shape().get(0) + " rows, but N*OH*OW = "
            + rows);
      }
      channels += in.shape().get(1);
    }
    if (channels != shape[1]) {
      throw new ShapeInferenceException("the inputs' columns add up to " + channels + " channels, but 'shape' has C = "
          + shape[1]);
    }
    return new RankedTensorType(List.of(shape[0], shape[1], shape[2], shape[3]), element);
  }

  static RankedTensorType inferChecked(String name, List<? extends Value> inputs, long[] shape) {
    try {
      return inferResultType(types(inputs), shape);
    } catch (ShapeInferenceException e) {
      throw new IllegalArgumentException("'" + name + "' op " + e.getMessage(), e);
    }
  }

  private static List<RankedTensorType> types(List<? extends Value> values) {
    List<RankedTensorType> types = new ArrayList<>();
    for (Value v : values) {
      types.add((RankedTensorType) v.getType());
    }
    return types;
  }

  public List<Value> inputs() {
    return op.getOperands();
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public long[] shape() {
    return CimSupport.ints(DEFINITION, op, SHAPE);
  }

  /** Verifies the result shape of a col2im-like op whose operands are all rows. */
  public static void verifyShape(Operation op, long[] shape, DiagnosticEmitter emitter) {
    RankedTensorType inferred;
    try {
      inferred = inferResultType(types(op.getOperands()), shape);
    } catch (ShapeInferenceException e) {
      emitter.emitOpError(op, e.getMessage());
      return;
    }
    CimSupport.verifyInferred(op, inferred, op.getResult(0).getType(), emitter);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    verifyShape(op, new Col2ImOp(op).shape(), emitter);
  }
}

package dev.dyad.dialect.cim;

import static dev.dyad.dialect.cim.CimSupport.INPUT_ZERO_POINT;
import static dev.dyad.dialect.cim.CimSupport.WEIGHT_ZERO_POINT;
import static dev.dyad.dialect.cim.CimSupport.i64;
import static dev.dyad.dialect.cim.CimSupport.i64Attr;
import static dev.dyad.dialect.cim.CimSupport.print;

import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.ods.AttrConstraint;
import dev.dyad.ir.ods.AttrConstraints;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraints;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * {@code cim.mmm}: M input vectors of length K times a K×N weight matrix held in CIM arrays,
 * {@code acc[m, n] = Σ_k (x[m, k] − input_zero_point) · (w[k, n] − weight_zero_point)} exactly
 * in i32 for i8 operands (f32 for f32 ones). The weight must be a constant (what the arrays are
 * programmed with) unless {@code runtime_weights} is set: then it is written at run time.
 */
public record MmmOp(Operation op) {
  public static final String NAME = "cim.mmm";
  public static final String ALLOC = "alloc";
  public static final String SOURCE = "source";
  /** Unit property: the weight is a run-time value (attention), written into the arrays when computed. */
  public static final String RUNTIME_WEIGHTS = "runtime_weights";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("matrix-matrix product on CIM arrays: (MxK x, KxN constant w) -> MxN, i8 x i8 -> i32 or f32")
      .operand("input", CimSupport.staticTensor(CimSupport.i8OrF32(), 2))
      .operand("weight", CimSupport.staticTensor(CimSupport.i8OrF32(), 2))
      .property(INPUT_ZERO_POINT, i64Attr(), i64(0))
      .property(WEIGHT_ZERO_POINT, i64Attr(), i64(0))
      .optionalProperty(ALLOC, allocAttr())
      .optionalProperty(SOURCE, AttrConstraints.stringAttr())
      .optionalProperty(RUNTIME_WEIGHTS, AttrConstraints.unitAttr())
      .result("output", CimSupport.staticTensor(
          TypeConstraints.anyOf(TypeConstraints.signlessInteger(32), TypeConstraints.floatOfWidth(32)), 2))
      .trait(Trait.PURE)
      .verify(MmmOp::verify)
      .assemblyFormat(CimSupport.OPERANDS_FORMAT)
      .build();

  public MmmOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code #cim.alloc<...>}. */
  public static AttrConstraint allocAttr() {
    return AttrConstraint.of("#cim.alloc attribute", AllocAttr.class, a -> a instanceof AllocAttr);
  }

  /**
   * {@code x · w} with the given zero points; {@code alloc} and {@code source} may be null.
   *
   * @throws IllegalArgumentException when the shapes or element types do not fit
   */
  public static MmmOp create(Builder b, Location loc, Value input, Value weight, long inputZeroPoint,
      long weightZeroPoint, AllocAttr alloc, String source) {
    return create(b, loc, input, weight, inputZeroPoint, weightZeroPoint, alloc, source, false);
  }

  /** As above; {@code runtimeWeights} sets {@code runtime_weights} (the weight may be any value). */
  public static MmmOp create(Builder b, Location loc, Value input, Value weight, long inputZeroPoint,
      long weightZeroPoint, AllocAttr alloc, String source, boolean runtimeWeights) {
    RankedTensorType type;
    try {
      type = inferResultType((RankedTensorType) input.getType(), (RankedTensorType) weight.getType());
    } catch (ShapeInferenceException e) {
      throw new IllegalArgumentException("'" + NAME + "' op " + e.getMessage(), e);
    }
    OperationState st = b.state(NAME, loc);
    st.addOperand(input).addOperand(weight).addType(type);
    DictionaryAttr props = DictionaryAttr.EMPTY.with(INPUT_ZERO_POINT, i64(inputZeroPoint))
        .with(WEIGHT_ZERO_POINT, i64(weightZeroPoint));
    if (alloc != null) {
      props = props.with(ALLOC, alloc);
    }
    if (source != null) {
      props = props.with(SOURCE, StringAttr.of(source));
    }
    if (runtimeWeights) {
      props = props.with(RUNTIME_WEIGHTS, UnitAttr.INSTANCE);
    }
    st.properties = props;
    return new MmmOp(b.create(st));
  }

  /**
   * The result type of {@code x · w}: {@code [M, N]}, i32 for i8 operands, f32 for f32 ones.
   *
   * @throws ShapeInferenceException when the element types differ or w's rows are not x's columns
   */
  public static RankedTensorType inferResultType(RankedTensorType input, RankedTensorType weight) {
    if (input.rank() != 2 || weight.rank() != 2) {
      throw new ShapeInferenceException("input and weight must be matrices, but are " + print(input) + " and "
          + print(weight));
    }
    Type element = input.elementType();
    if (!element.equals(weight.elementType())) {
      throw new ShapeInferenceException("element types must be both i8 (quantized) or both f32, but the input is "
          + print(element) + " and the weight is " + print(weight.elementType()));
    }
    long k = input.shape().get(1);
    if (weight.shape().get(0) != k) {
      throw new ShapeInferenceException("weight rows (" + weight.shape().get(0) + ") must equal the input's columns K ("
          + k + ")");
    }
    return new RankedTensorType(List.of(input.shape().get(0), weight.shape().get(1)),
        CimSupport.accumulatorOf(element));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public Value weight() {
    return op.getOperand(1);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  /** The number of input vectors. */
  public long M() {
    return CimSupport.dim(input().getType(), 0);
  }

  /** The reduction length: input columns, weight rows. */
  public long K() {
    return CimSupport.dim(input().getType(), 1);
  }

  /** The output columns: weight columns. */
  public long N() {
    return CimSupport.dim(weight().getType(), 1);
  }

  public long inputZeroPoint() {
    return CimSupport.i64(DEFINITION, op, INPUT_ZERO_POINT);
  }

  public long weightZeroPoint() {
    return CimSupport.i64(DEFINITION, op, WEIGHT_ZERO_POINT);
  }

  /** The dual-mode allocation, when the optimizer has made one. */
  public Optional<AllocAttr> alloc() {
    return op.getProperty(ALLOC) instanceof AllocAttr a ? Optional.of(a) : Optional.empty();
  }

  public void setAlloc(AllocAttr alloc) {
    op.setProperty(ALLOC, alloc);
  }

  /** The nn op this product came from (e.g. {@code nn.conv2d}), when recorded. */
  public Optional<String> source() {
    Attribute a = op.getProperty(SOURCE);
    return a instanceof StringAttr s ? Optional.of(s.text()) : Optional.empty();
  }

  /** Whether the weight is a run-time value ({@code runtime_weights}) rather than a constant. */
  public boolean runtimeWeights() {
    return op.getProperty(RUNTIME_WEIGHTS) instanceof UnitAttr;
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    RankedTensorType x = (RankedTensorType) op.getOperand(0).getType();
    RankedTensorType w = (RankedTensorType) op.getOperand(1).getType();
    RankedTensorType inferred;
    try {
      inferred = inferResultType(x, w);
    } catch (ShapeInferenceException e) {
      emitter.emitOpError(op, e.getMessage());
      return;
    }
    if (!CimSupport.verifyInferred(op, inferred, op.getResult(0).getType(), emitter)
        || !CimSupport.verifyZeroPoints(DEFINITION, op, x.elementType(), emitter)) {
      return;
    }
    if (!(op.getProperty(RUNTIME_WEIGHTS) instanceof UnitAttr) && !CimSupport.isWeightConstant(op.getOperand(1))) {
      emitter.emitOpError(op, "weight must be defined by a constant (e.g. nn.constant): it is programmed into the"
          + " arrays (set 'runtime_weights' to write a run-time value)");
    }
  }
}

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
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code cim.im2col}: the rows an MMM multiplies for one group of a convolution. Input NCHW
 * {@code [N, C, H, W]}, result {@code [N·OH·OW, (C/group)·KH·KW]}; row {@code ((n·OH)+oh)·OW+ow},
 * column {@code ((c·KH)+kh)·KW+kw} for channel {@code c} of the group (OIHW weights reshaped to
 * {@code [O, I·KH·KW]} and transposed are the matching K×N weight). Padded elements are
 * {@code pad_value}.
 */
public record Im2ColOp(Operation op) {
  public static final String NAME = "cim.im2col";

  public static final OpDefinition DEFINITION = ConvWindow.declare(OpDefinition.builder(NAME)
          .summary("convolution input NCHW -> rows [N*OH*OW, C/group*KH*KW] of one group, padded with pad_value")
          .operand("input", CimSupport.staticTensor(CimSupport.i8I32OrF32(), 4)))
      .result("output", CimSupport.staticTensor(CimSupport.i8I32OrF32(), 2))
      .trait(Trait.PURE)
      .verify(Im2ColOp::verify)
      .assemblyFormat(CimSupport.OPERANDS_FORMAT)
      .build();

  public Im2ColOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /**
   * The rows of {@code window}'s group of {@code input} (NCHW).
   *
   * @throws IllegalArgumentException when the window does not fit the input
   */
  public static Im2ColOp create(Builder b, Location loc, Value input, ConvWindow window) {
    OperationState st = b.state(NAME, loc);
    st.addOperand(input).addType(inferChecked(input.getType(), window));
    st.properties = window.properties();
    return new Im2ColOp(b.create(st));
  }

  /**
   * The result type for an NCHW {@code input} and {@code window}:
   * {@code [N·OH·OW, (C/group)·KH·KW]} of the input's element type.
   *
   * @throws ShapeInferenceException when the channels do not divide into the groups, the kernel
   *     does not fit the padded input, or {@code pad_value} is not a value of the element type
   */
  public static RankedTensorType inferResultType(RankedTensorType input, ConvWindow window) {
    List<Long> s = input.shape();
    if (s.size() != 4) {
      throw new ShapeInferenceException("input must be NCHW (rank 4), but is " + print(input));
    }
    long n = s.get(0);
    long c = s.get(1);
    long oh = window.outputHeight(s.get(2));
    long ow = window.outputWidth(s.get(3));
    if (c % window.group() != 0) {
      throw new ShapeInferenceException("input channels (" + c + ") must be divisible by 'group' (" + window.group()
          + ")");
    }
    if (oh < 1 || ow < 1) {
      throw new ShapeInferenceException("the kernel does not fit the padded input: the output would be " + oh + "x"
          + ow);
    }
    checkPadValue(input.elementType(), window.padValue());
    long rows = CimSupport.product(CimSupport.product(n, oh, "N*OH*OW"), ow, "N*OH*OW");
    long cols = CimSupport.product(CimSupport.product(c / window.group(), window.kernelH(), "C/group*KH*KW"),
        window.kernelW(), "C/group*KH*KW");
    return new RankedTensorType(List.of(rows, cols), input.elementType());
  }

  /** Padding stands for the input zero point: an i8 (or i32) value; f32 pads with 0. */
  static void checkPadValue(Type element, long padValue) {
    if (element.equals(FloatType.F32) && padValue != 0) {
      throw new ShapeInferenceException("'pad_value' must be 0 for f32 inputs (zero points are quantized-only), but is "
          + padValue);
    }
    if (element.equals(IntegerType.I8) && (padValue < CimSupport.I8_MIN || padValue > CimSupport.I8_MAX)) {
      throw new ShapeInferenceException("'pad_value' must be in the i8 range [-128, 127], but is " + padValue);
    }
    if (element.equals(IntegerType.I32) && (padValue < Integer.MIN_VALUE || padValue > Integer.MAX_VALUE)) {
      throw new ShapeInferenceException("'pad_value' must be in the i32 range, but is " + padValue);
    }
  }

  private static RankedTensorType inferChecked(Type input, ConvWindow window) {
    try {
      return inferResultType((RankedTensorType) input, window);
    } catch (ShapeInferenceException e) {
      throw new IllegalArgumentException("'" + NAME + "' op " + e.getMessage(), e);
    }
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public ConvWindow window() {
    return ConvWindow.of(DEFINITION, op);
  }

  /** Verifies the window and the result shape of an im2col-like op defined by {@code def}. */
  public static void verifyShape(OpDefinition def, Operation op, DiagnosticEmitter emitter) {
    RankedTensorType inferred;
    try {
      inferred = inferResultType((RankedTensorType) op.getOperand(0).getType(), ConvWindow.of(def, op));
    } catch (ShapeInferenceException e) {
      emitter.emitOpError(op, e.getMessage());
      return;
    }
    CimSupport.verifyInferred(op, inferred, op.getResult(0).getType(), emitter);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    verifyShape(DEFINITION, op, emitter);
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code nn.pad}: pads each dimension by {@code pads} (ONNX order: all begins, then all ends)
 * with {@code value} ({@code "constant"}), the mirror image without the edge ({@code "reflect"})
 * or copies of the edge ({@code "edge"}).
 */
public record PadOp(Operation op) {
  public static final String NAME = "nn.pad";
  public static final String PADS = "pads";
  public static final String MODE = "mode";
  public static final String VALUE = "value";
  public static final String CONSTANT = "constant";
  public static final String REFLECT = "reflect";
  public static final String EDGE = "edge";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("constant, reflect or edge padding; pads are all begins then all ends")
      .operand(NnOps.INPUT, NnConstraints.ANY_TENSOR)
      .property(PADS, NnConstraints.i64Array())
      .property(MODE, NnConstraints.oneOf(CONSTANT, REFLECT, EDGE), NnOps.string(CONSTANT))
      .property(VALUE, NnConstraints.f32(), NnOps.f32(0f))
      .result(NnOps.OUTPUT, NnConstraints.ANY_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(PadOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public PadOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** {@code mode} is {@link #CONSTANT}, {@link #REFLECT} or {@link #EDGE}; {@code value} fills constant padding. */
  public static PadOp create(Builder b, Location loc, Value input, long[] pads, String mode, float value) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(PADS, NnOps.i64s(pads)).with(MODE, NnOps.string(mode))
        .with(VALUE, NnOps.f32(value));
    return new PadOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  /** All begins, then all ends. */
  public long[] pads() {
    return NnOps.ints(DEFINITION, op, PADS);
  }

  public String mode() {
    return NnOps.string(DEFINITION, op, MODE);
  }

  public float value() {
    return NnOps.f32(DEFINITION, op, VALUE);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shape(NnOps.INPUT);
    int rank = x.length;
    long[] pads = in.ints(PADS);
    if (pads.length != 2 * rank) {
      throw in.fail("'pads' must have " + 2 * rank + " elements (all begins, then all ends, for rank " + rank
          + "), but has " + pads.length);
    }
    String mode = in.string(MODE);
    long[] out = x.clone();
    for (int d = 0; d < rank; d++) {
      long begin = pads[d];
      long end = pads[d + rank];
      if (begin < 0 || end < 0) {
        throw in.fail("'pads' must be non-negative, but is " + Shapes.format(pads));
      }
      if (mode.equals(REFLECT) && Math.max(begin, end) >= x[d]) {
        throw in.fail("reflect padding of " + Math.max(begin, end) + " on axis " + d
            + " needs a dimension larger than that, but it has size " + x[d]);
      }
      if (mode.equals(EDGE) && begin + end > 0 && x[d] == 0) {
        throw in.fail("edge padding on axis " + d + " needs a non-empty dimension");
      }
      out[d] = in.sum(in.sum(x[d], begin, "the padded size"), end, "the padded size");
    }
    Type element = in.element(NnOps.INPUT);
    float value = in.f32(VALUE);
    if (element instanceof IntegerType it && (value != Math.rint(value) || !fits(value, it.width()))) {
      throw in.fail("'value' " + value + " is not representable in the element type " + NnInfer.print(element));
    }
    return List.of(NnInfer.tensorType(out, element));
  }

  private static boolean fits(float value, int width) {
    if (width >= 64) {
      return value >= -0x1p63f && value < 0x1p63f;
    }
    double min = -Math.pow(2, width - 1);
    return value >= min && value <= -min - 1;
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraint;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import java.util.Arrays;
import java.util.List;

/** What the nn op classes share: names, definition shapes, property values and accessors. */
final class NnOps {
  private NnOps() {}

  static final String INPUT = "input";
  static final String OUTPUT = "output";
  static final String INPUT_ZERO_POINT = "input_zero_point";
  static final String WEIGHT_ZERO_POINT = "weight_zero_point";

  /**
   * The custom form of an op whose result has its operand's type: {@code %y = nn.relu %x :
   * tensor<4xf32>}; properties other than their defaults go in the attribute dictionary.
   */
  static final String SAME_TYPE_FORMAT = "$input attr-dict `:` type($input)";
  /**
   * The custom form of the other ops: {@code %y = nn.conv2d %x, %w {strides = array<i64: 2, 2>} :
   * (tensor<...>, tensor<...>) -> tensor<...>}.
   */
  static final String OPERANDS_FORMAT = "operands attr-dict `:` functional-type(operands, results)";

  /** Checks the op name in a wrapper's constructor. */
  static void check(Operation op, String name) {
    if (!op.getNameString().equals(name)) {
      throw new IllegalArgumentException("not a " + name + ": " + op.getNameString());
    }
  }

  /** A unary elementwise op: {@code input} to an {@code output} of the same type. */
  static OpDefinition.Builder unary(String name, String summary, TypeConstraint tensor) {
    return OpDefinition.builder(name).summary(summary)
        .operand(INPUT, tensor)
        .result(OUTPUT, tensor)
        .trait(Trait.PURE, Trait.SAME_OPERANDS_AND_RESULT_TYPE)
        .inferTypes(op -> List.of(op.operand(INPUT)))
        .assemblyFormat(SAME_TYPE_FORMAT);
  }

  /**
   * A binary elementwise op with numpy broadcasting: {@code lhs} and {@code rhs} of one element
   * type (f32, i8 or i32) to an {@code output} of the broadcast shape.
   */
  static OpDefinition.Builder binary(String name, String summary, Trait... traits) {
    return OpDefinition.builder(name).summary(summary)
        .operand("lhs", NnConstraints.ARITH_TENSOR)
        .operand("rhs", NnConstraints.ARITH_TENSOR)
        .result(OUTPUT, NnConstraints.ARITH_TENSOR)
        .trait(traits)
        .inferTypes(NnOps::inferBroadcast)
        .assemblyFormat(OPERANDS_FORMAT);
  }

  private static List<Type> inferBroadcast(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    Type element = in.element("lhs");
    if (!in.element("rhs").equals(element)) {
      throw in.fail("operands must have the same element type, but 'lhs' is " + NnInfer.print(element)
          + " and 'rhs' is " + NnInfer.print(in.element("rhs")));
    }
    long[] shape = Shapes.broadcast(in.shape("lhs"), in.shape("rhs"));
    if (shape == null) {
      throw in.fail("shapes " + Shapes.format(in.shape("lhs")) + " and " + Shapes.format(in.shape("rhs"))
          + " are not broadcastable");
    }
    return List.of(NnInfer.tensorType(shape, element));
  }

  /** Creates {@code def}'s op with inferred result types; throws if they cannot be inferred. */
  static Operation create(Builder b, Location loc, OpDefinition def, DictionaryAttr props, Value... operands) {
    return def.create(b, loc, Arrays.stream(operands).filter(v -> v != null).toList(), props);
  }

  /** Whether an op with an f32 and a quantized form is the quantized one (its result is i32). */
  static boolean isQuantized(Operation op) {
    return ((ShapedType) op.getResult(0).getType()).elementType().equals(IntegerType.I32);
  }

  // ---- property values ------------------------------------------------------------------------

  static DenseArrayAttr i64s(long... values) {
    return new DenseArrayAttr(IntegerType.I64, values);
  }

  static IntegerAttr i64(long value) {
    return IntegerAttr.i64(value);
  }

  static FloatAttr f32(float value) {
    return FloatAttr.f32(value);
  }

  static FloatAttr f64(double value) {
    return FloatAttr.f64(value);
  }

  /** A flag as ONNX writes it: {@code 0 : i64} or {@code 1 : i64}. */
  static IntegerAttr flag(boolean value) {
    return IntegerAttr.i64(value ? 1 : 0);
  }

  static StringAttr string(String value) {
    return StringAttr.of(value);
  }

  /** {@code props} with {@code name} set, or unchanged when {@code value} is null. */
  static DictionaryAttr with(DictionaryAttr props, String name, Attribute value) {
    return value == null ? props : props.with(name, value);
  }

  // ---- accessors (defaults apply) ---------------------------------------------------------------

  static long[] ints(OpDefinition def, Operation op, String name) {
    Attribute a = def.attribute(op, name);
    return a instanceof DenseArrayAttr d ? d.toLongArray() : null;
  }

  static long i64(OpDefinition def, Operation op, String name) {
    return ((IntegerAttr) def.attribute(op, name)).longValue();
  }

  /** An optional i64 property (a zero point), 0 when absent. */
  static long i64OrZero(Operation op, String name) {
    return op.getProperty(name) instanceof IntegerAttr i ? i.longValue() : 0;
  }

  static boolean flag(OpDefinition def, Operation op, String name) {
    return ((IntegerAttr) def.attribute(op, name)).longValue() != 0;
  }

  static float f32(OpDefinition def, Operation op, String name) {
    return Float.intBitsToFloat((int) ((FloatAttr) def.attribute(op, name)).bits());
  }

  static double f64(OpDefinition def, Operation op, String name) {
    return Double.longBitsToDouble(((FloatAttr) def.attribute(op, name)).bits());
  }

  static String string(OpDefinition def, Operation op, String name) {
    return ((StringAttr) def.attribute(op, name)).text();
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.TypeInferenceException;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * Reads an nn op's operands and properties for its type inference and checks them with the
 * verifier's messages; the declared constraints have already checked the attribute and tensor
 * kinds, so the checks here are about ranks, sizes and values.
 */
final class NnInfer {
  static final long I8_MIN = -128;
  static final long I8_MAX = 127;

  private final OpAdaptor op;

  NnInfer(OpAdaptor op) {
    this.op = op;
  }

  TypeInferenceException fail(String message) {
    return op.fail(message);
  }

  // ---- operands -------------------------------------------------------------------------------

  /** The type of operand {@code group} (a ranked tensor by its constraint), or null if absent. */
  RankedTensorType tensor(String group) {
    return (RankedTensorType) op.operand(group);
  }

  List<Type> tensors(String group) {
    return op.operandGroup(group);
  }

  long[] shape(String group) {
    return Shapes.toArray(tensor(group).shape());
  }

  Type element(String group) {
    return tensor(group).elementType();
  }

  /** The shape of operand {@code group}, which must have rank {@code rank} ({@code layout} names the dimensions). */
  long[] shapeOfRank(String group, int rank, String layout) {
    RankedTensorType t = tensor(group);
    if (t.rank() != rank) {
      throw fail("'" + group + "' must be a " + rank + "-D tensor" + (layout.isEmpty() ? "" : " (" + layout + ")")
          + ", but got " + quoted(t));
    }
    return Shapes.toArray(t.shape());
  }

  /** The shape of operand {@code group}, which must have rank {@code min} or more. */
  long[] shapeOfMinRank(String group, int min) {
    RankedTensorType t = tensor(group);
    if (t.rank() < min) {
      throw fail("'" + group + "' must have rank " + min + " or more, but got " + quoted(t));
    }
    return Shapes.toArray(t.shape());
  }

  /** Checks that operand {@code group}, unless it is an absent optional one, has exactly {@code shape}. */
  void checkShape(String group, long[] shape, String meaning) {
    RankedTensorType t = tensor(group);
    if (t != null && !List.copyOf(t.shape()).equals(Shapes.toList(shape))) {
      throw fail("'" + group + "' must have shape " + Shapes.format(shape) + " (" + meaning + "), but got "
          + quoted(t));
    }
  }

  /**
   * The result element type of an op with an f32 form and a quantized form: f32 when all of
   * {@code operands} (and the bias, if any) are f32; i32 when they are i8 and the bias is i32.
   * Zero points are checked too: only on the quantized form, within the i8 range.
   */
  Type quantizedForm(String bias, String... operands) {
    Type first = element(operands[0]);
    boolean quantized = first.equals(IntegerType.I8);
    String expected = bias == null ? "all f32, or all i8 (quantized)" : "all f32, or i8 with an i32 bias (quantized)";
    for (String group : operands) {
      if (!element(group).equals(first)) {
        throw fail("element types must be " + expected + ", but '" + operands[0] + "' is " + print(first) + " and '"
            + group + "' is " + print(element(group)));
      }
    }
    RankedTensorType b = bias == null ? null : tensor(bias);
    Type biasElement = quantized ? IntegerType.I32 : FloatType.F32;
    if (b != null && !b.elementType().equals(biasElement)) {
      throw fail("element types must be " + expected + ", but '" + operands[0] + "' is " + print(first) + " and '"
          + bias + "' is " + print(b.elementType()));
    }
    for (String zp : List.of(NnOps.INPUT_ZERO_POINT, NnOps.WEIGHT_ZERO_POINT)) {
      Attribute value = op.properties().get(zp);
      if (value == null) {
        continue;
      }
      if (!quantized) {
        throw fail("'" + zp + "' is only allowed on the quantized (i8) form");
      }
      zeroPointInRange(zp, ((IntegerAttr) value).longValue(), I8_MIN, I8_MAX, "i8");
    }
    return quantized ? IntegerType.I32 : FloatType.F32;
  }

  void zeroPointInRange(String name, long value, long min, long max, String type) {
    if (value < min || value > max) {
      throw fail("'" + name + "' must be in the " + type + " range [" + min + ", " + max + "], but is " + value);
    }
  }

  // ---- properties -----------------------------------------------------------------------------

  /** An integer-array property, or null when absent. */
  long[] ints(String name) {
    Attribute a = op.property(name);
    return a == null ? null : ((DenseArrayAttr) a).toLongArray();
  }

  /** An integer-array property of {@code length} elements, each at least {@code min}. */
  long[] ints(String name, int length, long min) {
    long[] values = ints(name);
    if (values.length != length) {
      throw fail("'" + name + "' must have " + length + " elements, but has " + values.length);
    }
    for (long v : values) {
      if (v < min) {
        throw fail("'" + name + "' must be " + (min == 0 ? "non-negative" : min == 1 ? "positive" : ">= " + min)
            + ", but is " + Shapes.format(values));
      }
    }
    return values;
  }

  long i64(String name) {
    return ((IntegerAttr) op.property(name)).longValue();
  }

  boolean flag(String name) {
    return ((IntegerAttr) op.property(name)).longValue() != 0;
  }

  float f32(String name) {
    return Float.intBitsToFloat((int) ((FloatAttr) op.property(name)).bits());
  }

  double f64(String name) {
    return Double.longBitsToDouble(((FloatAttr) op.property(name)).bits());
  }

  String string(String name) {
    return ((StringAttr) op.property(name)).text();
  }

  /** A property that must be a finite number greater than 0 (scales, theta). */
  float positiveF32(String name) {
    float v = f32(name);
    if (!(v > 0) || Float.isInfinite(v)) {
      throw fail("'" + name + "' must be a positive finite number, but is " + v);
    }
    return v;
  }

  /** A property that must be a finite number of at least 0 (epsilon). */
  float nonNegativeF32(String name) {
    float v = f32(name);
    if (!(v >= 0) || Float.isInfinite(v)) {
      throw fail("'" + name + "' must be a finite non-negative number, but is " + v);
    }
    return v;
  }

  /** The axis property {@code name} for rank {@code rank}, made non-negative. */
  int axis(String name, int rank, int extra) {
    long axis = i64(name);
    int a = Shapes.normalizeAxis(axis, rank, extra);
    if (a < 0) {
      throw fail("'" + name + "' " + axis + " is out of range for rank " + rank + " (expected " + -rank + ".."
          + (rank - 1 + extra) + ")");
    }
    return a;
  }

  // ---- windows --------------------------------------------------------------------------------

  /**
   * The output size of a convolution or pooling window along the spatial axis {@code what}
   * ("height" or "width"); fails when the dilated kernel is larger than the padded input.
   */
  long window(String what, long in, long kernel, long stride, long padBegin, long padEnd, long dilation,
      boolean pooling, boolean ceilMode) {
    long extent = Shapes.effectiveKernel(kernel, dilation);
    long padded = sum(sum(in, padBegin, "the padded input " + what), padEnd, "the padded input " + what);
    if (extent < 0) {
      throw fail("kernel " + what + " " + kernel + " with dilation " + dilation + " overflows a 64-bit size");
    }
    long out = pooling
        ? Shapes.poolOutputSize(in, kernel, stride, padBegin, padEnd, dilation, ceilMode)
        : Shapes.convOutputSize(in, kernel, stride, padBegin, padEnd, dilation);
    if (out < 0) {
      String dilated = dilation == 1 ? "" : " (kernel " + kernel + ", dilation " + dilation + ")";
      throw fail("kernel " + what + " " + extent + dilated + " exceeds the padded input " + what + " " + padded);
    }
    return out;
  }

  /** {@code a + b}, failing with a message about {@code what} when it overflows a long. */
  long sum(long a, long b, String what) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw fail(what + " overflows a 64-bit size");
    }
  }

  // ---- results --------------------------------------------------------------------------------

  static RankedTensorType tensorType(long[] shape, Type element) {
    return new RankedTensorType(Shapes.toList(shape), element);
  }

  static String quoted(Type t) {
    return "'" + AsmPrinter.toString(t) + "'";
  }

  static String print(Type t) {
    return AsmPrinter.toString(t);
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code nn.clip}: {@code min(max(x, min), max)}, on f32 or i8; on i8 the bounds must be
 * integers in the i8 range.
 */
public record ClipOp(Operation op) {
  public static final String NAME = "nn.clip";
  public static final String MIN = "min";
  public static final String MAX = "max";

  public static final OpDefinition DEFINITION =
      NnOps.unary(NAME, "min(max(x, min), max), f32 or i8", NnConstraints.F32_OR_I8_TENSOR)
          .property(MIN, NnConstraints.f32())
          .property(MAX, NnConstraints.f32())
          .inferTypes(ClipOp::infer)
          .build();

  public ClipOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static ClipOp create(Builder b, Location loc, Value input, float min, float max) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(MIN, NnOps.f32(min)).with(MAX, NnOps.f32(max));
    return new ClipOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public float min() {
    return NnOps.f32(DEFINITION, op, MIN);
  }

  public float max() {
    return NnOps.f32(DEFINITION, op, MAX);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    float min = in.f32(MIN);
    float max = in.f32(MAX);
    if (Float.isNaN(min) || Float.isNaN(max)) {
      throw in.fail("'min' and 'max' must not be NaN");
    }
    if (min > max) {
      throw in.fail("'min' (" + min + ") must not exceed 'max' (" + max + ")");
    }
    if (in.element(NnOps.INPUT).equals(IntegerType.I8)) {
      for (String name : List.of(MIN, MAX)) {
        float v = in.f32(name);
        if (v != Math.rint(v) || v < NnInfer.I8_MIN || v > NnInfer.I8_MAX) {
          throw in.fail("on i8, '" + name + "' must be an integer in [-128, 127], but is " + v);
        }
      }
    }
    return List.of(in.tensor(NnOps.INPUT));
  }
}

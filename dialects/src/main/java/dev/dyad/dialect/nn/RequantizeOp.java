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
 * {@code nn.requantize}: i32 accumulators to i8,
 * {@code q = saturate_i8(roundHalfEven((double) acc · scale) + zero_point)} with an f64 scale.
 */
public record RequantizeOp(Operation op) {
  public static final String NAME = "nn.requantize";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("i32 -> i8: saturate(roundHalfEven(acc * scale) + zero_point), scale in f64")
      .operand(NnOps.INPUT, NnConstraints.I32_TENSOR)
      .property(QuantizeOp.SCALE, NnConstraints.f64())
      .property(QuantizeOp.ZERO_POINT, NnConstraints.i64(), NnOps.i64(0))
      .result(NnOps.OUTPUT, NnConstraints.I8_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(RequantizeOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public RequantizeOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static RequantizeOp create(Builder b, Location loc, Value input, double scale, long zeroPoint) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(QuantizeOp.SCALE, NnOps.f64(scale))
        .with(QuantizeOp.ZERO_POINT, NnOps.i64(zeroPoint));
    return new RequantizeOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public double scale() {
    return NnOps.f64(DEFINITION, op, QuantizeOp.SCALE);
  }

  public long zeroPoint() {
    return NnOps.i64(DEFINITION, op, QuantizeOp.ZERO_POINT);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    double scale = in.f64(QuantizeOp.SCALE);
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw in.fail("'scale' must be a positive finite number, but is " + scale);
    }
    in.zeroPointInRange(QuantizeOp.ZERO_POINT, in.i64(QuantizeOp.ZERO_POINT), NnInfer.I8_MIN, NnInfer.I8_MAX, "i8");
    return List.of(NnInfer.tensorType(in.shape(NnOps.INPUT), IntegerType.I8));
  }
}

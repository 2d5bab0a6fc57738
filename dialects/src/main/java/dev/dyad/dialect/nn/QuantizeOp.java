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
 * {@code nn.quantize}: f32 to i8 as ONNX QuantizeLinear,
 * {@code q = saturate_i8(roundHalfEven(x / scale) + zero_point)} in f32 arithmetic.
 */
public record QuantizeOp(Operation op) {
  public static final String NAME = "nn.quantize";
  public static final String SCALE = "scale";
  public static final String ZERO_POINT = "zero_point";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("f32 -> i8: saturate(roundHalfEven(x / scale) + zero_point)")
      .operand(NnOps.INPUT, NnConstraints.F32_TENSOR)
      .property(SCALE, NnConstraints.f32())
      .property(ZERO_POINT, NnConstraints.i64(), NnOps.i64(0))
      .result(NnOps.OUTPUT, NnConstraints.I8_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(QuantizeOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public QuantizeOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static QuantizeOp create(Builder b, Location loc, Value input, float scale, long zeroPoint) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(SCALE, NnOps.f32(scale)).with(ZERO_POINT, NnOps.i64(zeroPoint));
    return new QuantizeOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public float scale() {
    return NnOps.f32(DEFINITION, op, SCALE);
  }

  public long zeroPoint() {
    return NnOps.i64(DEFINITION, op, ZERO_POINT);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    in.positiveF32(SCALE);
    in.zeroPointInRange(ZERO_POINT, in.i64(ZERO_POINT), NnInfer.I8_MIN, NnInfer.I8_MAX, "i8");
    return List.of(NnInfer.tensorType(in.shape(NnOps.INPUT), IntegerType.I8));
  }
}

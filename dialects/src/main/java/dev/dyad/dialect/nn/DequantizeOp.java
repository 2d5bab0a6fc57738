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
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code nn.dequantize}: i8 or i32 to f32, {@code (q - zero_point) · scale}, the difference
 * exact, converted to f32 and multiplied in f32.
 */
public record DequantizeOp(Operation op) {
  public static final String NAME = "nn.dequantize";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("i8 or i32 -> f32: (q - zero_point) * scale")
      .operand(NnOps.INPUT, NnConstraints.I8_OR_I32_TENSOR)
      .property(QuantizeOp.SCALE, NnConstraints.f32())
      .property(QuantizeOp.ZERO_POINT, NnConstraints.i64(), NnOps.i64(0))
      .result(NnOps.OUTPUT, NnConstraints.F32_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(DequantizeOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public DequantizeOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static DequantizeOp create(Builder b, Location loc, Value input, float scale, long zeroPoint) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(QuantizeOp.SCALE, NnOps.f32(scale))
        .with(QuantizeOp.ZERO_POINT, NnOps.i64(zeroPoint));
    return new DequantizeOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public float scale() {
    return NnOps.f32(DEFINITION, op, QuantizeOp.SCALE);
  }

  public long zeroPoint() {
    return NnOps.i64(DEFINITION, op, QuantizeOp.ZERO_POINT);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    in.positiveF32(QuantizeOp.SCALE);
    long zp = in.i64(QuantizeOp.ZERO_POINT);
    if (in.element(NnOps.INPUT).equals(IntegerType.I8)) {
      in.zeroPointInRange(QuantizeOp.ZERO_POINT, zp, NnInfer.I8_MIN, NnInfer.I8_MAX, "i8");
    } else {
      in.zeroPointInRange(QuantizeOp.ZERO_POINT, zp, Integer.MIN_VALUE, Integer.MAX_VALUE, "i32");
    }
    return List.of(NnInfer.tensorType(in.shape(NnOps.INPUT), FloatType.F32));
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * The {@code nn} dialect: the model vocabulary (convolution, linear layers, matrix products,
 * activations, normalisations, pooling, data movement, quantization) on ranked tensors, in NCHW
 * layout, with f32 and quantized (i8 / i32) semantics. See docs/dialects/nn.md.
 */
public final class NnDialect implements Dialect {
  public static final String NAMESPACE = "nn";

  private static final List<OpDef> OPS = List.of(
      AddOp.DEFINITION, AvgPool2dOp.DEFINITION, BatchMatmulOp.DEFINITION, BatchNormOp.DEFINITION,
      ClipOp.DEFINITION, ConcatOp.DEFINITION, ConstantOp.DEFINITION, Conv2dOp.DEFINITION, DequantizeOp.DEFINITION,
      DivOp.DEFINITION, EmbeddingOp.DEFINITION, FlattenOp.DEFINITION, GatherOp.DEFINITION, GeluOp.DEFINITION,
      GlobalAvgPoolOp.DEFINITION, HardSigmoidOp.DEFINITION, HardSwishOp.DEFINITION, LayerNormOp.DEFINITION,
      LinearOp.DEFINITION, MatmulOp.DEFINITION, MaxPool2dOp.DEFINITION, MulOp.DEFINITION, PadOp.DEFINITION,
      QuantizeOp.DEFINITION, ReluOp.DEFINITION, Relu6Op.DEFINITION, RequantizeOp.DEFINITION, ReshapeOp.DEFINITION,
      RmsNormOp.DEFINITION, RotaryOp.DEFINITION, SigmoidOp.DEFINITION, SiluOp.DEFINITION, SliceOp.DEFINITION,
      SoftmaxOp.DEFINITION, SplitOp.DEFINITION, SubOp.DEFINITION, TanhOp.DEFINITION, TransposeOp.DEFINITION);

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDef> ops() {
    return OPS;
  }

  /**
   * {@code #nn.weights<"file", offset>}, {@code #nn.random<seed>} and {@code #nn.view<...>};
   * other bodies stay opaque.
   *
   * @throws InvalidAttributeException when one of the two is malformed
   */
  @Override
  public Attribute parseAttribute(String body) {
    String s = body.strip();
    if (AttrBodies.names(s, WeightsAttr.KEYWORD)) {
      return WeightsAttr.parse(s);
    }
    if (AttrBodies.names(s, RandomAttr.KEYWORD)) {
      return RandomAttr.parse(s);
    }
    if (AttrBodies.names(s, ViewAttr.KEYWORD)) {
      return ViewAttr.parse(s);
    }
    return null;
  }

  /** An {@code nn.constant} when the value fits the type (folding produced it). */
  @Override
  public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return ConstantOp.isBuildableWith(value, type) ? ConstantOp.create(builder, loc, value, type).op() : null;
  }
}

package dev.dyad.dialect.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.TypeInferenceException;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Result-type inference of the nn ops on representative cases, through the typed builders (which
 * create ops from the inferred types) and the definitions; every built module must also verify.
 */
class NnShapeInferenceTest {
  private final IrFixture ir = new IrFixture(new NnDialect());
  private final ModuleOp module = ir.module();
  private final Block body = module.body();
  private final Builder b = new Builder(ir.ctx);

  {
    b.setInsertionPointToEnd(body);
  }

  private static RankedTensorType f32(long... shape) {
    return NnInfer.tensorType(shape, FloatType.F32);
  }

  private static RankedTensorType i8(long... shape) {
    return NnInfer.tensorType(shape, IntegerType.I8);
  }

  private Value arg(Type t) {
    return ir.op("test.arg").results(t).in(body).getResult(0);
  }

  private static String type(OpResult r) {
    return AsmPrinter.toString(r.getType());
  }

  private void assertVerifies() {
    assertEquals("", IrFixture.render(ir.verify(module.op())));
  }

  // ---- convolution ----------------------------------------------------------------------------

  @Test
  void convolutionWithStridePaddingDilationAndGroups() {
    Value x = arg(f32(2, 8, 15, 20));
    // floor((15 + 1 + 2 - 5) / 2) + 1 = 7, floor((20 + 0 + 3 - 3) / 3) + 1 = 7.
    Conv2dOp c = Conv2dOp.create(b, ir.loc(), x, arg(f32(12, 2, 3, 3)), arg(f32(12)), new long[] {2, 3},
        new long[] {1, 0, 2, 3}, new long[] {2, 1}, 4);
    assertEquals("tensor<2x12x7x7xf32>", type(c.output()));
    // Depthwise: group = C_in, one input channel per group; "same" padding keeps 20.
    Conv2dOp dw = Conv2dOp.create(b, ir.loc(), x, arg(f32(8, 1, 3, 3)), null, new long[] {1, 1},
        new long[] {1, 1, 1, 1}, new long[] {1, 1}, 8);
    assertEquals("tensor<2x8x15x20xf32>", type(dw.output()));
    // The quantized form accumulates in i32.
    Conv2dOp q = Conv2dOp.createQuantized(b, ir.loc(), arg(i8(1, 4, 5, 5)), arg(i8(6, 4, 1, 1)),
        arg(NnInfer.tensorType(new long[] {6}, IntegerType.I32)), new long[] {1, 1}, new long[] {0, 0, 0, 0},
        new long[] {1, 1}, 1, -3, 2);
    assertEquals("tensor<1x6x5x5xi32>", type(q.output()));
    assertTrue(q.isQuantized());
    assertEquals(-3, q.inputZeroPoint());
    assertEquals(2, q.weightZeroPoint());
    assertVerifies();
  }

  @Test
  void convolutionOutputSizesFollowTheFloorFormula() {
    assertEquals(30, Shapes.convOutputSize(32, 3, 1, 0, 0, 1));
    assertEquals(16, Shapes.convOutputSize(32, 3, 2, 1, 1, 1));
    assertEquals(28, Shapes.convOutputSize(32, 3, 1, 0, 0, 2));
    assertEquals(1, Shapes.convOutputSize(3, 3, 5, 0, 0, 1));
    assertEquals(-1, Shapes.convOutputSize(4, 3, 1, 0, 0, 2));
  }

  @Test
  void invalidConvolutionIsReportedByTheBuilder() {
    Value x = arg(f32(1, 6, 8, 8));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conv2dOp.create(b, ir.loc(), x,
        arg(f32(8, 2, 3, 3)), null, new long[] {1, 1}, new long[] {0, 0, 0, 0}, new long[] {1, 1}, 4));
    assertEquals("'nn.conv2d' op input channels (6) must be divisible by 'group' (4)", e.getMessage());
  }

  // ---- pooling --------------------------------------------------------------------------------

  @Test
  void poolingWithCeilMode() {
    // ONNX's test_maxpool_2d_ceil: 4x4, kernel 3, stride 2 -> 2x2 (floor gives 1x1).
    Value x = arg(f32(1, 1, 4, 4));
    long[] none = {0, 0, 0, 0};
    assertEquals("tensor<1x1x2x2xf32>", type(MaxPool2dOp.create(b, ir.loc(), x, new long[] {3, 3},
        new long[] {2, 2}, none, new long[] {1, 1}, true).output()));
    assertEquals("tensor<1x1x1x1xf32>", type(MaxPool2dOp.create(b, ir.loc(), x, new long[] {3, 3},
        new long[] {2, 2}, none, new long[] {1, 1}, false).output()));
    // 14 wide, kernel 3, stride 2: floor 6, ceil 7; avg pooling has the same rule.
    Value y = arg(f32(1, 1, 14, 14));
    assertEquals("tensor<1x1x7x7xf32>", type(AvgPool2dOp.create(b, ir.loc(), y, new long[] {3, 3},
        new long[] {2, 2}, none, true, false).output()));
    assertEquals("tensor<1x1x6x6xf32>", type(AvgPool2dOp.create(b, ir.loc(), y, new long[] {3, 3},
        new long[] {2, 2}, none, false, false).output()));
    // Dilated max pooling on i8 keeps the element type.
    assertEquals("tensor<1x1x10x10xi8>", type(MaxPool2dOp.create(b, ir.loc(), arg(i8(1, 1, 14, 14)),
        new long[] {3, 3}, new long[] {1, 1}, none, new long[] {2, 2}, false).output()));
    assertVerifies();
  }

  @Test
  void ceilModeDropsAWindowStartingInThePadding() {
    // 5 + 1 + 1 padded, kernel 3, stride 3: ceil gives 3 windows, but the third would start at 6,
    // beyond the input and its begin padding, so it is dropped (PyTorch's rule).
    assertEquals(2, Shapes.poolOutputSize(5, 3, 3, 1, 1, 1, true));
    assertEquals(2, Shapes.poolOutputSize(5, 3, 3, 1, 1, 1, false));
    // Without padding the last ceil window starts inside the input and stays.
    assertEquals(3, Shapes.poolOutputSize(5, 2, 2, 0, 0, 1, true));
    assertEquals(2, Shapes.poolOutputSize(5, 2, 2, 0, 0, 1, false));
    assertEquals(-1, Shapes.poolOutputSize(2, 3, 1, 0, 0, 1, true));
  }

  // ---- broadcasting and products ------------------------------------------------------------

  @Test
  void elementwiseOpsBroadcast() {
    assertArrayEquals(new long[] {2, 4, 3}, Shapes.broadcast(new long[] {2, 1, 3}, new long[] {4, 1}));
    assertArrayEquals(new long[] {3}, Shapes.broadcast(new long[] {}, new long[] {3}));
    assertArrayEquals(new long[] {0, 5}, Shapes.broadcast(new long[] {0, 1}, new long[] {1, 5}));
    assertNull(Shapes.broadcast(new long[] {2, 3}, new long[] {4}));
    assertEquals("tensor<2x4x3xf32>", type(AddOp.create(b, ir.loc(), arg(f32(2, 1, 3)), arg(f32(4, 1))).output()));
    assertEquals("tensor<5x7xi8>", type(SubOp.create(b, ir.loc(), arg(i8(5, 1)), arg(i8(7))).output()));
    assertEquals("tensor<3xf32>", type(MulOp.create(b, ir.loc(), arg(f32()), arg(f32(3))).output()));
    assertThrows(IllegalArgumentException.class, () -> DivOp.create(b, ir.loc(), arg(f32(2, 3)), arg(i8(2, 3))));
    assertVerifies();
  }

  @Test
  void matmulBroadcastsBatchDimensions() {
    // [2, 1, M=4, K=5] x [3, K=5, N=6] -> [2, 3, 4, 6].
    assertEquals("tensor<2x3x4x6xf32>",
        type(MatmulOp.create(b, ir.loc(), arg(f32(2, 1, 4, 5)), arg(f32(3, 5, 6)), false, false).output()));
    // Transposed operands: a is [K, M], b is [N, K]; a weight without batch broadcasts.
    assertEquals("tensor<7x4x6xf32>",
        type(MatmulOp.create(b, ir.loc(), arg(f32(7, 5, 4)), arg(f32(6, 5)), true, true).output()));
    assertEquals("tensor<2x3xi32>",
        type(MatmulOp.create(b, ir.loc(), arg(i8(2, 8)), arg(i8(8, 3)), false, false).output()));
    // batch_matmul (attention's Q K^T) needs equal batch dimensions.
    assertEquals("tensor<2x8x16x16xf32>", type(BatchMatmulOp.create(b, ir.loc(), arg(f32(2, 8, 16, 64)),
        arg(f32(2, 8, 16, 64)), false, true).output()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchMatmulOp.create(b, ir.loc(), arg(f32(2, 1, 4, 5)), arg(f32(2, 3, 5, 6)), false, false));
    assertEquals("'nn.batch_matmul' op batch dimensions [2, 1] and [2, 3] must be equal", e.getMessage());
    assertEquals("tensor<3x9x10xf32>",
        type(LinearOp.create(b, ir.loc(), arg(f32(3, 9, 4)), arg(f32(10, 4)), arg(f32(10))).output()));
    assertVerifies();
  }

  // ---- data movement --------------------------------------------------------------------------

  @Test
  void splitGivesOneResultPerSize() {
    SplitOp s = SplitOp.create(b, ir.loc(), arg(f32(2, 10, 3)), -2, 3, 0, 7);
    assertEquals(List.of("tensor<2x3x3xf32>", "tensor<2x0x3xf32>", "tensor<2x7x3xf32>"),
        s.outputs().stream().map(NnShapeInferenceTest::type).toList());
    assertThrows(IllegalArgumentException.class, () -> SplitOp.create(b, ir.loc(), arg(f32(2, 10)), 1, 3, 3));
    assertVerifies();
  }

  @Test
  void sliceClampsLikeOnnx() {
    // {start, end, count} along an axis of 10.
    assertArrayEquals(new long[] {2, 5, 3}, Shapes.slice(10, 2, 5, 1));
    assertArrayEquals(new long[] {7, 10, 3}, Shapes.slice(10, -3, Long.MAX_VALUE, 1));
    assertArrayEquals(new long[] {0, 10, 5}, Shapes.slice(10, -100, 100, 2));
    assertArrayEquals(new long[] {10, 10, 0}, Shapes.slice(10, 12, 20, 1));
    assertArrayEquals(new long[] {5, 2, 0}, Shapes.slice(10, 5, 2, 1));
    // Negative steps: start clamps to dim - 1, end to -1 (so everything down to index 0).
    assertArrayEquals(new long[] {9, -1, 10}, Shapes.slice(10, Long.MAX_VALUE, Long.MIN_VALUE, -1));
    assertArrayEquals(new long[] {9, -1, 4}, Shapes.slice(10, -1, -1000, -3));
    assertArrayEquals(new long[] {8, 3, 3}, Shapes.slice(10, 8, 3, -2));
    assertArrayEquals(new long[] {0, 0, 0}, Shapes.slice(0, 0, 5, 1));

    SliceOp s = SliceOp.create(b, ir.loc(), arg(f32(4, 10, 6)), new long[] {-100, 1, 5}, new long[] {2, 100, -7},
        new long[] {-1, 0, 1}, new long[] {1, 2, -2});
    // axis 2: [0, 2) -> 2; axis 0: 1, 3 -> 2; axis 1: from 5 down to 3 (= 10 - 7, excluded) -> 5 only.
    assertEquals("tensor<2x1x2xf32>", type(s.output()));
    assertArrayEquals(new long[] {-1, 0, 1}, s.axes());
    SliceOp defaults = SliceOp.create(b, ir.loc(), arg(f32(4, 10)), new long[] {1}, new long[] {3}, null, null);
    assertEquals("tensor<2x10xf32>", type(defaults.output()));
    assertArrayEquals(new long[] {0}, defaults.axes());
    assertArrayEquals(new long[] {1}, defaults.steps());
    assertVerifies();
  }

  @Test
  void movementOpsInferTheirShapes() {
    Value x = arg(f32(2, 3, 4, 5));
    assertEquals("tensor<2x5x3x4xf32>", type(TransposeOp.create(b, ir.loc(), x, 0, 3, 1, 2).output()));
    assertEquals("tensor<6x20xf32>", type(FlattenOp.create(b, ir.loc(), x, 2).output()));
    assertEquals("tensor<1x120xf32>", type(FlattenOp.create(b, ir.loc(), x, 0).output()));
    assertEquals("tensor<120x1xf32>", type(FlattenOp.create(b, ir.loc(), x, 4).output()));
    assertEquals("tensor<6x4x5xf32>", type(ReshapeOp.create(b, ir.loc(), x, -1, 4, 5).output()));
    assertEquals("tensor<2x7x4x5xf32>",
        type(ConcatOp.create(b, ir.loc(), List.of(x, arg(f32(2, 4, 4, 5))), 1).output()));
    assertEquals("tensor<2x3x5x9xf32>",
        type(PadOp.create(b, ir.loc(), x, new long[] {0, 0, 1, 2, 0, 0, 0, 2}, PadOp.REFLECT, 0).output()));
    Value indices = arg(NnInfer.tensorType(new long[] {6, 7}, IntegerType.I64));
    assertEquals("tensor<2x3x6x7x5xf32>", type(GatherOp.create(b, ir.loc(), x, indices, -2).output()));
    assertEquals("tensor<6x7x16xi8>", type(EmbeddingOp.create(b, ir.loc(), arg(i8(100, 16)), indices).output()));
    assertVerifies();
  }

  // ---- quantization and the rest --------------------------------------------------------------

  @Test
  void quantizationOpsChangeTheElementType() {
    Value x = arg(f32(3, 4));
    QuantizeOp q = QuantizeOp.create(b, ir.loc(), x, 0.5f, -4);
    assertEquals("tensor<3x4xi8>", type(q.output()));
    assertEquals(-4, q.zeroPoint());
    LinearOp l = LinearOp.createQuantized(b, ir.loc(), q.output(), arg(i8(5, 4)), null, -4, 0);
    RequantizeOp r = RequantizeOp.create(b, ir.loc(), l.output(), 0.001, 3);
    assertEquals("tensor<3x5xi8>", type(r.output()));
    assertEquals(0.001, r.scale());
    assertEquals("tensor<3x5xf32>", type(DequantizeOp.create(b, ir.loc(), l.output(), 0.25f, 0).output()));
    assertEquals("tensor<3x5xf32>", type(DequantizeOp.create(b, ir.loc(), r.output(), 0.25f, 3).output()));
    assertVerifies();
  }

  @Test
  void normalisationsAndActivationsKeepTheInputType() {
    Value x = arg(f32(2, 16, 64));
    Value gamma = arg(f32(16, 64));
    LayerNormOp ln = LayerNormOp.create(b, ir.loc(), x, gamma, null, 1, 1e-5f);
    assertEquals("tensor<2x16x64xf32>", type(ln.output()));
    assertEquals(gamma, ln.scale());
    assertNull(ln.bias());
    assertEquals("tensor<2x16x64xf32>", type(RmsNormOp.create(b, ir.loc(), x, arg(f32(64)), 1e-6f).output()));
    assertEquals("tensor<2x16x64xf32>", type(SoftmaxOp.create(b, ir.loc(), x, -1).output()));
    Value y = arg(f32(1, 4, 8, 8));
    assertEquals("tensor<1x4x1x1xf32>", type(GlobalAvgPoolOp.create(b, ir.loc(), y).output()));
    assertEquals("tensor<1x4x8x8xf32>", type(RotaryOp.create(b, ir.loc(), y, 10000f, 5).output()));
    assertEquals("tensor<1x4x8x8xf32>", type(GeluOp.create(b, ir.loc(), y, GeluOp.TANH).output()));
    assertEquals("tensor<1x4x8x8xi8>", type(ClipOp.create(b, ir.loc(), arg(i8(1, 4, 8, 8)), -5, 5).output()));
    assertVerifies();
  }

  @Test
  void definitionsInferFromTypesAndProperties() {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(Pooling.KERNEL_SHAPE, NnOps.i64s(2, 2))
        .with(Pooling.STRIDES, NnOps.i64s(2, 2));
    assertEquals(List.of(f32(1, 3, 5, 5)), MaxPool2dOp.DEFINITION.inferResultTypes(List.of(f32(1, 3, 10, 11)), props));
    TypeInferenceException e = assertThrows(TypeInferenceException.class,
        () -> MaxPool2dOp.DEFINITION.inferResultTypes(List.of(f32(3, 10, 11)), props));
    assertEquals("'input' must be a 4-D tensor (NCHW), but got 'tensor<3x10x11xf32>'", e.getMessage());
  }
}

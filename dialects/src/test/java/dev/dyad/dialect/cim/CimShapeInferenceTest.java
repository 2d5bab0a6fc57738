package dev.dyad.dialect.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dyad.dialect.meta.MvmOp;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape rules of cim.im2col, cim.col2im, cim.mmm (and meta.mvm), with their error messages. */
class CimShapeInferenceTest {
  private static RankedTensorType t(Type element, long... shape) {
    Long[] dims = new Long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    return new RankedTensorType(List.of(dims), element);
  }

  private static ConvWindow window(long kh, long kw, long stride, long pad, long dilation, long group, long index) {
    return new ConvWindow(kh, kw, stride, stride, pad, pad, pad, pad, dilation, dilation, group, index, 0);
  }

  // ---- im2col ---------------------------------------------------------------------------------

  @Test
  void im2colRowsAreBatchTimesOutputPixelsAndColumnsAreGroupChannelsTimesKernel() {
    RankedTensorType x = t(IntegerType.I8, 2, 6, 10, 8);
    // 3x3, stride 1, no padding: 8x6 outputs per image.
    assertEquals(t(IntegerType.I8, 2 * 8 * 6, 6 * 9), Im2ColOp.inferResultType(x, ConvWindow.of(3, 3)));
    // Padding 1 keeps the size ("same").
    assertEquals(t(IntegerType.I8, 2 * 10 * 8, 54), Im2ColOp.inferResultType(x, window(3, 3, 1, 1, 1, 1, 0)));
    // Stride 2 with padding 1: floor((10 + 2 - 3) / 2) + 1 = 5, floor((8 + 2 - 3) / 2) + 1 = 4.
    assertEquals(t(IntegerType.I8, 2 * 5 * 4, 54), Im2ColOp.inferResultType(x, window(3, 3, 2, 1, 1, 1, 0)));
    // Dilation 2 makes a 3x3 kernel span 5x5: 6x4 outputs.
    assertEquals(t(IntegerType.I8, 2 * 6 * 4, 54), Im2ColOp.inferResultType(x, window(3, 3, 1, 0, 2, 1, 0)));
    // Three groups of two channels: each group's rows have 2 * 9 columns, whatever the index.
    for (long g = 0; g < 3; g++) {
      assertEquals(t(IntegerType.I8, 96, 18), Im2ColOp.inferResultType(x, window(3, 3, 1, 0, 1, 3, g)));
    }
    // Depthwise: one channel per group.
    assertEquals(t(IntegerType.I8, 96, 9), Im2ColOp.inferResultType(x, window(3, 3, 1, 0, 1, 6, 5)));
  }

  @Test
  void im2colWithAsymmetricPaddingAndRectangularKernelsAndFloats() {
    RankedTensorType x = t(FloatType.F32, 1, 1, 7, 7);
    // pads [top, left, bottom, right] = [0, 0, 1, 1], kernel 2x2, stride 2: floor(6/2) + 1 = 4.
    ConvWindow w = new ConvWindow(2, 2, 2, 2, 0, 0, 1, 1, 1, 1, 1, 0, 0);
    assertEquals(t(FloatType.F32, 16, 4), Im2ColOp.inferResultType(x, w));
    // A 1x7 kernel over 7 columns with padding only on the left: H 7, W floor((7 + 3 - 7) / 1) + 1 = 4.
    ConvWindow row = new ConvWindow(1, 7, 1, 1, 0, 3, 0, 0, 1, 1, 1, 0, 0);
    assertEquals(t(FloatType.F32, 28, 7), Im2ColOp.inferResultType(x, row));
    // The kernel exactly covers the input: one output pixel.
    assertEquals(t(FloatType.F32, 1, 49), Im2ColOp.inferResultType(x, ConvWindow.of(7, 7)));
  }

  @Test
  void im2colRejectsWindowsThatDoNotFit() {
    RankedTensorType x = t(IntegerType.I8, 1, 3, 6, 6);
    assertShapeError("input channels (3) must be divisible by 'group' (2)",
        () -> Im2ColOp.inferResultType(x, window(3, 3, 1, 0, 1, 2, 0)));
    assertShapeError("the kernel does not fit the padded input: the output would be 0x0",
        () -> Im2ColOp.inferResultType(x, ConvWindow.of(7, 7)));
    // A 4x4 kernel dilated by 3 spans 10x10: 6 - 10 + 1 = -3.
    assertShapeError("the kernel does not fit the padded input: the output would be -3x-3",
        () -> Im2ColOp.inferResultType(x, window(4, 4, 1, 0, 3, 1, 0)));
    assertShapeError("'pad_value' must be in the i8 range [-128, 127], but is -129",
        () -> Im2ColOp.inferResultType(x, new ConvWindow(1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, -129)));
    assertShapeError("'pad_value' must be 0 for f32 inputs (zero points are quantized-only), but is 2",
        () -> Im2ColOp.inferResultType(t(FloatType.F32, 1, 3, 6, 6),
            new ConvWindow(1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 2)));
    assertShapeError("input must be NCHW (rank 4), but is tensor<3x6x6xi8>",
        () -> Im2ColOp.inferResultType(t(IntegerType.I8, 3, 6, 6), ConvWindow.of(1, 1)));
  }

  @Test
  void windowsCheckTheirOwnRanges() {
    assertShapeError("'kernel_shape' elements must be at least 1, but it is [3, 0]", () -> ConvWindow.of(3, 0));
    assertShapeError("'strides' elements must be at least 1, but it is [0, 0]", () -> window(3, 3, 0, 0, 1, 1, 0));
    assertShapeError("'pads' elements must not be negative, but it is [-1, -1, -1, -1]",
        () -> window(3, 3, 1, -1, 1, 1, 0));
    assertShapeError("'dilations' elements must be at least 1, but it is [0, 0]", () -> window(3, 3, 1, 0, 0, 1, 0));
    assertShapeError("'group' must be at least 1, but is 0", () -> window(3, 3, 1, 0, 1, 0, 0));
    assertShapeError("'group_index' must be in [0, 4), but is 4", () -> window(3, 3, 1, 0, 1, 4, 4));
    assertShapeError("'group_index' must be in [0, 4), but is -1", () -> window(3, 3, 1, 0, 1, 4, -1));
  }

  // ---- col2im ---------------------------------------------------------------------------------

  @Test
  void col2imConcatenatesTheGroupsChannelsIntoNchw() {
    RankedTensorType rows = t(IntegerType.I32, 2 * 5 * 4, 3);
    assertEquals(t(IntegerType.I32, 2, 3, 5, 4), Col2ImOp.inferResultType(List.of(rows), new long[] {2, 3, 5, 4}));
    RankedTensorType more = t(IntegerType.I32, 40, 5);
    assertEquals(t(IntegerType.I32, 2, 8, 5, 4),
        Col2ImOp.inferResultType(List.of(rows, more), new long[] {2, 8, 5, 4}));
    assertEquals(t(FloatType.F32, 1, 1, 1, 1), Col2ImOp.inferResultType(List.of(t(FloatType.F32, 1, 1)),
        new long[] {1, 1, 1, 1}));
  }

  @Test
  void col2imRejectsRowsThatDoNotFormTheShape() {
    RankedTensorType rows = t(IntegerType.I32, 40, 3);
    assertShapeError("'shape' must have 4 elements (N, C, OH, OW), but has 3",
        () -> Col2ImOp.inferResultType(List.of(rows), new long[] {3, 5, 8}));
    assertShapeError("'shape' elements must be at least 1, but it is [2, 3, 5, 0]",
        () -> Col2ImOp.inferResultType(List.of(rows), new long[] {2, 3, 5, 0}));
    assertShapeError("needs the rows of at least one group",
        () -> Col2ImOp.inferResultType(List.of(), new long[] {2, 3, 5, 4}));
    assertShapeError("input #0 has 40 rows, but N*OH*OW = 20",
        () -> Col2ImOp.inferResultType(List.of(rows), new long[] {1, 3, 5, 4}));
    assertShapeError("element types must match, but input #0 is i32 and input #1 is i8",
        () -> Col2ImOp.inferResultType(List.of(rows, t(IntegerType.I8, 40, 3)), new long[] {2, 6, 5, 4}));
    assertShapeError("the inputs' columns add up to 6 channels, but 'shape' has C = 5",
        () -> Col2ImOp.inferResultType(List.of(rows, rows), new long[] {2, 5, 5, 4}));
    assertShapeError("input #1 must be rows (rank 2), but is tensor<40x3x1xi32>",
        () -> Col2ImOp.inferResultType(List.of(rows, t(IntegerType.I32, 40, 3, 1)), new long[] {2, 6, 5, 4}));
  }

  @Test
  void col2imInvertsIm2colsRowCount() {
    RankedTensorType x = t(IntegerType.I8, 3, 4, 9, 7);
    ConvWindow w = window(3, 3, 2, 1, 1, 2, 1);
    RankedTensorType rows = Im2ColOp.inferResultType(x, w);
    long oh = w.outputHeight(9);
    long ow = w.outputWidth(7);
    assertEquals(3 * oh * ow, rows.shape().get(0));
    RankedTensorType out = t(IntegerType.I32, rows.shape().get(0), 5);
    assertEquals(t(IntegerType.I32, 3, 5, oh, ow), Col2ImOp.inferResultType(List.of(out), new long[] {3, 5, oh, ow}));
  }

  // ---- mmm and mvm ----------------------------------------------------------------------------

  @Test
  void mmmIsMxKTimesKxNWithAnI32OrF32Accumulator() {
    assertEquals(t(IntegerType.I32, 36, 8), MmmOp.inferResultType(t(IntegerType.I8, 36, 27), t(IntegerType.I8, 27, 8)));
    assertEquals(t(FloatType.F32, 1, 1), MmmOp.inferResultType(t(FloatType.F32, 1, 5), t(FloatType.F32, 5, 1)));
    assertShapeError("weight rows (26) must equal the input's columns K (27)",
        () -> MmmOp.inferResultType(t(IntegerType.I8, 36, 27), t(IntegerType.I8, 26, 8)));
    assertShapeError("element types must be both i8 (quantized) or both f32, but the input is f32 and the weight is i8",
        () -> MmmOp.inferResultType(t(FloatType.F32, 36, 27), t(IntegerType.I8, 27, 8)));
    assertShapeError("input and weight must be matrices, but are tensor<36xi8> and tensor<36x8xi8>",
        () -> MmmOp.inferResultType(t(IntegerType.I8, 36), t(IntegerType.I8, 36, 8)));
  }

  @Test
  void mvmGivesMRowsOfTheSlicesColumns() {
    assertEquals(t(IntegerType.I32, 36, 40), MvmOp.inferResultType(t(IntegerType.I8, 36, 320), 40));
    assertEquals(t(FloatType.F32, 2, 3), MvmOp.inferResultType(t(FloatType.F32, 2, 8), 3));
  }

  private static void assertShapeError(String message, Runnable r) {
    ShapeInferenceException e = assertThrows(ShapeInferenceException.class, r::run);
    assertEquals(message, e.getMessage());
  }
}

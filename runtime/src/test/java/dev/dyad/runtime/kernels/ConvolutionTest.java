package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConvolutionTest {
  @Test
  void handComputedWithPaddingAndBias() {
    // 1x1x3x3 input 1..9, one 2x2 kernel of ones, pad 1 on top and left only, bias 10.
    Tensor x = Tensor.ofFloats(new int[] {1, 1, 3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    Tensor w = Tensor.ofFloats(new int[] {1, 1, 2, 2}, 1, 1, 1, 1);
    Tensor y = Convolution.conv2d(x, w, Tensor.ofFloats(new int[] {1}, 10),
        new Conv2dOptions(1, 1, 1, 1, 0, 0, 1, 1, 1));
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 3, 3}, 11, 13, 15, 15, 22, 26, 21, 34, 38), y);
  }

  @Test
  void strideAndDilation() {
    Tensor x = Tensor.ofFloats(new int[] {1, 1, 4, 4}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    Tensor w = Tensor.ofFloats(new int[] {1, 1, 2, 2}, 1, 0, 0, -1);
    // Dilation 2: x[i][j] - x[i+2][j+2]; stride 1 over a 4x4 input gives 2x2 outputs, all -10.
    Tensor y = Convolution.conv2d(x, w, null, new Conv2dOptions(1, 1, 0, 0, 0, 0, 2, 2, 1));
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 2, 2}, -10, -10, -10, -10), y);
    // Stride 2, no dilation: x[i][j] - x[i+1][j+1] at (0,0),(0,2),(2,0),(2,2).
    Tensor z = Convolution.conv2d(x, w, null, new Conv2dOptions(2, 2, 0, 0, 0, 0, 1, 1, 1));
    assertEquals(Tensor.ofFloats(new int[] {1, 1, 2, 2}, -5, -5, -5, -5), z);
  }

  @Test
  void depthwiseConvolutionKeepsChannelsApart() {
    // Two channels, groups = 2, a 1x1 kernel per channel scaling by 2 and by -1.
    Tensor x = Tensor.ofFloats(new int[] {1, 2, 1, 2}, 1, 2, 3, 4);
    Tensor w = Tensor.ofFloats(new int[] {2, 1, 1, 1}, 2, -1);
    Tensor y = Convolution.conv2d(x, w, null, new Conv2dOptions(1, 1, 0, 0, 0, 0, 1, 1, 2));
    assertEquals(Tensor.ofFloats(new int[] {1, 2, 1, 2}, 2, 4, -3, -4), y);
  }

  @Test
  void matchesNaiveDotProductsBitForBit() {
    int[][] cases = {
        // n, c, h, w, oc, kh, kw, sh, sw, pt, pl, pb, pr, dh, dw, groups
        {2, 3, 7, 6, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1},
        {1, 4, 9, 9, 4, 3, 3, 2, 2, 1, 0, 2, 1, 1, 1, 4},
        {1, 4, 8, 7, 6, 3, 2, 1, 3, 0, 2, 1, 0, 2, 1, 2},
        {1, 2, 5, 5, 2, 5, 5, 1, 1, 2, 2, 2, 2, 1, 1, 1},
    };
    long seed = 1;
    for (int[] c : cases) {
      Conv2dOptions o = new Conv2dOptions(c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]);
      Tensor x = RandomInit.uniform(DType.F32, new int[] {c[0], c[1], c[2], c[3]}, seed++);
      Tensor w = RandomInit.uniform(DType.F32, new int[] {c[4], c[1] / c[15], c[5], c[6]}, seed++);
      Tensor b = RandomInit.uniform(DType.F32, new int[] {c[4]}, seed++);
      assertEquals(naive(x, w, b, o), Convolution.conv2d(x, w, b, o));

      Tensor xq = RandomInit.uniform(DType.I8, x.shape(), seed++);
      Tensor wq = RandomInit.uniform(DType.I8, w.shape(), seed++);
      Tensor bq = Tensor.ofInts(new int[] {c[4]}, RandomInit.uniform(DType.I32, new int[] {c[4]}, seed++)
          .toIntArray());
      assertEquals(naiveInt(xq, wq, bq, 3, -7, o), Convolution.conv2dInteger(xq, wq, bq, 3, -7, o));
    }
  }

  @Test
  void integerConvolutionSubtractsZeroPointsAndPadsWithThem() {
    Tensor x = Tensor.ofI8(new int[] {1, 1, 1, 2}, 5, 7);
    Tensor w = Tensor.ofI8(new int[] {1, 1, 1, 3}, 1, 2, 3);
    // Padded positions count as the zero point, so they add nothing: ((5-5)*(1-1)... with pad 1 left/right.
    Tensor y = Convolution.conv2dInteger(x, w, Tensor.ofInts(new int[] {1}, 100), 5, 1,
        new Conv2dOptions(1, 1, 0, 1, 0, 1, 1, 1, 1));
    // Window at 0: [pad, 5, 7] -> 0*0 + (5-5)*(2-1) + (7-5)*(3-1) = 4; at 1: [5, 7, pad] -> 0 + 2*1 + 0 = 2.
    assertEquals(Tensor.ofInts(new int[] {1, 1, 1, 2}, 104, 102), y);
  }

  @Test
  void integerAccumulationWrapsLikeInt32() {
    // 128 * 128 * 2^17 = 2^31 overflows to Integer.MIN_VALUE.
    int k = 1 << 17;
    byte[] ones = new byte[k];
    java.util.Arrays.fill(ones, (byte) -128);
    Tensor x = Tensor.ofI8(new int[] {1, k, 1, 1}, ones);
    Tensor w = Tensor.ofI8(new int[] {1, k, 1, 1}, ones);
    Tensor y = Convolution.conv2dInteger(x, w, null, 0, 0, Conv2dOptions.DEFAULT);
    assertEquals(Integer.MIN_VALUE, y.intAt(0));
  }

  @Test
  void shapeErrors() {
    Tensor x = Tensor.zeros(DType.F32, 1, 3, 4, 4);
    assertThrows(KernelException.class, () -> Convolution.conv2d(x, Tensor.zeros(DType.F32, 2, 2, 3, 3), null,
        Conv2dOptions.DEFAULT));
    assertThrows(KernelException.class, () -> Convolution.conv2d(x, Tensor.zeros(DType.F32, 2, 3, 5, 5), null,
        Conv2dOptions.DEFAULT));
    assertThrows(KernelException.class, () -> Convolution.conv2d(x, Tensor.zeros(DType.F32, 2, 1, 1, 1), null,
        new Conv2dOptions(1, 1, 0, 0, 0, 0, 1, 1, 2)));
    assertArrayEquals(new int[] {1, 2, 4, 4}, Convolution.conv2d(x, Tensor.zeros(DType.F32, 2, 3, 3, 3), null,
        new Conv2dOptions(1, 1, 1, 1, 1, 1, 1, 1, 1)).shape());
  }

  /** One dot product per output element over (ic, kh, kw) in increasing order, bias last. */
  static Tensor naive(Tensor x, Tensor w, Tensor b, Conv2dOptions o) {
    int[] xs = x.shape();
    int[] ws = w.shape();
    int oh = Convolution.outputSize(xs[2], ws[2], o.strideH(), o.padTop(), o.padBottom(), o.dilationH());
    int ow = Convolution.outputSize(xs[3], ws[3], o.strideW(), o.padLeft(), o.padRight(), o.dilationW());
    int icg = ws[1];
    int ocg = ws[0] / o.groups();
    float[] out = new float[xs[0] * ws[0] * oh * ow];
    int at = 0;
    for (int n = 0; n < xs[0]; n++) {
      for (int oc = 0; oc < ws[0]; oc++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            float acc = 0;
            for (int c = 0; c < icg; c++) {
              for (int p = 0; p < ws[2]; p++) {
                for (int q = 0; q < ws[3]; q++) {
                  int ih = i * o.strideH() - o.padTop() + p * o.dilationH();
                  int iw = j * o.strideW() - o.padLeft() + q * o.dilationW();
                  if (ih >= 0 && ih < xs[2] && iw >= 0 && iw < xs[3]) {
                    acc += w.getFloat(oc, c, p, q) * x.getFloat(n, oc / ocg * icg + c, ih, iw);
                  }
                }
              }
            }
            out[at++] = acc + b.floatAt(oc);
          }
        }
      }
    }
    return Tensor.wrapFloats(new int[] {xs[0], ws[0], oh, ow}, out);
  }

  static Tensor naiveInt(Tensor x, Tensor w, Tensor b, int zx, int zw, Conv2dOptions o) {
    int[] xs = x.shape();
    int[] ws = w.shape();
    int oh = Convolution.outputSize(xs[2], ws[2], o.strideH(), o.padTop(), o.padBottom(), o.dilationH());
    int ow = Convolution.outputSize(xs[3], ws[3], o.strideW(), o.padLeft(), o.padRight(), o.dilationW());
    int icg = ws[1];
    int ocg = ws[0] / o.groups();
    int[] out = new int[xs[0] * ws[0] * oh * ow];
    int at = 0;
    for (int n = 0; n < xs[0]; n++) {
      for (int oc = 0; oc < ws[0]; oc++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            int acc = b.intAt(oc);
            for (int c = 0; c < icg; c++) {
              for (int p = 0; p < ws[2]; p++) {
                for (int q = 0; q < ws[3]; q++) {
                  int ih = i * o.strideH() - o.padTop() + p * o.dilationH();
                  int iw = j * o.strideW() - o.padLeft() + q * o.dilationW();
                  if (ih >= 0 && ih < xs[2] && iw >= 0 && iw < xs[3]) {
                    acc += (int) ((w.getLong(oc, c, p, q) - zw) * (x.getLong(n, oc / ocg * icg + c, ih, iw) - zx));
                  }
                }
              }
            }
            out[at++] = acc;
          }
        }
      }
    }
    return Tensor.wrapInts(new int[] {xs[0], ws[0], oh, ow}, out);
  }
}

package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cim.im2col and cim.col2im layouts, and that im2col rows times reshaped weights are the convolution. */
class ConvLayoutTest {
  @Test
  void im2colOfTheSecondGroupWithStrideAndPadding() {
    // 2 channels of 3x3, group 1 of 2 (channel 1: 11..19), 2x2 kernel, stride 2, pads 1: output 2x2,
    // windows at (-1,-1), (-1,1), (1,-1), (1,1)
    Tensor x = Tensor.ofI8(new int[] {1, 2, 3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    Tensor rows = ConvLayout.im2col(x, new ConvLayout.Window(2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 2, 1, -7));
    assertArrayEquals(new int[] {4, 4}, rows.shape());
    assertArrayEquals(new byte[] {-7, -7, -7, 11, -7, -7, 12, 13, -7, 14, -7, 17, 15, 16, 18, 19}, rows.toI8Array());
  }

  @Test
  void im2colRowsTimesReshapedWeightsAreTheConvolution() {
    Tensor x = RandomInit.uniform(dev.dyad.runtime.tensor.DType.F32, new int[] {1, 3, 5, 4}, 1);
    Tensor w = RandomInit.uniform(dev.dyad.runtime.tensor.DType.F32, new int[] {2, 3, 3, 2}, 2);
    Tensor conv = Convolution.conv2d(x, w, null, Conv2dOptions.of(new int[] {1, 1}, new int[] {1, 0, 1, 0},
        new int[] {1, 1}, 1));
    Tensor rows = ConvLayout.im2col(x, new ConvLayout.Window(3, 2, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0));
    int k = 3 * 3 * 2;
    float[] r = rows.toFloatArray();
    float[] wv = w.toFloatArray();
    int pixels = rows.dim(0);
    float[] y = new float[2 * pixels];
    for (int p = 0; p < pixels; p++) {
      for (int o = 0; o < 2; o++) {
        float s = 0;
        for (int i = 0; i < k; i++) {
          s += r[p * k + i] * wv[o * k + i];
        }
        y[o * pixels + p] = s;
      }
    }
    assertArrayEquals(conv.toFloatArray(), y);
  }

  @Test
  void col2imPlacesEachGroupsChannels() {
    Tensor g0 = Tensor.ofInts(new int[] {2, 1}, 1, 2);
    Tensor g1 = Tensor.ofInts(new int[] {2, 2}, 10, 20, 11, 21);
    Tensor y = ConvLayout.col2im(List.of(g0, g1), new int[] {1, 3, 1, 2});
    assertArrayEquals(new int[] {1, 2, 10, 11, 20, 21}, y.toIntArray());
    assertThrows(KernelException.class, () -> ConvLayout.col2im(List.of(g0), new int[] {1, 3, 1, 2}));
  }
}

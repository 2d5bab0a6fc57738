package dev.dyad.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
  private static final Tensor R = Tensor.ofInts(new int[] {2, 3}, 0, 1, 2, 3, 4, 5);

  @Test
  void reshapeInfersOneDimensionAndFlattenSplitsAtAnAxis() {
    assertArrayEquals(new int[] {3, 2}, Layout.reshape(R, -1, 2).shape());
    assertThrows(KernelException.class, () -> Layout.reshape(R, 4, -1));
    assertArrayEquals(new int[] {1, 6}, Layout.flatten(R, 0).shape());
    assertArrayEquals(new int[] {6, 1}, Layout.flatten(R, 2).shape());
  }

  @Test
  void transpose() {
    assertEquals(Tensor.ofInts(new int[] {3, 2}, 0, 3, 1, 4, 2, 5), Layout.transpose(R, 1, 0));
    Tensor x = RandomInit.uniform(DType.I64, new int[] {2, 3, 4}, 5);
    Tensor t = Layout.transpose(x, 2, 0, 1);
    assertEquals(x.getLong(1, 2, 3), t.getLong(3, 1, 2));
  }

  @Test
  void concatAndSplit() {
    Tensor c = Layout.concat(List.of(R, Tensor.ofInts(new int[] {2, 1}, 9, 9)), 1);
    assertEquals(Tensor.ofInts(new int[] {2, 4}, 0, 1, 2, 9, 3, 4, 5, 9), c);
    List<Tensor> parts = Layout.split(c, -1, 3, 0, 1);
    assertEquals(R, parts.get(0));
    assertArrayEquals(new int[] {2, 0}, parts.get(1).shape());
    assertEquals(Tensor.ofInts(new int[] {2, 1}, 9, 9), parts.get(2));
    assertThrows(KernelException.class, () -> Layout.split(c, 1, 2, 1));
  }

  @Test
  void sliceWithNegativeStepsAndClamping() {
    Tensor v = Tensor.ofInts(new int[] {5}, 0, 1, 2, 3, 4);
    assertEquals(Tensor.ofInts(new int[] {5}, 4, 3, 2, 1, 0), slice(v, -1, Long.MIN_VALUE, -1));
    assertEquals(Tensor.ofInts(new int[] {2}, 4, 2), slice(v, 100, 1, -2));
    assertEquals(Tensor.ofInts(new int[] {2}, 1, 3), slice(v, 1, Long.MAX_VALUE, 2));
    assertEquals(Tensor.ofInts(new int[] {0}), slice(v, 3, 1, 1));
    assertEquals(Tensor.ofInts(new int[] {2}, 3, 4), slice(v, -2, 100, 1));
    Tensor two = Layout.slice(R, new long[] {-1, 2}, new long[] {-3, 0}, new int[] {0, 1}, new long[] {-1, -1});
    assertEquals(Tensor.ofInts(new int[] {2, 2}, 5, 4, 2, 1), two);
    assertThrows(KernelException.class, () -> slice(v, 0, 1, 0));
  }

  private static Tensor slice(Tensor v, long start, long end, long step) {
    return Layout.slice(v, new long[] {start}, new long[] {end}, new int[] {0}, new long[] {step});
  }

  @Test
  void padModes() {
    Tensor v = Tensor.ofFloats(new int[] {1, 3}, 1, 2, 3);
    int[] pads = {0, 2, 0, 1};
    assertEquals(Tensor.ofFloats(new int[] {1, 6}, 7, 7, 1, 2, 3, 7), Layout.pad(v, pads, Layout.PadMode.CONSTANT, 7));
    assertEquals(Tensor.ofFloats(new int[] {1, 6}, 3, 2, 1, 2, 3, 2), Layout.pad(v, pads, Layout.PadMode.REFLECT, 0));
    assertEquals(Tensor.ofFloats(new int[] {1, 6}, 1, 1, 1, 2, 3, 3), Layout.pad(v, pads, Layout.PadMode.EDGE, 0));
    assertEquals(Tensor.ofFloats(new int[] {1, 1}, 2), Layout.pad(v, new int[] {0, -1, 0, -1},
        Layout.PadMode.CONSTANT, 0));
    assertThrows(KernelException.class, () -> Layout.pad(v, new int[] {0, 3, 0, 0}, Layout.PadMode.REFLECT, 0));
    Tensor i8 = Layout.pad(Tensor.ofI8(new int[] {1}, 5), new int[] {1, 0}, Layout.PadMode.CONSTANT, -300);
    assertEquals(Tensor.ofI8(new int[] {2}, -128, 5), i8);
  }

  @Test
  void gatherAndEmbedding() {
    Tensor idx = Tensor.ofLongs(new int[] {2, 2}, 0, -1, 2, 1);
    Tensor g = Layout.gather(R, idx, 1);
    assertEquals(Tensor.ofInts(new int[] {2, 2, 2}, 0, 2, 2, 1, 3, 5, 5, 4), g);
    Tensor table = Tensor.ofFloats(new int[] {3, 2}, 0, 0, 1, 1, 2, 2);
    assertEquals(Tensor.ofFloats(new int[] {2, 2}, 2, 2, 1, 1),
        Layout.embedding(table, Tensor.ofInts(new int[] {2}, 2, 1)));
    assertThrows(KernelException.class, () -> Layout.gather(R, Tensor.ofInts(new int[] {1}, 3), 1));
  }
}

package dev.dyad.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.dialect.nn.ConstantViews;
import dev.dyad.dialect.nn.RandomAttr;
import dev.dyad.dialect.nn.ViewAttr;
import dev.dyad.dialect.nn.ViewStep;
import dev.dyad.dialect.nn.WeightsAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.reference.InterpreterException;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.reference.Tensors;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code #nn.view} constants: the compile-time fold of a view over a dense value
 * ({@link ConstantViews}, on raw bits) and the interpreter's reading of the same view over a
 * generator or file value (the nn layout kernels) give the same elements, for random chains of
 * reshapes, transposes, slices and pads.
 */
class ConstantViewTest {
  @TempDir
  Path dir;

  @Test
  void foldedDenseValuesEqualTheInterpretedViews() throws InterpreterException {
    Random rng = new Random(0x71e3);
    NnInterpreter interpreter = new NnInterpreter(null);
    for (int i = 0; i < 300; i++) {
      Type element = rng.nextBoolean() ? IntegerType.I8 : FloatType.F32;
      List<Long> shape = new ArrayList<>();
      for (int d = 1 + rng.nextInt(3); d > 0; d--) {
        shape.add(1L + rng.nextInt(4));
      }
      RankedTensorType type = new RankedTensorType(shape, element);
      long seed = rng.nextLong();
      Tensor base = RandomInit.uniform(Tensors.dtype(element), Tensors.shape(type), seed);
      Attribute dense = dense(base, type);
      Attribute view = new RandomAttr(seed);
      StringBuilder chain = new StringBuilder();
      for (int s = 1 + rng.nextInt(5); s > 0; s--) {
        ViewStep step = randomStep(rng, type.shape());
        chain.append(step.keyword()).append(' ').append(step.arguments()).append("; ");
        dense = ConstantViews.apply(dense, type, step);
        view = ConstantViews.apply(view, type, step);
        type = ConstantViews.resultType(type, step);
      }
      Tensor folded = Tensors.fromDense((DenseElementsAttr) dense, Tensors.dtype(element));
      Tensor read = constant(interpreter, view, type);
      assertEquals(folded, read, chain.toString());
    }
  }

  @Test
  void viewsOfFileWeightsReadTheBaseShapeAtTheOffset() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(3 + 6).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {9, 9, 9, 1, 2, 3, 4, 5, 6});
    Files.write(dir.resolve("w.bin"), b.array());
    // [[1, 2, 3], [4, 5, 6]] transposed, then a column of -1 on the right: [[1, 4, -1], [2, 5, -1], [3, 6, -1]].
    ViewAttr view = new ViewAttr(new WeightsAttr("w.bin", 3), List.of(2L, 3L),
        List.of(new ViewStep.Transpose(List.of(1L, 0L)), new ViewStep.Pad(List.of(0L, 0L, 0L, 1L), -1)));
    Tensor t = constant(new NnInterpreter(dir), view, new RankedTensorType(List.of(3L, 3L), IntegerType.I8));
    assertArrayEquals(new byte[] {1, 4, -1, 2, 5, -1, 3, 6, -1}, t.toI8Array());
  }

  @Test
  void consecutiveReshapesMergeAndCancel() {
    RankedTensorType type = new RankedTensorType(List.of(2L, 6L), IntegerType.I8);
    Attribute v = ConstantViews.apply(new RandomAttr(1), type, new ViewStep.Reshape(List.of(3L, 4L)));
    RankedTensorType t34 = ConstantViews.resultType(type, new ViewStep.Reshape(List.of(3L, 4L)));
    Attribute merged = ConstantViews.apply(v, t34, new ViewStep.Reshape(List.of(12L)));
    assertEquals("#nn.view<#nn.random<1>, [2, 6], reshape [12]>", merged.toString());
    Attribute back = ConstantViews.apply(v, t34, new ViewStep.Reshape(List.of(2L, 6L)));
    assertInstanceOf(RandomAttr.class, back);
  }

  private static Tensor constant(NnInterpreter interpreter, Attribute value, RankedTensorType type)
      throws InterpreterException {
    return interpreter.evaluate(ConstantOp.NAME, DictionaryAttr.EMPTY.with(ConstantOp.VALUE, value), List.of(),
        List.of(type)).get(0);
  }

  private static Attribute dense(Tensor t, RankedTensorType type) {
    long[] bits = new long[t.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = t.dtype() == DType.F32 ? Float.floatToRawIntBits(t.floatAt(i)) : t.i8At(i);
    }
    return DenseElementsAttr.get(type, bits);
  }

  /** A step that fits {@code shape}. */
  private static ViewStep randomStep(Random rng, List<Long> shape) {
    int rank = shape.size();
    switch (rng.nextInt(4)) {
      case 0 -> {
        long count = 1;
        for (long d : shape) {
          count *= d;
        }
        List<Long> to = new ArrayList<>();
        for (long d = 2; d <= count; d++) {
          if (count % d == 0 && rng.nextBoolean()) {
            to.add(d);
            count /= d;
            d = 1;
          }
        }
        to.add(count);
        return new ViewStep.Reshape(to);
      }
      case 1 -> {
        List<Long> perm = new ArrayList<>();
        for (long d = 0; d < rank; d++) {
          perm.add(rng.nextInt(perm.size() + 1), d);
        }
        return new ViewStep.Transpose(perm);
      }
      case 2 -> {
        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        for (long d : shape) {
          long s = rng.nextInt((int) d);
          starts.add(s);
          ends.add(s + 1 + rng.nextInt((int) (d - s)));
        }
        return new ViewStep.Slice(starts, ends);
      }
      default -> {
        List<Long> pads = new ArrayList<>();
        for (int d = 0; d < 2 * rank; d++) {
          pads.add((long) rng.nextInt(3));
        }
        return new ViewStep.Pad(pads, rng.nextInt(256) - 128);
      }
    }
  }
}

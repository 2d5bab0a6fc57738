package dev.dyad.runtime.cim;

import dev.dyad.runtime.tensor.Tensor;

/** Slices on one axis of a row-major tensor: the values of meta.load_slice and meta.store_slice. */
final class TensorSlices {
  private TensorSlices() {}

  /** {@code t[..., offset : offset + count, ...]} on {@code axis}. */
  static Tensor slice(Tensor t, int axis, int offset, int count) {
    int[] shape = t.shape().clone();
    int inner = inner(shape, axis);
    int outer = t.size() / (shape[axis] * inner);
    Object from = t.copyData();
    Object to = Tensor.newArray(t.dtype(), outer * count * inner);
    for (int o = 0; o < outer; o++) {
      System.arraycopy(from, (o * shape[axis] + offset) * inner, to, o * count * inner, count * inner);
    }
    shape[axis] = count;
    return Tensor.wrap(t.dtype(), shape, to);
  }

  /** {@code dest} (zeros of {@code shape} if null) with {@code block} at {@code offset} on {@code axis}. */
  static Tensor insert(Tensor dest, Tensor block, int[] shape, int axis, int offset) {
    Object to = dest == null ? Tensor.newArray(block.dtype(), size(shape)) : dest.copyData();
    Object from = block.copyData();
    int inner = inner(shape, axis);
    int count = block.dim(axis);
    int outer = size(shape) / (shape[axis] * inner);
    for (int o = 0; o < outer; o++) {
      System.arraycopy(from, o * count * inner, to, (o * shape[axis] + offset) * inner, count * inner);
    }
    return Tensor.wrap(block.dtype(), shape.clone(), to);
  }

  private static int inner(int[] shape, int axis) {
    int inner = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      inner *= shape[i];
    }
    return inner;
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}

package dev.dyad.runtime.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by tensors and kernels: sizes, row-major strides, numpy broadcasting, axes. */
public final class Shapes {
  private Shapes() {}

  /** Number of elements; throws if a dimension is negative or the count exceeds {@code Integer.MAX_VALUE}. */
  public static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + toString(shape));
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("shape " + toString(shape) + " has more than 2^31-1 elements");
      }
    }
    return (int) n;
  }

  /** Row-major (C order) strides in elements. */
  public static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= shape[i];
    }
    return strides;
  }

  /** The numpy broadcast of two shapes; throws {@link KernelException} when they are incompatible. */
  public static int[] broadcast(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new KernelException("shapes " + toString(a) + " and " + toString(b) + " do not broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * Strides for reading a tensor of shape {@code from} as if it had the (broadcast) shape {@code to}:
   * broadcast dimensions get stride 0.
   */
  public static int[] broadcastStrides(int[] from, int[] to) {
    int[] own = strides(from);
    int[] out = new int[to.length];
    int offset = to.length - from.length;
    for (int i = offset; i < to.length; i++) {
      out[i] = from[i - offset] == 1 ? 0 : own[i - offset];
    }
    return out;
  }

  /** Resolves a possibly negative axis against {@code rank}; throws {@link KernelException} when out of range. */
  public static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new KernelException("axis " + axis + " is out of range for rank " + rank);
    }
    return a;
  }

  /** MLIR spelling of a shape: {@code 2x3x4}, or the empty string for a scalar. */
  public static String toString(int[] shape) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        sb.append('x');
      }
      sb.append(shape[i]);
    }
    return shape.length == 0 ? "[]" : sb.toString();
  }

  static int[] checked(int[] shape) {
    int[] copy = Arrays.copyOf(shape, shape.length);
    size(copy);
    return copy;
  }
}

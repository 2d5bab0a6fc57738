package dev.dyad.dialect.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape arithmetic of the nn ops (broadcasting, convolution and pooling windows, slicing),
 * shared by their type inference and by anything that executes or lowers them.
 */
public final class Shapes {
  private Shapes() {}

  /**
   * The numpy broadcast of two shapes (aligned at the trailing dimension; a dimension of 1
   * stretches), or null when they are not broadcastable.
   */
  public static long[] broadcast(long[] a, long[] b) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (x != y && x != 1 && y != 1) {
        return null;
      }
      out[i] = x == 1 ? y : x;
    }
    return out;
  }

  /** The extent of a dilated kernel, {@code dilation · (kernel − 1) + 1}, or -1 when it overflows a long. */
  public static long effectiveKernel(long kernel, long dilation) {
    try {
      return Math.addExact(Math.multiplyExact(dilation, kernel - 1), 1);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  /**
   * How far a window can move along an axis: {@code in + padBegin + padEnd − effectiveKernel},
   * or -1 when it is negative (the window does not fit) or overflows a long.
   */
  private static long span(long in, long kernel, long padBegin, long padEnd, long dilation) {
    long extent = effectiveKernel(kernel, dilation);
    try {
      long span = Math.subtractExact(Math.addExact(Math.addExact(in, padBegin), padEnd), extent);
      return extent < 0 ? -1 : Math.max(span, -1);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  /**
   * The output size of a convolution along one spatial axis:
   * {@code floor((in + padBegin + padEnd - effectiveKernel) / stride) + 1}, or -1 when the
   * dilated kernel does not fit the padded input (or the sizes overflow a long).
   */
  public static long convOutputSize(long in, long kernel, long stride, long padBegin, long padEnd, long dilation) {
    long span = span(in, kernel, padBegin, padEnd, dilation);
    return span < 0 ? -1 : span / stride + 1;
  }

  /**
   * The output size of a pooling along one spatial axis: as {@link #convOutputSize} with
   * {@code ceil} instead of {@code floor} when {@code ceilMode}, where (PyTorch's rule) a last
   * window that would start beyond the input and its begin padding is dropped; -1 when the
   * window does not fit the padded input.
   */
  public static long poolOutputSize(long in, long kernel, long stride, long padBegin, long padEnd, long dilation,
      boolean ceilMode) {
    long span = span(in, kernel, padBegin, padEnd, dilation);
    if (span < 0) {
      return -1;
    }
    if (!ceilMode) {
      return span / stride + 1;
    }
    long out = ceilDiv(span, stride) + 1;
    long lastStart;
    try {
      lastStart = Math.multiplyExact(out - 1, stride);
    } catch (ArithmeticException e) {
      lastStart = Long.MAX_VALUE;
    }
    // in + padBegin fits: span showed that in + padBegin + padEnd does.
    if (lastStart >= in + padBegin) {
      out--;
    }
    return out;
  }

  /**
   * ONNX Slice along one axis of size {@code dim}: negative {@code start}/{@code end} count from
   * the end, then both are clamped ({@code [0, dim]} for a positive step, {@code [0, dim - 1]}
   * and {@code [-1, dim - 1]} for a negative one). Returns {start, end, count} with
   * {@code count = max(0, ceil((end - start) / step))}; the elements are
   * {@code start + i * step} for {@code i < count}.
   */
  public static long[] slice(long dim, long start, long end, long step) {
    if (step == 0) {
      throw new IllegalArgumentException("slice step must not be 0");
    }
    long s = start < 0 ? saturatingAdd(start, dim) : start;
    long e = end < 0 ? saturatingAdd(end, dim) : end;
    if (step > 0) {
      s = clamp(s, 0, dim);
      e = clamp(e, 0, dim);
    } else {
      s = clamp(s, 0, dim - 1);
      e = clamp(e, -1, dim - 1);
    }
    long count = step > 0 ? ceilDiv(e - s, step) : ceilDiv(s - e, -step);
    return new long[] {s, e, Math.max(0, count)};
  }

  /**
   * {@code axis} made non-negative for a tensor of rank {@code rank} (so {@code -1} is the last
   * axis), or -1 when it is outside {@code [-rank, rank + extra)}; {@code extra} is 1 for ops whose
   * axis may also name the position after the last dimension (flatten).
   */
  public static int normalizeAxis(long axis, int rank, int extra) {
    if (axis < -rank || axis >= rank + extra) {
      return -1;
    }
    return (int) (axis < 0 ? axis + rank : axis);
  }

  /** The product of {@code dims[from..to)}, or -1 when it overflows a long. */
  public static long product(long[] dims, int from, int to) {
    for (int i = from; i < to; i++) {
      if (dims[i] == 0) {
        return 0;
      }
    }
    long n = 1;
    for (int i = from; i < to; i++) {
      if (dims[i] != 0 && n > Long.MAX_VALUE / dims[i]) {
        return -1;
      }
      n *= dims[i];
    }
    return n;
  }

  public static long[] toArray(List<Long> shape) {
    long[] out = new long[shape.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = shape.get(i);
    }
    return out;
  }

  public static List<Long> toList(long[] shape) {
    List<Long> out = new ArrayList<>(shape.length);
    for (long d : shape) {
      out.add(d);
    }
    return out;
  }

  /** {@code [2, 3]}: a shape or integer array as diagnostics show it. */
  public static String format(long[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return sb.append(']').toString();
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    // Overflow only when both have the same sign and the result does not.
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}

package dev.dyad.dialect.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * One data-layout step of an {@link ViewAttr}: the semantics of {@code nn.reshape},
 * {@code nn.transpose}, {@code nn.slice} (unit steps, every axis) or {@code nn.pad} (constant
 * mode) on a constant's elements. Each step knows its result shape and how it moves raw elements,
 * so that views over dense values fold at compile time.
 */
public sealed interface ViewStep {
  /** The step's keyword in {@code #nn.view<...>}. */
  String keyword();

  /**
   * The shape after this step for an input of {@code shape}.
   *
   * @throws IllegalArgumentException when the step does not fit the shape (the message says why)
   */
  List<Long> resultShape(List<Long> shape);

  /** The step's raw elements (row-major, one long each) for input {@code data} of {@code shape}. */
  long[] apply(long[] data, List<Long> shape, long padBits);

  /** The text after the keyword, as printed. */
  String arguments();

  /** Row-major reshape to {@code shape} (same element count). */
  record Reshape(List<Long> shape) implements ViewStep {
    public Reshape {
      shape = List.copyOf(shape);
    }

    @Override
    public String keyword() {
      return "reshape";
    }

    @Override
    public List<Long> resultShape(List<Long> in) {
      for (long d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException("reshape sizes must not be negative, but are " + list(shape));
        }
      }
      if (count(in) != count(shape)) {
        throw new IllegalArgumentException("reshape " + list(shape) + " has " + count(shape)
            + " elements, but its input " + list(in) + " has " + count(in));
      }
      return shape;
    }

    @Override
    public long[] apply(long[] data, List<Long> in, long padBits) {
      return data.clone();
    }

    @Override
    public String arguments() {
      return list(shape);
    }
  }

  /** Output dimension {@code i} is input dimension {@code perm[i]}. */
  record Transpose(List<Long> perm) implements ViewStep {
    public Transpose {
      perm = List.copyOf(perm);
    }

    @Override
    public String keyword() {
      return "transpose";
    }

    @Override
    public List<Long> resultShape(List<Long> in) {
      if (perm.size() != in.size()) {
        throw new IllegalArgumentException("transpose " + list(perm) + " needs " + in.size()
            + " entries for the input " + list(in));
      }
      boolean[] seen = new boolean[in.size()];
      List<Long> out = new ArrayList<>();
      for (long p : perm) {
        if (p < 0 || p >= in.size() || seen[(int) p]) {
          throw new IllegalArgumentException("transpose " + list(perm) + " is not a permutation of 0.."
              + (in.size() - 1));
        }
        seen[(int) p] = true;
        out.add(in.get((int) p));
      }
      return out;
    }

    @Override
    public long[] apply(long[] data, List<Long> in, long padBits) {
      int rank = in.size();
      long[] inStrides = strides(in);
      List<Long> outShape = resultShape(in);
      long[] out = new long[data.length];
      int[] index = new int[rank];
      for (int o = 0; o < out.length; o++) {
        long at = 0;
        for (int d = 0; d < rank; d++) {
          at += index[d] * inStrides[perm.get(d).intValue()];
        }
        out[o] = data[(int) at];
        next(index, outShape);
      }
      return out;
    }

    @Override
    public String arguments() {
      return list(perm);
    }
  }

  /** Elements {@code starts[d] <= i < ends[d]} of every axis d. */
  record Slice(List<Long> starts, List<Long> ends) implements ViewStep {
    public Slice {
      starts = List.copyOf(starts);
      ends = List.copyOf(ends);
    }

    @Override
    public String keyword() {
      return "slice";
    }

    @Override
    public List<Long> resultShape(List<Long> in) {
      if (starts.size() != in.size() || ends.size() != in.size()) {
        throw new IllegalArgumentException("slice " + arguments() + " needs " + in.size()
            + " starts and ends for the input " + list(in));
      }
      List<Long> out = new ArrayList<>();
      for (int d = 0; d < in.size(); d++) {
        long s = starts.get(d);
        long e = ends.get(d);
        if (s < 0 || s > e || e > in.get(d)) {
          throw new IllegalArgumentException("slice " + arguments() + " must have 0 <= start <= end <= size on"
              + " every axis of the input " + list(in));
        }
        out.add(e - s);
      }
      return out;
    }

    @Override
    public long[] apply(long[] data, List<Long> in, long padBits) {
      List<Long> outShape = resultShape(in);
      long[] inStrides = strides(in);
      long[] out = new long[(int) count(outShape)];
      int[] index = new int[in.size()];
      for (int o = 0; o < out.length; o++) {
        long at = 0;
        for (int d = 0; d < index.length; d++) {
          at += (index[d] + starts.get(d)) * inStrides[d];
        }
        out[o] = data[(int) at];
        next(index, outShape);
      }
      return out;
    }

    @Override
    public String arguments() {
      return list(starts) + " " + list(ends);
    }
  }

  /**
   * Constant padding, {@code pads} in nn.pad's order (all begins, then all ends), filled with
   * {@code value}: an integer, converted to the element type.
   */
  record Pad(List<Long> pads, long value) implements ViewStep {
    public Pad {
      pads = List.copyOf(pads);
    }

    @Override
    public String keyword() {
      return "pad";
    }

    @Override
    public List<Long> resultShape(List<Long> in) {
      int rank = in.size();
      if (pads.size() != 2 * rank) {
        throw new IllegalArgumentException("pad " + list(pads) + " needs " + 2 * rank + " amounts for the input "
            + list(in));
      }
      List<Long> out = new ArrayList<>();
      for (int d = 0; d < rank; d++) {
        if (pads.get(d) < 0 || pads.get(d + rank) < 0) {
          throw new IllegalArgumentException("pad amounts must not be negative, but are " + list(pads));
        }
        out.add(in.get(d) + pads.get(d) + pads.get(d + rank));
      }
      return out;
    }

    @Override
    public long[] apply(long[] data, List<Long> in, long padBits) {
      List<Long> outShape = resultShape(in);
      int rank = in.size();
      long[] inStrides = strides(in);
      long[] out = new long[(int) count(outShape)];
      int[] index = new int[rank];
      for (int o = 0; o < out.length; o++) {
        long at = 0;
        boolean inside = true;
        for (int d = 0; d < rank && inside; d++) {
          long i = index[d] - pads.get(d);
          inside = i >= 0 && i < in.get(d);
          at += i * inStrides[d];
        }
        out[o] = inside ? data[(int) at] : padBits;
        next(index, outShape);
      }
      return out;
    }

    @Override
    public String arguments() {
      return list(pads) + " " + value;
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The number of elements of {@code shape}. */
  static long count(List<Long> shape) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  static String list(List<Long> values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return b.append(']').toString();
  }

  private static long[] strides(List<Long> shape) {
    long[] strides = new long[shape.size()];
    long s = 1;
    for (int d = shape.size() - 1; d >= 0; d--) {
      strides[d] = s;
      s *= shape.get(d);
    }
    return strides;
  }

  /** Advances a row-major multi-index over {@code shape}. */
  private static void next(int[] index, List<Long> shape) {
    for (int d = index.length - 1; d >= 0; d--) {
      if (++index[d] < shape.get(d)) {
        return;
      }
      index[d] = 0;
    }
  }
}

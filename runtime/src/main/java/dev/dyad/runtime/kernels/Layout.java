package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Shapes;
import dev.dyad.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Data-movement kernels for any element type: reshape, transpose, concat, slice, split, pad, flatten and
 * gather/embedding. They copy elements and never change their values.
 */
public final class Layout {
  private Layout() {}

  /** The modes of {@link #pad}. */
  public enum PadMode { CONSTANT, REFLECT, EDGE }

  /** Reshape; at most one dimension may be -1 and is inferred. */
  public static Tensor reshape(Tensor x, int... shape) {
    int[] s = shape.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (infer >= 0) {
          throw new KernelException("reshape: more than one -1 in " + Arrays.toString(shape));
        }
        infer = i;
      } else if (s[i] < 0) {
        throw new KernelException("reshape: negative dimension in " + Arrays.toString(shape));
      } else {
        known *= s[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || x.size() % known != 0) {
        throw new KernelException("reshape: cannot infer -1 in " + Arrays.toString(shape) + " for "
            + x.size() + " elements");
      }
      s[infer] = (int) (x.size() / known);
    }
    if (Shapes.size(s) != x.size()) {
      throw new KernelException("reshape: " + Shapes.toString(x.shape()) + " has " + x.size()
          + " elements, " + Arrays.toString(shape) + " needs " + Shapes.size(s));
    }
    return x.reshape(s);
  }

  /** [d0, ..., dn] to [d0 * ... * d(axis-1), d(axis) * ... * dn]; axis in [-rank, rank]. */
  public static Tensor flatten(Tensor x, int axis) {
    int rank = x.rank();
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a > rank) {
      throw new KernelException("flatten: axis " + axis + " is out of range for rank " + rank);
    }
    int outer = Shapes.size(Arrays.copyOf(x.shape(), a));
    return x.reshape(outer, Shapes.size(Arrays.copyOfRange(x.shape(), a, rank)));
  }

  /** Output axis i is input axis perm[i]. */
  public static Tensor transpose(Tensor x, int... perm) {
    int rank = x.rank();
    if (perm.length != rank) {
      throw new KernelException("transpose: permutation " + Arrays.toString(perm) + " for rank " + rank);
    }
    boolean[] seen = new boolean[rank];
    int[] in = x.shape();
    int[] inStrides = x.strides();
    int[] outShape = new int[rank];
    int[] strides = new int[rank];
    for (int i = 0; i < rank; i++) {
      if (perm[i] < 0 || perm[i] >= rank || seen[perm[i]]) {
        throw new KernelException("transpose: " + Arrays.toString(perm) + " is not a permutation");
      }
      seen[perm[i]] = true;
      outShape[i] = in[perm[i]];
      strides[i] = inStrides[perm[i]];
    }
    return gatherStrided(x, outShape, 0, strides);
  }

  /** Joins tensors of one element type along {@code axis}; all other dimensions must agree. */
  public static Tensor concat(List<Tensor> inputs, int axis) {
    if (inputs.isEmpty()) {
      throw new KernelException("concat of no tensors");
    }
    Tensor first = inputs.get(0);
    int rank = first.rank();
    int ax = Shapes.axis(axis, rank);
    int[] outShape = first.shape();
    outShape[ax] = 0;
    for (Tensor t : inputs) {
      int[] s = t.shape();
      if (t.dtype() != first.dtype() || s.length != rank) {
        throw new KernelException("concat: operands differ in type or rank");
      }
      for (int i = 0; i < rank; i++) {
        if (i != ax && s[i] != first.dim(i)) {
          throw new KernelException("concat: shapes " + Shapes.toString(first.shape()) + " and "
              + Shapes.toString(s) + " differ outside axis " + ax);
        }
      }
      outShape[ax] += s[ax];
    }
    int outer = Shapes.size(Arrays.copyOf(outShape, ax));
    int inner = Shapes.size(Arrays.copyOfRange(outShape, ax + 1, rank));
    Object out = Tensor.newArray(first.dtype(), Shapes.size(outShape));
    int rowOut = outShape[ax] * inner;
    int offset = 0;
    for (Tensor t : inputs) {
      int chunk = t.dim(ax) * inner;
      Object src = t.copyData();
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, o * chunk, out, o * rowOut + offset, chunk);
      }
      offset += chunk;
    }
    return Tensor.wrap(first.dtype(), outShape, out);
  }

  /**
   * ONNX Slice: for each listed axis, elements start, start + step, ... before end. Negative starts and ends
   * count from the end; then start is clamped to [0, dim] (step > 0) or [0, dim - 1] (step < 0) and end to
   * [0, dim] or [-1, dim - 1]. Unlisted axes are kept whole. Bounds are longs so that ONNX's INT64 sentinels
   * work.
   */
  public static Tensor slice(Tensor x, long[] starts, long[] ends, int[] axes, long[] steps) {
    int rank = x.rank();
    if (starts.length != ends.length || axes.length != starts.length || steps.length != starts.length) {
      throw new KernelException("slice: starts, ends, axes and steps must have the same length");
    }
    int[] in = x.shape();
    int[] first = new int[rank];
    int[] step = new int[rank];
    int[] outShape = in.clone();
    Arrays.fill(step, 1);
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      int ax = Shapes.axis(axes[i], rank);
      if (seen[ax]) {
        throw new KernelException("slice: axis " + ax + " listed twice");
      }
      seen[ax] = true;
      if (steps[i] == 0) {
        throw new KernelException("slice: step must not be 0");
      }
      long dim = in[ax];
      long s = starts[i] < 0 ? starts[i] + dim : starts[i];
      long e = ends[i] < 0 ? ends[i] + dim : ends[i];
      long count;
      if (steps[i] > 0) {
        s = clamp(s, 0, dim);
        e = clamp(e, 0, dim);
        count = e > s ? (e - s + steps[i] - 1) / steps[i] : 0;
      } else {
        s = clamp(s, 0, dim - 1);
        e = clamp(e, -1, dim - 1);
        count = s > e ? (s - e + (-steps[i]) - 1) / (-steps[i]) : 0;
      }
      first[ax] = (int) s;
      // With two or more elements |step| < dim, so it fits an int; otherwise it is never used.
      step[ax] = count > 1 ? (int) steps[i] : 1;
      outShape[ax] = (int) count;
    }
    int[] inStrides = x.strides();
    int base = 0;
    int[] strides = new int[rank];
    for (int i = 0; i < rank; i++) {
      if (outShape[i] > 0) {
        base += first[i] * inStrides[i];
      }
      strides[i] = step[i] * inStrides[i];
    }
    return gatherStrided(x, outShape, base, strides);
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Splits along {@code axis} into pieces of the given sizes, which must add up to the dimension. */
  public static List<Tensor> split(Tensor x, int axis, int... sizes) {
    int ax = Shapes.axis(axis, x.rank());
    long total = 0;
    for (int s : sizes) {
      if (s < 0) {
        throw new KernelException("split: negative size " + s);
      }
      total += s;
    }
    if (total != x.dim(ax)) {
      throw new KernelException("split: sizes " + Arrays.toString(sizes) + " do not add up to dimension "
          + x.dim(ax));
    }
    List<Tensor> out = new ArrayList<>();
    long start = 0;
    for (int s : sizes) {
      out.add(slice(x, new long[] {start}, new long[] {start + s}, new int[] {ax}, new long[] {1}));
      start += s;
    }
    return out;
  }

  /** Splits along {@code axis} into {@code parts} equal pieces. */
  public static List<Tensor> splitEqual(Tensor x, int axis, int parts) {
    int dim = x.dim(axis);
    if (parts <= 0 || dim % parts != 0) {
      throw new KernelException("split: dimension " + dim + " is not divisible into " + parts + " parts");
    }
    int[] sizes = new int[parts];
    Arrays.fill(sizes, dim / parts);
    return split(x, axis, sizes);
  }

  /**
   * Pads in ONNX order: {@code pads} holds the begin amounts of every axis, then the end amounts; negative
   * amounts crop. CONSTANT fills with {@code value} (converted to the element type), REFLECT mirrors without
   * repeating the edge (pads must be smaller than the dimension), EDGE repeats the edge element.
   */
  public static Tensor pad(Tensor x, int[] pads, PadMode mode, double value) {
    int rank = x.rank();
    if (pads.length != 2 * rank) {
      throw new KernelException("pad: expected " + 2 * rank + " pad amounts, got " + pads.length);
    }
    int[] in = x.shape();
    int[] outShape = new int[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = in[i] + pads[i] + pads[i + rank];
      if (outShape[i] < 0) {
        throw new KernelException("pad: axis " + i + " would have negative size");
      }
      if (mode != PadMode.CONSTANT && outShape[i] > 0 && in[i] == 0) {
        throw new KernelException("pad: cannot " + mode.name().toLowerCase() + "-pad an empty axis");
      }
      if (mode == PadMode.REFLECT && (pads[i] >= in[i] || pads[i + rank] >= in[i])
          && (pads[i] > 0 || pads[i + rank] > 0)) {
        throw new KernelException("pad: reflect padding of axis " + i + " needs pads smaller than " + in[i]);
      }
    }
    int n = Shapes.size(outShape);
    Object out = Tensor.newArray(x.dtype(), n);
    Object src = x.copyData();
    int[] inStrides = x.strides();
    int[] index = new int[rank];
    for (int o = 0; o < n; o++) {
      int at = 0;
      boolean inside = true;
      for (int d = 0; d < rank; d++) {
        int i = index[d] - pads[d];
        if (i < 0 || i >= in[d]) {
          if (mode == PadMode.CONSTANT) {
            inside = false;
            break;
          }
          i = mode == PadMode.EDGE ? Math.max(0, Math.min(in[d] - 1, i)) : reflect(i, in[d]);
        }
        at += i * inStrides[d];
      }
      if (inside) {
        copyElement(src, at, out, o);
      } else {
        setElement(x.dtype(), out, o, value);
      }
      for (int d = rank - 1; d >= 0; d--) {
        if (++index[d] < outShape[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    return Tensor.wrap(x.dtype(), outShape, out);
  }

  private static int reflect(int i, int dim) {
    if (dim == 1) {
      return 0;
    }
    int period = 2 * (dim - 1);
    int r = Math.floorMod(i, period);
    return r < dim ? r : period - r;
  }

  /**
   * Gathers slices of {@code x} along {@code axis} at {@code indices} (i32 or i64, negative counting from the
   * end): the result's shape is x's with that axis replaced by the shape of indices.
   */
  public static Tensor gather(Tensor x, Tensor indices, int axis) {
    if (indices.dtype() != DType.I32 && indices.dtype() != DType.I64) {
      throw new KernelException("gather: indices must be i32 or i64, got " + indices.dtype());
    }
    int rank = x.rank();
    int ax = Shapes.axis(axis, rank);
    int[] in = x.shape();
    int dim = in[ax];
    int outer = Shapes.size(Arrays.copyOf(in, ax));
    int inner = Shapes.size(Arrays.copyOfRange(in, ax + 1, rank));
    int count = indices.size();
    int[] outShape = new int[rank - 1 + indices.rank()];
    System.arraycopy(in, 0, outShape, 0, ax);
    System.arraycopy(indices.shape(), 0, outShape, ax, indices.rank());
    System.arraycopy(in, ax + 1, outShape, ax + indices.rank(), rank - ax - 1);
    Object src = x.copyData();
    Object out = Tensor.newArray(x.dtype(), Shapes.size(outShape));
    for (int k = 0; k < count; k++) {
      long idx = indices.getAsLong(k);
      long i = idx < 0 ? idx + dim : idx;
      if (i < 0 || i >= dim) {
        throw new KernelException("gather: index " + idx + " is out of range for dimension " + dim);
      }
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, (o * dim + (int) i) * inner, out, (o * count + k) * inner, inner);
      }
    }
    return Tensor.wrap(x.dtype(), outShape, out);
  }

  /** Rows of {@code table} [V, D] at {@code ids}: [ids..., D]. */
  public static Tensor embedding(Tensor table, Tensor ids) {
    if (table.rank() != 2) {
      throw new KernelException("embedding: table must be [vocabulary, dim], got " + Shapes.toString(table.shape()));
    }
    return gather(table, ids, 0);
  }

  /** Elements at {@code base + sum index[i] * strides[i]} for every index of {@code shape}, in row-major order. */
  private static Tensor gatherStrided(Tensor x, int[] shape, int base, int[] strides) {
    int rank = shape.length;
    int n = Shapes.size(shape);
    Object src = x.copyData();
    Object out = Tensor.newArray(x.dtype(), n);
    int[] index = new int[rank];
    int at = base;
    for (int o = 0; o < n; o++) {
      copyElement(src, at, out, o);
      for (int d = rank - 1; d >= 0; d--) {
        at += strides[d];
        if (++index[d] < shape[d]) {
          break;
        }
        at -= strides[d] * shape[d];
        index[d] = 0;
      }
    }
    return Tensor.wrap(x.dtype(), shape, out);
  }

  private static void copyElement(Object src, int from, Object dst, int to) {
    if (src instanceof float[] f) {
      ((float[]) dst)[to] = f[from];
    } else if (src instanceof byte[] b) {
      ((byte[]) dst)[to] = b[from];
    } else if (src instanceof int[] i) {
      ((int[]) dst)[to] = i[from];
    } else {
      ((long[]) dst)[to] = ((long[]) src)[from];
    }
  }

  private static void setElement(DType dtype, Object dst, int to, double value) {
    switch (dtype) {
      case F32 -> ((float[]) dst)[to] = (float) value;
      case I8 -> ((byte[]) dst)[to] = Quantization.saturateI8((long) value);
      case BOOL -> ((byte[]) dst)[to] = (byte) (value != 0 ? 1 : 0);
      case I32 -> ((int[]) dst)[to] = Quantization.saturateI32((long) value);
      case I64 -> ((long[]) dst)[to] = (long) value;
    }
  }
}

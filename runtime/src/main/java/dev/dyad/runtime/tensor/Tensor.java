package dev.dyad.runtime.tensor;

import java.util.Arrays;

/**
 * An immutable dense tensor in row-major (C) order: a shape and one primitive array per element type
 * ({@code float[]} for f32, {@code byte[]} for i8 and bool, {@code int[]} for i32, {@code long[]} for i64).
 */
public final class Tensor {
  private static final int PRINT_LIMIT = 64;

  private final DType dtype;
  private final int[] shape;
  private final int size;
  private final Object data;

  private Tensor(DType dtype, int[] shape, Object data, int length) {
    this.dtype = dtype;
    this.shape = shape;
    this.size = Shapes.size(shape);
    if (length != size) {
      throw new IllegalArgumentException(
          "shape " + Shapes.toString(shape) + " needs " + size + " elements, got " + length);
    }
    this.data = data;
  }

  // ---- factories that copy their array -------------------------------------------------------------------

  public static Tensor ofFloats(int[] shape, float... values) {
    return wrapFloats(Shapes.checked(shape), values.clone());
  }

  public static Tensor ofI8(int[] shape, byte... values) {
    return wrapI8(Shapes.checked(shape), values.clone());
  }

  /** An i8 tensor from ints, each of which must lie in [-128, 127]. */
  public static Tensor ofI8(int[] shape, int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < Byte.MIN_VALUE || values[i] > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("value " + values[i] + " does not fit i8");
      }
      bytes[i] = (byte) values[i];
    }
    return wrapI8(Shapes.checked(shape), bytes);
  }

  public static Tensor ofInts(int[] shape, int... values) {
    return wrapInts(Shapes.checked(shape), values.clone());
  }

  public static Tensor ofLongs(int[] shape, long... values) {
    return wrapLongs(Shapes.checked(shape), values.clone());
  }

  public static Tensor ofBools(int[] shape, boolean... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) (values[i] ? 1 : 0);
    }
    return wrap(DType.BOOL, Shapes.checked(shape), bytes);
  }

  public static Tensor scalar(float value) {
    return wrapFloats(new int[0], new float[] {value});
  }

  public static Tensor zeros(DType dtype, int... shape) {
    int[] s = Shapes.checked(shape);
    return wrap(dtype, s, newArray(dtype, Shapes.size(s)));
  }

  // ---- factories that take ownership of their array (the caller must not modify it afterwards) ------------

  public static Tensor wrapFloats(int[] shape, float[] values) {
    return new Tensor(DType.F32, shape.clone(), values, values.length);
  }

  public static Tensor wrapI8(int[] shape, byte[] values) {
    return new Tensor(DType.I8, shape.clone(), values, values.length);
  }

  public static Tensor wrapInts(int[] shape, int[] values) {
    return new Tensor(DType.I32, shape.clone(), values, values.length);
  }

  public static Tensor wrapLongs(int[] shape, long[] values) {
    return new Tensor(DType.I64, shape.clone(), values, values.length);
  }

  /** Wraps a primitive array of the dtype's storage type ({@link #newArray}). */
  public static Tensor wrap(DType dtype, int[] shape, Object values) {
    int length = switch (dtype) {
      case F32 -> ((float[]) values).length;
      case I8, BOOL -> ((byte[]) values).length;
      case I32 -> ((int[]) values).length;
      case I64 -> ((long[]) values).length;
    };
    return new Tensor(dtype, shape.clone(), values, length);
  }

  /** A zeroed primitive array of the storage type of {@code dtype}. */
  public static Object newArray(DType dtype, int length) {
    return switch (dtype) {
      case F32 -> new float[length];
      case I8, BOOL -> new byte[length];
      case I32 -> new int[length];
      case I64 -> new long[length];
    };
  }

  // ---- shape -----------------------------------------------------------------------------------------------

  public DType dtype() {
    return dtype;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int axis) {
    return shape[Shapes.axis(axis, shape.length)];
  }

  public int size() {
    return size;
  }

  /** Row-major strides in elements. */
  public int[] strides() {
    return Shapes.strides(shape);
  }

  /** Flat (row-major) index of a multi-index. */
  public int flatIndex(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException("index of rank " + index.length + " for a tensor of rank " + shape.length);
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside " + Shapes.toString(shape));
      }
      flat = flat * shape[i] + index[i];
    }
    return flat;
  }

  /** The same elements under another shape of equal size (the data is shared; both are immutable). */
  public Tensor reshape(int... newShape) {
    return new Tensor(dtype, Shapes.checked(newShape), data, size);
  }

  // ---- element access --------------------------------------------------------------------------------------

  public float floatAt(int flat) {
    return ((float[]) data)[flat];
  }

  public byte i8At(int flat) {
    return ((byte[]) data)[flat];
  }

  public int intAt(int flat) {
    return ((int[]) data)[flat];
  }

  public long longAt(int flat) {
    return ((long[]) data)[flat];
  }

  public boolean boolAt(int flat) {
    requireType(DType.BOOL);
    return ((byte[]) data)[flat] != 0;
  }

  /** Any integer or bool element widened to long. */
  public long getAsLong(int flat) {
    return switch (dtype) {
      case I8, BOOL -> ((byte[]) data)[flat];
      case I32 -> ((int[]) data)[flat];
      case I64 -> ((long[]) data)[flat];
      case F32 -> throw new IllegalStateException("getAsLong on an f32 tensor");
    };
  }

  /** Any element as a double (exact for every type but i64 beyond 2^53). */
  public double getAsDouble(int flat) {
    return dtype == DType.F32 ? ((float[]) data)[flat] : getAsLong(flat);
  }

  public float getFloat(int... index) {
    return floatAt(flatIndex(index));
  }

  public long getLong(int... index) {
    return getAsLong(flatIndex(index));
  }

  // ---- copies of the data ----------------------------------------------------------------------------------

  public float[] toFloatArray() {
    requireType(DType.F32);
    return ((float[]) data).clone();
  }

  public byte[] toI8Array() {
    requireType(DType.I8);
    return ((byte[]) data).clone();
  }

  public int[] toIntArray() {
    requireType(DType.I32);
    return ((int[]) data).clone();
  }

  public long[] toLongArray() {
    requireType(DType.I64);
    return ((long[]) data).clone();
  }

  /** Integer or bool elements widened to long, whatever the element type. */
  public long[] toLongArrayWidened() {
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = getAsLong(i);
    }
    return out;
  }

  /** A copy of the primitive array (its type depends on the dtype, see {@link #newArray}). */
  public Object copyData() {
    return switch (dtype) {
      case F32 -> ((float[]) data).clone();
      case I8, BOOL -> ((byte[]) data).clone();
      case I32 -> ((int[]) data).clone();
      case I64 -> ((long[]) data).clone();
    };
  }

  public Tensor requireType(DType expected) {
    if (dtype != expected) {
      throw new KernelException("expected a " + expected + " tensor, got " + dtype);
    }
    return this;
  }

  // ---- value semantics -------------------------------------------------------------------------------------

  /** Same dtype, shape and elements; f32 elements compare by bit pattern (NaN equals NaN, -0 differs from 0). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Tensor t) || t.dtype != dtype || !Arrays.equals(t.shape, shape)) {
      return false;
    }
    return switch (dtype) {
      case F32 -> Arrays.equals((float[]) data, (float[]) t.data);
      case I8, BOOL -> Arrays.equals((byte[]) data, (byte[]) t.data);
      case I32 -> Arrays.equals((int[]) data, (int[]) t.data);
      case I64 -> Arrays.equals((long[]) data, (long[]) t.data);
    };
  }

  @Override
  public int hashCode() {
    int h = dtype.hashCode() * 31 + Arrays.hashCode(shape);
    return h * 31 + switch (dtype) {
      case F32 -> Arrays.hashCode((float[]) data);
      case I8, BOOL -> Arrays.hashCode((byte[]) data);
      case I32 -> Arrays.hashCode((int[]) data);
      case I64 -> Arrays.hashCode((long[]) data);
    };
  }

  /** {@code tensor<2x2xf32> [[1.0, 2.0], [3.0, 4.0]]}; tensors over 64 elements show their first elements only. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("tensor<");
    for (int d : shape) {
      sb.append(d).append('x');
    }
    sb.append(dtype.irName()).append("> ");
    if (size > PRINT_LIMIT) {
      sb.append('[');
      for (int i = 0; i < 8; i++) {
        appendElement(sb, i);
        sb.append(", ");
      }
      return sb.append("... (").append(size).append(" elements)]").toString();
    }
    appendNested(sb, 0, 0);
    return sb.toString();
  }

  private void appendNested(StringBuilder sb, int axis, int offset) {
    if (axis == shape.length) {
      appendElement(sb, offset);
      return;
    }
    int stride = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      stride *= shape[i];
    }
    sb.append('[');
    for (int i = 0; i < shape[axis]; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      appendNested(sb, axis + 1, offset + i * stride);
    }
    sb.append(']');
  }

  private void appendElement(StringBuilder sb, int flat) {
    switch (dtype) {
      case F32 -> sb.append(floatAt(flat));
      case BOOL -> sb.append(boolAt(flat));
      default -> sb.append(getAsLong(flat));
    }
  }
}

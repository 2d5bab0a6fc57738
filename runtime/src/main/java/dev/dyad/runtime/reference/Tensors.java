package dev.dyad.runtime.reference;

import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Conversions between IR types/attributes and runtime tensors. */
public final class Tensors {
  private Tensors() {}

  /** The runtime element type of an IR element type, or null when the runtime has none. */
  public static DType dtype(Type element) {
    if (element.equals(FloatType.F32)) {
      return DType.F32;
    }
    if (element instanceof IntegerType i) {
      return switch (i.width()) {
        case 1 -> DType.BOOL;
        case 8 -> DType.I8;
        case 32 -> DType.I32;
        case 64 -> DType.I64;
        default -> null;
      };
    }
    return null;
  }

  /** The IR element type of a runtime element type. */
  public static Type elementType(DType dtype) {
    return switch (dtype) {
      case F32 -> FloatType.F32;
      case BOOL -> IntegerType.signless(1);
      case I8 -> IntegerType.I8;
      case I32 -> IntegerType.I32;
      case I64 -> IntegerType.I64;
    };
  }

  /** The IR type of a runtime tensor: a ranked tensor of its shape and element type. */
  public static RankedTensorType type(Tensor t) {
    List<Long> shape = new ArrayList<>();
    for (int d : t.shape()) {
      shape.add((long) d);
    }
    return new RankedTensorType(shape, elementType(t.dtype()));
  }

  /** The static shape of a ranked tensor type as ints (the runtime's index type). */
  public static int[] shape(RankedTensorType type) {
    List<Long> dims = type.shape();
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      long d = dims.get(i);
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("dimension " + d + " of " + type + " is not a static int");
      }
      shape[i] = (int) d;
    }
    return shape;
  }

  /** The elements of a dense attribute (splats expanded) as a tensor of its type. */
  public static Tensor fromDense(DenseElementsAttr attr, DType dtype) {
    int[] shape = shape((RankedTensorType) attr.type());
    int n = Math.toIntExact(attr.numElements());
    return switch (dtype) {
      case F32 -> {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = Float.intBitsToFloat((int) attr.rawBits(i));
        }
        yield Tensor.wrapFloats(shape, v);
      }
      case I8, BOOL -> {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
          v[i] = (byte) attr.getInt(i);
        }
        yield Tensor.wrap(dtype, shape, v);
      }
      case I32 -> {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          v[i] = (int) attr.getInt(i);
        }
        yield Tensor.wrapInts(shape, v);
      }
      case I64 -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = attr.getInt(i);
        }
        yield Tensor.wrapLongs(shape, v);
      }
    };
  }

  static int[] ints(List<Long> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.toIntExact(values.get(i));
    }
    return out;
  }

  static int[] ints(long[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.toIntExact(values[i]);
    }
    return out;
  }
}

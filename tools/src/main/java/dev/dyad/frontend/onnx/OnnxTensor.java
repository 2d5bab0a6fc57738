package dev.dyad.frontend.onnx;

import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.onnx.Onnx.TensorProto;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * An ONNX tensor as Dyad holds it: a runtime {@link Tensor} plus the ONNX element type it stands for. uint8 has
 * no {@code nn} type; it is held as i8 shifted by -128 ({@code u - 128}), and the importer shifts zero points
 * alike, which keeps quantized products, quantize/dequantize/requantize and max pooling exact.
 */
public record OnnxTensor(Tensor tensor, DataType onnxType) {
  /** What is subtracted from a uint8 to hold it as an i8. */
  public static final int UINT8_SHIFT = 128;

  /** The ONNX element types the importer handles. */
  static final List<DataType> SUPPORTED = List.of(DataType.FLOAT, DataType.INT8, DataType.UINT8, DataType.INT32,
      DataType.INT64, DataType.BOOL);

  /** A tensor of the ONNX type that matches its runtime type. */
  public static OnnxTensor of(Tensor t) {
    return new OnnxTensor(t, switch (t.dtype()) {
      case F32 -> DataType.FLOAT;
      case I8 -> DataType.INT8;
      case I32 -> DataType.INT32;
      case I64 -> DataType.INT64;
      case BOOL -> DataType.BOOL;
    });
  }

  public boolean isUint8() {
    return onnxType == DataType.UINT8;
  }

  /** Element {@code i} of an integer or bool tensor as ONNX sees it (undoing the uint8 shift). */
  public long onnxLongAt(int i) {
    return tensor.getAsLong(i) + (isUint8() ? UINT8_SHIFT : 0);
  }

  /** The IR element type that holds {@code type}'s values: uint8 is (shifted) i8. */
  public static Type irElementType(DataType type) throws UnsupportedOnnxException {
    return switch (type) {
      case FLOAT -> FloatType.F32;
      case INT8, UINT8 -> IntegerType.I8;
      case INT32 -> IntegerType.I32;
      case INT64 -> IntegerType.I64;
      case BOOL -> IntegerType.I1;
      default -> throw new UnsupportedOnnxException("dtype " + type);
    };
  }

  /** The ranked tensor type of this value in the IR. */
  public RankedTensorType irType() {
    try {
      return new RankedTensorType(Arrays.stream(tensor.shape()).mapToObj(d -> (long) d).toList(),
          irElementType(onnxType));
    } catch (UnsupportedOnnxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value as a dense elements attribute of {@link #irType()} (f32 by bit pattern). */
  public DenseElementsAttr toDenseAttr() {
    long[] bits = new long[tensor.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = tensor.dtype() == DType.F32 ? Float.floatToRawIntBits(tensor.floatAt(i)) : tensor.getAsLong(i);
    }
    return DenseElementsAttr.get(irType(), bits);
  }

  /** Decodes a TensorProto (raw_data or the typed fields) of a type the importer handles. */
  public static OnnxTensor fromProto(TensorProto p) throws UnsupportedOnnxException {
    String where = p.getName().isEmpty() ? null : "tensor '" + p.getName() + "'";
    if (p.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new UnsupportedOnnxException("external tensor data", where, null);
    }
    if (p.hasSegment()) {
      throw new UnsupportedOnnxException("segmented tensor data", where, null);
    }
    DataType type = DataType.forNumber(p.getDataType());
    if (type == null || !SUPPORTED.contains(type)) {
      throw new UnsupportedOnnxException("dtype " + (type == null ? p.getDataType() : type), where, null);
    }
    int[] shape = new int[p.getDimsCount()];
    long n = 1;
    for (int i = 0; i < shape.length; i++) {
      if (p.getDims(i) < 0 || p.getDims(i) > Integer.MAX_VALUE) {
        throw new UnsupportedOnnxException("tensor dimension " + p.getDims(i), where, null);
      }
      shape[i] = (int) p.getDims(i);
      n *= shape[i];
      if (n > Integer.MAX_VALUE) {
        throw new UnsupportedOnnxException("tensor of more than 2^31 elements", where, null);
      }
    }
    int count = (int) n;
    boolean raw = p.hasRawData();
    ByteBuffer buf = p.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    int available = raw ? buf.remaining() / elementBytes(type) : typedCount(p, type);
    if (available != count) {
      throw new UnsupportedOnnxException("tensor data does not match its shape",
          (where == null ? "" : where + ": ") + available + " elements for " + count, null);
    }
    switch (type) {
      case FLOAT -> {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
          v[i] = raw ? buf.getFloat() : p.getFloatData(i);
        }
        return new OnnxTensor(Tensor.wrapFloats(shape, v), type);
      }
      case INT8, UINT8, BOOL -> {
        byte[] v = new byte[count];
        int shift = type == DataType.UINT8 ? UINT8_SHIFT : 0;
        for (int i = 0; i < count; i++) {
          int u = raw ? (type == DataType.INT8 ? buf.get() : Byte.toUnsignedInt(buf.get())) : p.getInt32Data(i);
          v[i] = (byte) (u - shift);
        }
        return new OnnxTensor(Tensor.wrap(type == DataType.BOOL ? DType.BOOL : DType.I8, shape, v), type);
      }
      case INT32 -> {
        int[] v = new int[count];
        for (int i = 0; i < count; i++) {
          v[i] = raw ? buf.getInt() : p.getInt32Data(i);
        }
        return new OnnxTensor(Tensor.wrapInts(shape, v), type);
      }
      default -> {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = raw ? buf.getLong() : p.getInt64Data(i);
        }
        return new OnnxTensor(Tensor.wrapLongs(shape, v), type);
      }
    }
  }

  private static int elementBytes(DataType type) {
    return switch (type) {
      case FLOAT, INT32 -> 4;
      case INT64 -> 8;
      default -> 1;
    };
  }

  private static int typedCount(TensorProto p, DataType type) {
    return switch (type) {
      case FLOAT -> p.getFloatDataCount();
      case INT64 -> p.getInt64DataCount();
      default -> p.getInt32DataCount();
    };
  }
}

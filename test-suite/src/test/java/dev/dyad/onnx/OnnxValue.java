package dev.dyad.onnx;

import dev.dyad.onnx.Onnx.TensorProto;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An ONNX tensor value as the kernels see it: a runtime {@link Tensor} plus the ONNX element type it stands
 * for. uint8 has no runtime type; it is held as i8 shifted by -128 ({@code u - 128}), which quantized kernels
 * handle exactly by shifting the zero point too, and which max pooling (monotone) preserves.
 */
public record OnnxValue(Tensor tensor, DataType onnxType) {
  /** The shift that maps uint8 onto int8. */
  public static final int UINT8_SHIFT = 128;

  public static OnnxValue of(Tensor t) {
    return new OnnxValue(t, switch (t.dtype()) {
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

  /** Integer or uint8 values as ONNX sees them (undoing the uint8 shift). */
  public long onnxLongAt(int i) {
    return tensor.getAsLong(i) + (isUint8() ? UINT8_SHIFT : 0);
  }

  /** Decodes a TensorProto (raw_data or typed fields) of a type the runtime can hold. */
  public static OnnxValue fromProto(TensorProto p) throws UnsupportedOnnxException {
    if (p.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new UnsupportedOnnxException("external tensor data");
    }
    if (p.hasSegment()) {
      throw new UnsupportedOnnxException("segmented tensor data");
    }
    DataType type = DataType.forNumber(p.getDataType());
    if (type == null) {
      throw new UnsupportedOnnxException("dtype " + p.getDataType());
    }
    int[] shape = new int[p.getDimsCount()];
    long n = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = Math.toIntExact(p.getDims(i));
      n *= shape[i];
    }
    int count = Math.toIntExact(n);
    boolean raw = p.hasRawData();
    ByteBuffer buf = p.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case FLOAT -> {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
          v[i] = raw ? buf.getFloat() : p.getFloatData(i);
        }
        return new OnnxValue(Tensor.wrapFloats(shape, v), type);
      }
      case INT8, UINT8, BOOL -> {
        byte[] v = new byte[count];
        int shift = type == DataType.UINT8 ? UINT8_SHIFT : 0;
        for (int i = 0; i < count; i++) {
          int u = raw ? (type == DataType.INT8 ? buf.get() : Byte.toUnsignedInt(buf.get())) : p.getInt32Data(i);
          v[i] = (byte) (u - shift);
        }
        return new OnnxValue(Tensor.wrap(type == DataType.BOOL ? DType.BOOL : DType.I8, shape, v), type);
      }
      case INT32 -> {
        int[] v = new int[count];
        for (int i = 0; i < count; i++) {
          v[i] = raw ? buf.getInt() : p.getInt32Data(i);
        }
        return new OnnxValue(Tensor.wrapInts(shape, v), type);
      }
      case INT64 -> {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = raw ? buf.getLong() : p.getInt64Data(i);
        }
        return new OnnxValue(Tensor.wrapLongs(shape, v), type);
      }
      default -> throw new UnsupportedOnnxException("dtype " + type);
    }
  }
}

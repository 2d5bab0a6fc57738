package dev.dyad.frontend.onnx;

import dev.dyad.ir.Value;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.onnx.Onnx.TensorProto.DataType;

/**
 * An ONNX value during the import: its ONNX element type and IR type, its data when it is known at import time
 * (initializers, Constant nodes, frozen inputs), and its IR value, which a constant gets only once an op uses it
 * as an operand (so that shapes, axes and scales read at import time leave no dead constants behind).
 */
final class GraphValue {
  final String name;
  final DataType onnxType;
  final RankedTensorType type;
  /** The data, or null when only known at run time. */
  final OnnxTensor constant;
  /** Whether the value is a graph input (frozen or not): the caller could supply it as a constant. */
  final boolean graphInput;
  /** The IR value; null for a constant not materialised yet. */
  Value value;

  private GraphValue(String name, DataType onnxType, RankedTensorType type, OnnxTensor constant, boolean graphInput,
      Value value) {
    this.name = name;
    this.onnxType = onnxType;
    this.type = type;
    this.constant = constant;
    this.graphInput = graphInput;
    this.value = value;
  }

  static GraphValue of(String name, DataType onnxType, Value value, boolean graphInput) {
    return new GraphValue(name, onnxType, (RankedTensorType) value.getType(), null, graphInput, value);
  }

  static GraphValue constant(String name, OnnxTensor t, boolean graphInput) {
    return new GraphValue(name, t.onnxType(), t.irType(), t, graphInput, null);
  }

  long[] shape() {
    return type.shape().stream().mapToLong(Long::longValue).toArray();
  }

  int rank() {
    return type.shape().size();
  }

  boolean isUint8() {
    return onnxType == DataType.UINT8;
  }
}

package dev.dyad.frontend.onnx;

import com.google.protobuf.ByteString;
import dev.dyad.onnx.Onnx.AttributeProto;
import dev.dyad.onnx.Onnx.GraphProto;
import dev.dyad.onnx.Onnx.ModelProto;
import dev.dyad.onnx.Onnx.NodeProto;
import dev.dyad.onnx.Onnx.OperatorSetIdProto;
import dev.dyad.onnx.Onnx.TensorProto;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import dev.dyad.onnx.Onnx.TensorShapeProto;
import dev.dyad.onnx.Onnx.TypeProto;
import dev.dyad.onnx.Onnx.ValueInfoProto;
import java.util.List;

/** Builds small ONNX models for tests: graph inputs, outputs, initializers and nodes with attributes. */
public final class OnnxModels {
  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
  private final int opset;

  private OnnxModels(int opset) {
    this.opset = opset;
  }

  public static OnnxModels opset(int opset) {
    return new OnnxModels(opset);
  }

  public OnnxModels input(String name, DataType type, long... dims) {
    graph.addInput(valueInfo(name, type, dims));
    return this;
  }

  /** A graph input with a symbolic (dynamic) first dimension. */
  public OnnxModels dynamicInput(String name, DataType type, String param, long... rest) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(param));
    for (long d : rest) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    graph.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))));
    return this;
  }

  public OnnxModels output(String name, DataType type, long... dims) {
    graph.addOutput(valueInfo(name, type, dims));
    return this;
  }

  /** A graph output declared by name only (no type). */
  public OnnxModels output(String name) {
    graph.addOutput(ValueInfoProto.newBuilder().setName(name));
    return this;
  }

  public OnnxModels initializer(TensorProto t) {
    graph.addInitializer(t);
    return this;
  }

  public OnnxModels node(String opType, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
    return namedNode("", opType, inputs, outputs, attributes);
  }

  public OnnxModels namedNode(String name, String opType, List<String> inputs, List<String> outputs,
      AttributeProto... attributes) {
    graph.addNode(NodeProto.newBuilder().setName(name).setOpType(opType).addAllInput(inputs).addAllOutput(outputs)
        .addAllAttribute(List.of(attributes)));
    return this;
  }

  public ModelProto build() {
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("dyad-test")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(graph).build();
  }

  private static ValueInfoProto valueInfo(String name, DataType type, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
  }

  // ---- attributes ---------------------------------------------------------------------------------------------

  public static AttributeProto attr(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  public static AttributeProto attr(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  public static AttributeProto attr(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value)).build();
  }

  public static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  public static AttributeProto tensorAttr(String name, TensorProto t) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(t).build();
  }

  // ---- tensors ------------------------------------------------------------------------------------------------

  public static TensorProto floats(String name, long[] dims, float... values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(DataType.FLOAT.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    for (float v : values) {
      t.addFloatData(v);
    }
    return t.build();
  }

  public static TensorProto int64s(String name, long[] dims, long... values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(DataType.INT64.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    for (long v : values) {
      t.addInt64Data(v);
    }
    return t.build();
  }

  /** An int8 or uint8 tensor (values as ONNX sees them), stored as raw data. */
  public static TensorProto bytes(String name, DataType type, long[] dims, int... values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    byte[] raw = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      raw[i] = (byte) values[i];
    }
    return t.setRawData(ByteString.copyFrom(raw)).build();
  }

  public static long[] dims(long... dims) {
    return dims;
  }
}

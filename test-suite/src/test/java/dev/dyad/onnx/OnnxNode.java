package dev.dyad.onnx;

import dev.dyad.onnx.Onnx.AttributeProto;
import dev.dyad.onnx.Onnx.NodeProto;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A graph node with the opset it is interpreted under, and typed attribute accessors. */
public record OnnxNode(NodeProto proto, int opset) {

  public String opType() {
    return proto.getOpType();
  }

  /** Fails unless every attribute present is one the translation handles, so none is silently ignored. */
  public void allowAttributes(String... names) throws UnsupportedOnnxException {
    Set<String> allowed = Set.of(names);
    for (AttributeProto a : proto.getAttributeList()) {
      if (!allowed.contains(a.getName())) {
        throw new UnsupportedOnnxException(opType() + ": attribute " + a.getName());
      }
    }
  }

  public boolean has(String name) {
    return attribute(name) != null;
  }

  public long getInt(String name, long dflt) {
    AttributeProto a = attribute(name);
    return a == null ? dflt : a.getI();
  }

  public float getFloat(String name, float dflt) {
    AttributeProto a = attribute(name);
    return a == null ? dflt : a.getF();
  }

  public String getString(String name, String dflt) {
    AttributeProto a = attribute(name);
    return a == null ? dflt : a.getS().toStringUtf8();
  }

  /** An INTS attribute, or null when absent. */
  public long[] getInts(String name) {
    AttributeProto a = attribute(name);
    return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
  }

  public int[] getIntArray(String name, int[] dflt) {
    long[] v = getInts(name);
    return v == null ? dflt : Arrays.stream(v).mapToInt(Math::toIntExact).toArray();
  }

  public AttributeProto attribute(String name) {
    for (AttributeProto a : proto.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** Output names; an empty name is an omitted optional output. */
  public List<String> outputs() {
    return proto.getOutputList();
  }

  /** Fails when an optional output beyond the first {@code count} is requested. */
  public void allowOutputs(int count, String what) throws UnsupportedOnnxException {
    for (int i = count; i < proto.getOutputCount(); i++) {
      if (!proto.getOutput(i).isEmpty()) {
        throw new UnsupportedOnnxException(opType() + ": " + what);
      }
    }
  }
}

package dev.dyad.frontend.onnx;

import dev.dyad.onnx.Onnx.AttributeProto;
import dev.dyad.onnx.Onnx.NodeProto;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A graph node with the opset it is read under, and typed attribute accessors. */
record OnnxNode(NodeProto proto, int opset, int index) {

  String opType() {
    return proto.getOpType();
  }

  /** The node's name for messages: quoted, or {@code #index} in the graph when it has none. */
  String displayName() {
    return proto.getName().isEmpty() ? "#" + index : "'" + proto.getName() + "'";
  }

  /** Fails unless every attribute present is one the translation handles, so that none is silently ignored. */
  void allowAttributes(String... names) throws UnsupportedOnnxException {
    Set<String> allowed = Set.of(names);
    for (AttributeProto a : proto.getAttributeList()) {
      if (!allowed.contains(a.getName())) {
        throw new UnsupportedOnnxException("attribute " + a.getName());
      }
    }
  }

  boolean has(String name) {
    return attribute(name) != null;
  }

  long getInt(String name, long dflt) {
    AttributeProto a = attribute(name);
    return a == null ? dflt : a.getI();
  }

  float getFloat(String name, float dflt) {
    AttributeProto a = attribute(name);
    return a == null ? dflt : a.getF();
  }

  String getString(String name, String dflt) {
    AttributeProto a = attribute(name);
    return a == null ? dflt : a.getS().toStringUtf8();
  }

  /** An INTS attribute, or null when absent. */
  long[] getInts(String name) {
    AttributeProto a = attribute(name);
    return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
  }

  long[] getInts(String name, long[] dflt) {
    long[] v = getInts(name);
    return v == null ? dflt : v;
  }

  AttributeProto attribute(String name) {
    for (AttributeProto a : proto.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** Output names; an empty name is an omitted optional output. */
  List<String> outputs() {
    return proto.getOutputList();
  }

  /** Fails when an optional output beyond the first {@code count} is requested. */
  void allowOutputs(int count, String what) throws UnsupportedOnnxException {
    for (int i = count; i < proto.getOutputCount(); i++) {
      if (!proto.getOutput(i).isEmpty()) {
        throw new UnsupportedOnnxException(what);
      }
    }
  }

  static long[] filled(int n, long v) {
    long[] a = new long[n];
    Arrays.fill(a, v);
    return a;
  }
}

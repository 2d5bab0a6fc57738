package dev.dyad.onnx;

import dev.dyad.onnx.Onnx.GraphProto;
import dev.dyad.onnx.Onnx.ModelProto;
import dev.dyad.onnx.Onnx.NodeProto;
import dev.dyad.onnx.Onnx.OperatorSetIdProto;
import dev.dyad.onnx.Onnx.TensorProto;
import dev.dyad.onnx.Onnx.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs an ONNX graph node by node (in the file's order, which ONNX requires to be topological). */
public final class OnnxModelRunner {
  private final OnnxNodeRunner nodes;

  public OnnxModelRunner(OnnxNodeRunner nodes) {
    this.nodes = nodes;
  }

  /** The default-domain opset the model imports. */
  public static int opset(ModelProto model) {
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        return (int) o.getVersion();
      }
    }
    return 1;
  }

  /** The graph inputs that are not initializers, i.e. the ones test data sets provide. */
  public static List<ValueInfoProto> feedInputs(GraphProto g) {
    Set<String> init = new HashSet<>();
    for (TensorProto t : g.getInitializerList()) {
      init.add(t.getName());
    }
    List<ValueInfoProto> r = new ArrayList<>();
    for (ValueInfoProto v : g.getInputList()) {
      if (!init.contains(v.getName())) {
        r.add(v);
      }
    }
    return r;
  }

  /** Runs the graph on {@code feeds} (by input name) and returns the graph outputs in order. */
  public List<OnnxValue> run(ModelProto model, Map<String, OnnxValue> feeds) throws UnsupportedOnnxException {
    GraphProto g = model.getGraph();
    int opset = opset(model);
    for (NodeProto n : g.getNodeList()) {
      if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
        throw new UnsupportedOnnxException("domain " + n.getDomain());
      }
    }
    Map<String, OnnxValue> env = new HashMap<>(feeds);
    for (TensorProto t : g.getInitializerList()) {
      env.put(t.getName(), OnnxValue.fromProto(t));
    }
    for (NodeProto n : g.getNodeList()) {
      List<OnnxValue> in = new ArrayList<>();
      for (String name : n.getInputList()) {
        if (name.isEmpty()) {
          in.add(null);
        } else if (env.containsKey(name)) {
          in.add(env.get(name));
        } else {
          throw new IllegalStateException("node " + n.getName() + " reads undefined value '" + name + "'");
        }
      }
      List<OnnxValue> out = nodes.run(new OnnxNode(n, opset), in);
      if (out.size() < countNamed(n.getOutputList())) {
        throw new IllegalStateException(n.getOpType() + " produced " + out.size() + " outputs for "
            + n.getOutputCount());
      }
      for (int i = 0; i < n.getOutputCount(); i++) {
        if (!n.getOutput(i).isEmpty()) {
          env.put(n.getOutput(i), out.get(i));
        }
      }
    }
    List<OnnxValue> results = new ArrayList<>();
    for (ValueInfoProto v : g.getOutputList()) {
      results.add(env.get(v.getName()));
    }
    return results;
  }

  private static int countNamed(List<String> names) {
    int last = 0;
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).isEmpty()) {
        last = i + 1;
      }
    }
    return last;
  }
}

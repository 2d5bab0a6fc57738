package dev.dyad.frontend.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.dialect.func.ReturnOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.onnx.Onnx.GraphProto;
import dev.dyad.onnx.Onnx.ModelProto;
import dev.dyad.onnx.Onnx.NodeProto;
import dev.dyad.onnx.Onnx.OperatorSetIdProto;
import dev.dyad.onnx.Onnx.TensorProto;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import dev.dyad.onnx.Onnx.TensorShapeProto;
import dev.dyad.onnx.Onnx.TypeProto;
import dev.dyad.onnx.Onnx.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports an ONNX model into the {@code nn} dialect: a {@code builtin.module} holding {@code func.func @main},
 * whose arguments are the graph inputs that are not initializers, whose body translates every node into
 * {@code nn} ops (initializers and Constant nodes become {@code nn.constant} where an op uses them as operands),
 * and which returns the graph outputs. Shapes must be static. Anything {@code nn} cannot express exactly is an
 * {@link UnsupportedOnnxException} naming the node, its op type and the reason.
 *
 * <p>The caller verifies the result ({@code dev.dyad.ir.Verifier}); the context must have the builtin, func
 * and nn dialects registered.
 */
public final class OnnxImporter {
  /** The argument attribute that names the graph input an argument stands for. */
  public static final String NAME_ATTR = "onnx.name";
  /** The argument/result attribute that marks a uint8 port held as shifted i8 ({@code "uint8"}). */
  public static final String ELEMENT_TYPE_ATTR = "onnx.element_type";

  private final Context context;
  private final Map<String, OnnxTensor> frozen = new LinkedHashMap<>();

  public OnnxImporter(Context context) {
    this.context = context;
  }

  /**
   * Fixes the graph input {@code name} to {@code value} at import time: it becomes a constant instead of an
   * argument (a model specialisation, e.g. for parameters such as a Reshape's shape that nn needs statically).
   */
  public OnnxImporter freeze(String name, OnnxTensor value) {
    frozen.put(name, value);
    return this;
  }

  /** Reads an ONNX model file; a file that does not hold one is an {@link InvalidOnnxModelException}. */
  public static ModelProto readModel(Path file) throws IOException, InvalidOnnxModelException {
    byte[] bytes = Files.readAllBytes(file);
    ModelProto model;
    try {
      model = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidOnnxModelException("not an ONNX model (" + e.getMessage() + ")");
    }
    if (model.getIrVersion() <= 0 || !model.hasGraph()) {
      String missing = model.getIrVersion() <= 0 ? "ir_version" : "graph";
      throw new InvalidOnnxModelException("not an ONNX model (no " + missing + ")");
    }
    return model;
  }

  /** Reads and imports {@code file}. */
  public ImportedModel importFile(Path file) throws IOException, OnnxImportException {
    return importModel(readModel(file));
  }

  /** The default-domain opset the model imports (1 when it names none). */
  public static int opset(ModelProto model) {
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        return (int) o.getVersion();
      }
    }
    return 1;
  }

  /** The graph inputs that are not initializers: what a caller feeds (or freezes). */
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

  public ImportedModel importModel(ModelProto model) throws OnnxImportException {
    GraphProto g = model.getGraph();
    int opset = opset(model);
    Map<String, GraphValue> env = new HashMap<>();
    for (TensorProto t : g.getInitializerList()) {
      env.put(t.getName(), GraphValue.constant(t.getName(), OnnxTensor.fromProto(t), false));
    }
    List<ImportedModel.Port> inputs = new ArrayList<>();
    Set<String> frozenUsed = new HashSet<>();
    for (ValueInfoProto v : feedInputs(g)) {
      OnnxTensor value = frozen.get(v.getName());
      if (value != null) {
        env.put(v.getName(), GraphValue.constant(v.getName(), value, true));
        frozenUsed.add(v.getName());
      } else {
        DataType type = elementType(v, "input");
        inputs.add(new ImportedModel.Port(v.getName(), type, tensorType(v, type, "input")));
      }
    }
    ModuleOp module = ModuleOp.create(context, Location.UNKNOWN);
    FuncOp main = FuncOp.declare(context, Location.UNKNOWN, "main",
        new FunctionType(inputs.stream().map(p -> (Type) p.type()).toList(), List.of()));
    module.push(main.op());
    Block entry = main.body().addBlock();
    for (ImportedModel.Port p : inputs) {
      Value arg = entry.addArgument(p.type(), new Location.Name(p.name(), Location.UNKNOWN));
      env.put(p.name(), GraphValue.of(p.name(), p.onnxType(), arg, true));
    }
    Builder builder = new Builder(context);
    builder.setInsertionPointToEnd(main.entryBlock());
    NodeTranslator translator = new NodeTranslator(builder);
    for (int i = 0; i < g.getNodeCount(); i++) {
      translateNode(translator, new OnnxNode(g.getNode(i), opset, i), env);
    }
    List<ImportedModel.Port> outputs = new ArrayList<>();
    List<Value> results = new ArrayList<>();
    for (ValueInfoProto v : g.getOutputList()) {
      GraphValue value = env.get(v.getName());
      if (value == null) {
        throw new InvalidOnnxModelException("graph output '" + v.getName() + "' is not computed by the graph");
      }
      checkDeclaredType(v, value);
      results.add(translator.use(value));
      outputs.add(new ImportedModel.Port(v.getName(), value.onnxType, value.type));
    }
    builder.insert(ReturnOp.create(context, Location.UNKNOWN, results).op());
    main.op().setProperty("function_type", new TypeAttr(new FunctionType(
        inputs.stream().map(p -> (Type) p.type()).toList(), outputs.stream().map(p -> (Type) p.type()).toList())));
    if (!inputs.isEmpty()) {
      main.op().setProperty("arg_attrs", portAttrs(inputs, true));
    }
    if (outputs.stream().anyMatch(p -> p.onnxType() == DataType.UINT8)) {
      main.op().setProperty("res_attrs", portAttrs(outputs, false));
    }
    return new ImportedModel(module, main, List.copyOf(inputs), List.copyOf(outputs), Set.copyOf(frozenUsed));
  }

  private static void translateNode(NodeTranslator translator, OnnxNode node, Map<String, GraphValue> env)
      throws OnnxImportException {
    NodeProto n = node.proto();
    try {
      if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
        throw new UnsupportedOnnxException("domain " + n.getDomain());
      }
      List<GraphValue> in = new ArrayList<>();
      for (String name : n.getInputList()) {
        if (name.isEmpty()) {
          in.add(null);
          continue;
        }
        GraphValue v = env.get(name);
        if (v == null) {
          throw new InvalidOnnxModelException("node " + node.displayName() + " (" + n.getOpType()
              + ") reads '" + name + "', which no earlier node, input or initializer defines");
        }
        in.add(v);
      }
      String name = n.getName().isEmpty() ? n.getOpType() + "#" + node.index() : n.getName();
      List<GraphValue> out = translator.translate(node, in, new Location.Name(name, Location.UNKNOWN));
      for (int i = 0; i < n.getOutputCount(); i++) {
        if (n.getOutput(i).isEmpty()) {
          continue;
        }
        if (i >= out.size() || out.get(i) == null) {
          throw new UnsupportedOnnxException("output " + i);
        }
        env.put(n.getOutput(i), out.get(i));
      }
    } catch (UnsupportedOnnxException e) {
      throw e.atNode(node.displayName(), n.getOpType());
    }
  }

  /** Names every argument (and marks uint8 ports, whose IR values are shifted i8). */
  private static ArrayAttr portAttrs(List<ImportedModel.Port> ports, boolean named) {
    List<Attribute> attrs = new ArrayList<>();
    for (ImportedModel.Port p : ports) {
      DictionaryAttr d = DictionaryAttr.EMPTY;
      if (p.onnxType() == DataType.UINT8) {
        d = d.with(ELEMENT_TYPE_ATTR, StringAttr.of("uint8"));
      }
      if (named) {
        d = d.with(NAME_ATTR, StringAttr.of(p.name()));
      }
      attrs.add(d);
    }
    return new ArrayAttr(attrs);
  }

  private static DataType elementType(ValueInfoProto v, String what) throws UnsupportedOnnxException {
    TypeProto t = v.getType();
    if (!t.hasTensorType()) {
      throw new UnsupportedOnnxException("non-tensor graph " + what + " (sequence, optional, map)",
          "'" + v.getName() + "'", null);
    }
    DataType type = DataType.forNumber(t.getTensorType().getElemType());
    if (type == null || !OnnxTensor.SUPPORTED.contains(type)) {
      throw new UnsupportedOnnxException("dtype " + (type == null ? t.getTensorType().getElemType() : type),
          "graph " + what + " '" + v.getName() + "'", null);
    }
    return type;
  }

  private static RankedTensorType tensorType(ValueInfoProto v, DataType type, String what)
      throws UnsupportedOnnxException {
    if (!v.getType().getTensorType().hasShape()) {
      throw new UnsupportedOnnxException("graph " + what + " without a shape", "'" + v.getName() + "'", null);
    }
    List<Long> dims = new ArrayList<>();
    for (TensorShapeProto.Dimension d : v.getType().getTensorType().getShape().getDimList()) {
      if (!d.hasDimValue()) {
        throw new UnsupportedOnnxException("dynamic dimension", "'" + d.getDimParam() + "' of graph " + what + " '"
            + v.getName() + "'", null);
      }
      dims.add(d.getDimValue());
    }
    return new RankedTensorType(dims, OnnxTensor.irElementType(type));
  }

  /** A graph output's declared element type and (static) dimensions must be what the graph computes. */
  private static void checkDeclaredType(ValueInfoProto v, GraphValue value) throws InvalidOnnxModelException {
    TypeProto t = v.getType();
    if (!t.hasTensorType()) {
      return;
    }
    int elem = t.getTensorType().getElemType();
    if (elem != 0 && elem != value.onnxType.getNumber()) {
      throw new InvalidOnnxModelException("graph output '" + v.getName() + "' is declared "
          + DataType.forNumber(elem) + " but computed as " + value.onnxType);
    }
    if (!t.getTensorType().hasShape()) {
      return;
    }
    List<TensorShapeProto.Dimension> dims = t.getTensorType().getShape().getDimList();
    long[] actual = value.shape();
    boolean same = dims.size() == actual.length;
    for (int i = 0; same && i < actual.length; i++) {
      same = !dims.get(i).hasDimValue() || dims.get(i).getDimValue() == actual[i];
    }
    if (!same) {
      throw new InvalidOnnxModelException("graph output '" + v.getName() + "' is declared with shape "
          + dims.stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : "?").toList()
          + " but computed with shape " + java.util.Arrays.toString(actual));
    }
  }
}

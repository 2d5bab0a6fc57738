package dev.dyad.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dyad.onnx.Onnx.ModelProto;
import dev.dyad.onnx.Onnx.NodeProto;
import dev.dyad.onnx.Onnx.TensorProto;
import dev.dyad.onnx.Onnx.ValueInfoProto;
import dev.dyad.runtime.tensor.DType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs ONNX's single-operator conformance models (Debian's libonnx-testdata) through {@link KernelNodeRunner}
 * and compares with their reference outputs: f32 within rtol 1e-3 / atol 1e-5, integers exactly. Models the
 * runner cannot express are skipped with their reason; a summary groups the skips by reason.
 */
class OnnxConformanceTest {
  static final Path ROOT = Path.of(System.getProperty("onnx.testdata", "/usr/share/libonnx-testdata/data"));
  /** {@code node} holds ONNX's own operator tests; the others add PyTorch exports (depthwise convolutions). */
  static final List<String> SUITES = List.of("node", "pytorch-converted", "pytorch-operator", "simple");
  static final double RTOL = 1e-3;
  static final double ATOL = 1e-5;
  /** Ops each of which must pass at least one model. */
  static final List<String> REQUIRED_OPS = List.of("Conv", "ConvInteger", "Gemm", "MatMul", "MatMulInteger",
      "QLinearConv", "QLinearMatMul", "Relu", "Clip", "Sigmoid", "Tanh", "Erf", "Softmax", "MaxPool",
      "AveragePool", "GlobalAveragePool", "BatchNormalization", "Add", "Sub", "Mul", "Div", "Reshape", "Transpose",
      "Concat", "Slice", "Split", "Pad", "Flatten", "Gather", "QuantizeLinear", "DequantizeLinear", "HardSigmoid",
      "HardSwish", "LayerNormalization");

  private static final Map<String, int[]> COUNTS = new LinkedHashMap<>();
  private static final Map<String, List<String>> SKIPS = new TreeMap<>();
  private static final Map<String, String> FAILURES = new TreeMap<>();
  private static final Set<String> PASSED_OPS = new TreeSet<>();
  private static final int PASSED = 0;
  private static final int FAILED = 1;
  private static final int SKIPPED = 2;

  @TestFactory
  Stream<DynamicNode> conformance() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve("node")),
        "ONNX conformance data not found at " + ROOT + " (apt-get install libonnx-testdata libonnx-dev)");
    List<DynamicNode> nodes = new ArrayList<>();
    for (String suite : SUITES) {
      Path dir = ROOT.resolve(suite);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> models;
      try (Stream<Path> s = Files.list(dir)) {
        models = s.filter(p -> Files.isRegularFile(p.resolve("model.onnx"))).sorted().collect(Collectors.toList());
      }
      COUNTS.put(suite, new int[3]);
      nodes.add(DynamicContainer.dynamicContainer(suite, models.stream().map(m ->
          DynamicTest.dynamicTest(m.getFileName().toString(), m.toUri(), () -> runModel(suite, m)))));
    }
    nodes.add(DynamicTest.dynamicTest("every required op passes at least one model", () -> {
      List<String> missing = REQUIRED_OPS.stream().filter(op -> !PASSED_OPS.contains(op)).toList();
      assertEquals(List.of(), missing, "ops without a passing ONNX model");
    }));
    return nodes.stream();
  }

  private static void runModel(String suite, Path dir) throws IOException {
    String name = suite + "/" + dir.getFileName();
    ModelProto model;
    try (InputStream in = Files.newInputStream(dir.resolve("model.onnx"))) {
      model = ModelProto.parseFrom(in);
    }
    List<OnnxValue> expected;
    List<OnnxValue> actual;
    try {
      Map<String, OnnxValue> feeds = readInputs(model, dir.resolve("test_data_set_0"));
      expected = readOutputs(model, dir.resolve("test_data_set_0"));
      actual = new OnnxModelRunner(new KernelNodeRunner()).run(model, feeds);
    } catch (UnsupportedOnnxException e) {
      COUNTS.get(suite)[SKIPPED]++;
      SKIPS.computeIfAbsent(e.reason(), k -> new ArrayList<>()).add(name);
      Assumptions.abort(e.getMessage());
      return;
    } catch (RuntimeException e) {
      record(suite, name, e.toString());
      throw e;
    }
    try {
      assertEquals(expected.size(), actual.size(), "number of outputs");
      for (int i = 0; i < expected.size(); i++) {
        compare(model.getGraph().getOutput(i).getName(), expected.get(i), actual.get(i));
      }
    } catch (AssertionError e) {
      record(suite, name, e.getMessage());
      throw e;
    }
    COUNTS.get(suite)[PASSED]++;
    for (NodeProto n : model.getGraph().getNodeList()) {
      PASSED_OPS.add(n.getOpType());
    }
  }

  private static void record(String suite, String name, String message) {
    COUNTS.get(suite)[FAILED]++;
    FAILURES.put(name, message);
  }

  private static Map<String, OnnxValue> readInputs(ModelProto model, Path data)
      throws IOException, UnsupportedOnnxException {
    List<ValueInfoProto> inputs = OnnxModelRunner.feedInputs(model.getGraph());
    for (ValueInfoProto v : inputs) {
      requireTensorType(v);
    }
    Map<String, OnnxValue> feeds = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Path file = data.resolve("input_" + i + ".pb");
      if (!Files.exists(file)) {
        throw new UnsupportedOnnxException("graph input without test data");
      }
      TensorProto t = TensorProto.parseFrom(Files.readAllBytes(file));
      String target = t.getName().isEmpty() ? inputs.get(i).getName() : t.getName();
      feeds.put(target, OnnxValue.fromProto(t));
    }
    return feeds;
  }

  private static List<OnnxValue> readOutputs(ModelProto model, Path data)
      throws IOException, UnsupportedOnnxException {
    List<OnnxValue> out = new ArrayList<>();
    for (int i = 0; i < model.getGraph().getOutputCount(); i++) {
      requireTensorType(model.getGraph().getOutput(i));
      out.add(OnnxValue.fromProto(TensorProto.parseFrom(Files.readAllBytes(data.resolve("output_" + i + ".pb")))));
    }
    return out;
  }

  private static void requireTensorType(ValueInfoProto v) throws UnsupportedOnnxException {
    if (!v.getType().hasTensorType()) {
      throw new UnsupportedOnnxException("non-tensor graph value (sequence, optional, map)");
    }
  }

  private static void compare(String what, OnnxValue expected, OnnxValue actual) {
    assertNotNull(actual, what + ": no value");
    assertEquals(expected.onnxType(), actual.onnxType(), what + ": dtype");
    assertEquals(Arrays.toString(expected.tensor().shape()), Arrays.toString(actual.tensor().shape()),
        what + ": shape");
    int n = expected.tensor().size();
    if (expected.tensor().dtype() == DType.F32) {
      for (int i = 0; i < n; i++) {
        float e = expected.tensor().floatAt(i);
        float a = actual.tensor().floatAt(i);
        boolean ok = Float.isNaN(e) ? Float.isNaN(a) : e == a || Math.abs(a - e) <= ATOL + RTOL * Math.abs(e);
        if (!ok) {
          fail(what + ": element " + i + " is " + a + ", expected " + e);
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        long e = expected.onnxLongAt(i);
        long a = actual.onnxLongAt(i);
        if (e != a) {
          fail(what + ": element " + i + " is " + a + ", expected " + e);
        }
      }
    }
  }

  @AfterAll
  static void summary() {
    if (COUNTS.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("\nONNX conformance (" + ROOT + ")\n");
    int[] total = new int[3];
    for (Map.Entry<String, int[]> e : COUNTS.entrySet()) {
      int[] c = e.getValue();
      sb.append(String.format("  %-18s %4d models: %4d passed, %3d failed, %4d skipped%n", e.getKey(),
          c[0] + c[1] + c[2], c[PASSED], c[FAILED], c[SKIPPED]));
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
    }
    sb.append(String.format("  %-18s %4d models: %4d passed, %3d failed, %4d skipped%n", "total",
        total[0] + total[1] + total[2], total[PASSED], total[FAILED], total[SKIPPED]));
    sb.append("Ops with a passing model: ").append(String.join(", ", PASSED_OPS)).append('\n');
    if (!FAILURES.isEmpty()) {
      sb.append("Failures:\n");
      FAILURES.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    sb.append("Skips by reason:\n");
    SKIPS.entrySet().stream()
        .sorted((a, b) -> a.getValue().size() != b.getValue().size() ? b.getValue().size() - a.getValue().size()
            : a.getKey().compareTo(b.getKey()))
        .forEach(e -> sb.append(String.format("  %4d  %s: %s%n", e.getValue().size(), e.getKey(),
            String.join(" ", e.getValue()))));
    System.out.print(sb);
    try {
      Path out = Path.of("target", "onnx-conformance-summary.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

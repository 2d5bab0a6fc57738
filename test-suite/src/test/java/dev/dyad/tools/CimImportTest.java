package dev.dyad.tools;

import static dev.dyad.frontend.onnx.OnnxModels.attr;
import static dev.dyad.frontend.onnx.OnnxModels.dims;
import static dev.dyad.frontend.onnx.OnnxModels.floats;
import static dev.dyad.frontend.onnx.OnnxModels.int64s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.frontend.onnx.OnnxModels;
import dev.dyad.onnx.Onnx.ModelProto;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cim-import end to end: output, the -o file, --freeze, and the diagnostics and exit code of each failure. */
class CimImportTest {
  @TempDir
  Path dir;

  /** The output, the diagnostics and the exit code of one run. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = CimImport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A linear layer and a ReLU: y = relu(x · wᵀ + b). */
  private Path linearRelu() throws Exception {
    ModelProto model = OnnxModels.opset(13)
        .input("x", DataType.FLOAT, 1, 3)
        .initializer(floats("w", dims(2, 3), 1, 2, 3, 4, 5, 6))
        .initializer(floats("b", dims(2), 0.5f, -0.5f))
        .namedNode("fc", "Gemm", List.of("x", "w", "b"), List.of("h"), attr("transB", 1L))
        .namedNode("act", "Relu", List.of("h"), List.of("y"))
        .output("y", DataType.FLOAT, 1, 2)
        .build();
    return write("linear-relu.onnx", model);
  }

  private Path write(String name, ModelProto model) throws Exception {
    return Files.write(dir.resolve(name), model.toByteArray());
  }

  @Test
  void printsTheImportedModuleInGenericFormWhichCimOptReadsBackUnchanged() throws Exception {
    Path model = linearRelu();
    Run r = run(model.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertEquals("""
        "builtin.module"() ({
          "func.func"() <{arg_attrs = [{onnx.name = "x"}], function_type = (tensor<1x3xf32>) -> tensor<1x2xf32>, \
        sym_name = "main"}> ({
          ^bb0(%arg0: tensor<1x3xf32>):
            %0 = "nn.constant"() <{value = dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, \
        5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
            %1 = "nn.constant"() <{value = dense<[5.000000e-01, -5.000000e-01]> : tensor<2xf32>}> : () -> \
        tensor<2xf32>
            %2 = "nn.linear"(%arg0, %0, %1) : (tensor<1x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<1x2xf32>
            %3 = "nn.relu"(%2) : (tensor<1x2xf32>) -> tensor<1x2xf32>
            "func.return"(%3) : (tensor<1x2xf32>) -> ()
          }) : () -> ()
        }) : () -> ()

        """, r.out());
    Path cir = Files.writeString(dir.resolve("imported.cir"), r.out());
    ByteArrayOutputStream reprinted = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exit = CimOpt.run(new String[] {"--print-op-generic", cir.toString()}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(reprinted, true, StandardCharsets.UTF_8),
        new PrintStream(errors, true, StandardCharsets.UTF_8));
    assertEquals(0, exit, errors.toString(StandardCharsets.UTF_8));
    assertEquals(r.out(), reprinted.toString(StandardCharsets.UTF_8));
  }

  @Test
  void debugInfoShowsTheNodeNames() throws Exception {
    Run r = run("--print-debuginfo", linearRelu().toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("loc(\"fc\")") && r.out().contains("loc(\"act\")") && r.out().contains("loc(\"x\")"),
        r.out());
  }

  @Test
  void writesTheOutputFileOnlyWhenTheImportSucceeds() throws Exception {
    Path out = dir.resolve("out.cir");
    Run ok = run(linearRelu().toString(), "-o", out.toString());
    assertEquals(0, ok.exit(), ok.err());
    assertEquals("", ok.out());
    assertTrue(Files.readString(out).contains("\"nn.linear\""));
    Path previous = Files.writeString(dir.resolve("keep.cir"), "previous\n");
    Run failed = run(dir.resolve("missing.onnx").toString(), "-o", previous.toString());
    assertEquals(1, failed.exit());
    assertEquals("previous\n", Files.readString(previous));
    Run unwritable = run(linearRelu().toString(), "-o", dir.resolve("no/such/dir/out.cir").toString());
    assertEquals(1, unwritable.exit());
    assertTrue(unwritable.err().startsWith("cim-import: error: could not write output file '"), unwritable.err());
  }

  @Test
  void aMissingFileIsReported() {
    Run r = run(dir.resolve("missing.onnx").toString());
    assertEquals(1, r.exit());
    assertEquals("cim-import: error: could not open input file '" + dir.resolve("missing.onnx")
        + "': no such file or directory\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aFileThatIsNotAnOnnxModelIsReported() throws Exception {
    Path text = Files.writeString(dir.resolve("model.cir"), "\"builtin.module\"() ({}) : () -> ()\n");
    Run r = run(text.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith(text + ": error: not an ONNX model ("), r.err());
    Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
    Run e = run(empty.toString());
    assertEquals(1, e.exit());
    assertEquals(empty + ": error: not an ONNX model (no ir_version)\n", e.err());
  }

  @Test
  void anUnsupportedNodeIsReportedWithItsNameAndOpType() throws Exception {
    Path model = write("lstm.onnx", OnnxModels.opset(13)
        .input("x", DataType.FLOAT, 1, 2)
        .namedNode("rnn", "LSTM", List.of("x"), List.of("y"))
        .output("y")
        .build());
    Run r = run(model.toString());
    assertEquals(1, r.exit());
    assertEquals(model + ": error: unsupported: node 'rnn' (LSTM): no nn translation\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void anInputThatMustBeConstantCanBeFrozen() throws Exception {
    Path model = write("reshape.onnx", OnnxModels.opset(13)
        .input("data", DataType.FLOAT, 2, 3)
        .input("shape", DataType.INT64, 2)
        .node("Reshape", List.of("data", "shape"), List.of("y"))
        .output("y", DataType.FLOAT, 3, 2)
        .build());
    Run r = run(model.toString());
    assertEquals(1, r.exit());
    assertEquals(model + ": error: unsupported: node #0 (Reshape): shape is not a constant (value 'shape')\n"
        + model + ": note: graph input 'shape' can be fixed with --freeze shape=FILE.pb\n", r.err());
    Path shape = Files.write(dir.resolve("shape.pb"), int64s("shape", dims(2), 3, 2).toByteArray());
    Run frozen = run(model.toString(), "--freeze", "shape=" + shape);
    assertEquals(0, frozen.exit(), frozen.err());
    assertTrue(frozen.out().contains("function_type = (tensor<2x3xf32>) -> tensor<3x2xf32>"), frozen.out());
    Run missing = run(model.toString(), "--freeze", "shape=" + dir.resolve("nope.pb"));
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("could not read tensor file"), missing.err());
  }

  @Test
  void commandLineErrorsExitWithTwo() {
    Run none = run();
    assertEquals(2, none.exit());
    assertTrue(none.err().startsWith("cim-import: error: Missing required parameter: 'MODEL'"), none.err());
    Run unknown = run("--bogus", "m.onnx");
    assertEquals(2, unknown.exit());
    assertFalse(unknown.err().isEmpty());
  }

  @Test
  void helpListsTheExitCodes() {
    Run r = run("--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Usage: cim-import") && r.out().contains("Exit codes:")
        && r.out().contains("--freeze=INPUT=FILE"), r.out());
  }
}

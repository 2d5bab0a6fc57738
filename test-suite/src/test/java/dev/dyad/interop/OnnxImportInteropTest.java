package dev.dyad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.frontend.onnx.ImportedModel;
import dev.dyad.frontend.onnx.OnnxImportException;
import dev.dyad.frontend.onnx.OnnxImporter;
import dev.dyad.ir.Context;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.tools.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the ONNX importer prints is MLIR: every conformance model it imports (libonnx-testdata, without frozen
 * inputs), printed generically with locations, is read and printed back unchanged by mlir-opt-22.
 */
class OnnxImportInteropTest {
  private static final Path ROOT = Path.of(System.getProperty("onnx.testdata", "/usr/share/libonnx-testdata/data"));

  @Test
  void importedModulesAreAFixpointOfMlirOpt() throws IOException {
    MlirOpt.assumeInstalled();
    Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve("node")), "ONNX conformance data not found at " + ROOT);
    List<String> names = new ArrayList<>();
    List<String> printed = new ArrayList<>();
    // Generic: mlir-opt cannot read the custom forms of Dyad's dialects.
    PrintOptions options = PrintOptions.GENERIC.withDebugInfo(true);
    for (String suite : List.of("node", "pytorch-converted", "pytorch-operator", "simple")) {
      List<Path> models;
      try (Stream<Path> s = Files.list(ROOT.resolve(suite))) {
        models = s.filter(p -> Files.isRegularFile(p.resolve("model.onnx"))).sorted().toList();
      }
      for (Path m : models) {
        Context ctx = Dialects.newContext();
        try {
          ImportedModel imported = new OnnxImporter(ctx).importFile(m.resolve("model.onnx"));
          printed.add(OperationPrinter.printTopLevel(imported.module().op(), options));
          names.add(suite + "/" + m.getFileName());
        } catch (OnnxImportException e) {
          // Not imported: the conformance test reports why.
        }
      }
    }
    assertTrue(printed.size() > 150, "only " + printed.size() + " models imported");
    MlirOpt.Result r = MlirOpt.runBatch(printed, "--allow-unregistered-dialect", "--mlir-print-op-generic",
        "--mlir-print-debuginfo");
    List<String> different = new ArrayList<>();
    for (int i = 0; i < printed.size(); i++) {
      if (!r.outputs().get(i).equals(printed.get(i))) {
        different.add(names.get(i) + (r.outputs().get(i).isEmpty() ? " (rejected: " + r.errorsOf(i).strip() + ")"
            : " (printed differently)"));
      }
    }
    assertEquals(List.of(), different, "imported modules mlir-opt-22 does not print back unchanged");
  }
}

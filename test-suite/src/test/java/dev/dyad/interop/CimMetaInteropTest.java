package dev.dyad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.tools.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cim and meta dialects in MLIR's generic form are accepted by {@code mlir-opt-22
 * --allow-unregistered-dialect}, to which they are unknown, and printed back byte for byte: the
 * round-trip files of both dialects, with and without locations. (Once the nn dialect is merged,
 * MlirOptInteropTest's check of every file under lit/dialects covers this too.)
 */
class CimMetaInteropTest {
  private static final List<Path> FILES = List.of(Path.of("src/test/lit/dialects/cim/ops.cir"),
      Path.of("src/test/lit/dialects/meta/ops.cir"));

  @Test
  void roundTripFilesPrintedByDyadAreAFixpointOfMlirOpt() throws IOException {
    MlirOpt.assumeInstalled();
    for (boolean debugInfo : new boolean[] {false, true}) {
      // Generic: mlir-opt cannot read the custom forms of Dyad's dialects.
      PrintOptions options = PrintOptions.GENERIC.withDebugInfo(debugInfo);
      List<String> printed = new ArrayList<>();
      for (Path f : FILES) {
        printed.add(printVerified(f, options));
      }
      List<String> args = new ArrayList<>(List.of("--allow-unregistered-dialect", "--mlir-print-op-generic"));
      if (debugInfo) {
        args.add("--mlir-print-debuginfo");
      }
      MlirOpt.Result r = MlirOpt.runBatch(printed, args.toArray(new String[0]));
      for (int i = 0; i < FILES.size(); i++) {
        assertEquals("", r.errorsOf(i), FILES.get(i) + ": " + MlirOpt.NAME + " rejected Dyad's output");
        assertEquals(printed.get(i), r.outputs().get(i), FILES.get(i) + " (debug info " + debugInfo + ")");
      }
    }
  }

  /** {@code file} parsed and verified with cim-opt's dialects (nn unregistered for now), then printed. */
  private static String printVerified(Path file, PrintOptions options) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Context ctx = Dialects.newContext();
    ctx.setAllowUnregisteredDialects(true);
    Operation module = Parser.parse(ctx, text, file.getFileName().toString());
    assertNotNull(module, () -> file + " does not parse: " + ctx.diagnostics().takeAll());
    assertTrue(Verifier.verify(ctx, module), () -> file + " does not verify: " + ctx.diagnostics().takeAll());
    String out = OperationPrinter.printTopLevel(module, options);
    assertTrue(out.contains("\"cim.") || out.contains("\"meta."), file + " holds no cim or meta op");
    return out;
  }
}

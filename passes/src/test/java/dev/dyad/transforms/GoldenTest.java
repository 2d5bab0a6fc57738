package dev.dyad.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.rewrite.GreedyRewriteConfig;
import dev.dyad.rewrite.TestIr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The transforms against mlir-opt-22's own output: each {@code golden/X.mlir} (mlir-opt's generic
 * form of a hand-written input) and {@code X*.expected} were produced by {@code mlir-opt-22
 * --allow-unregistered-dialect --<pass> --mlir-print-op-generic [--mlir-print-debuginfo]}.
 */
class GoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden");

  private static void check(String input, String expected, boolean debugInfo, BiConsumer<Context, Operation> pass)
      throws IOException {
    Context ctx = TestIr.context();
    Operation m = TestIr.parse(ctx, Files.readString(DIR.resolve(input), StandardCharsets.UTF_8));
    pass.accept(ctx, m);
    TestIr.check(ctx, m);
    assertTrue(ctx.diagnostics().takeAll().isEmpty());
    String out = OperationPrinter.printTopLevel(m, PrintOptions.DEFAULT.withDebugInfo(debugInfo));
    assertEquals(Files.readString(DIR.resolve(expected), StandardCharsets.UTF_8), out);
  }

  @Test
  void canonicalizeWithLocations() throws IOException {
    check("canonicalize-arith.mlir", "canonicalize-arith.expected", true, (ctx, m) -> new Canonicalizer(ctx).run(m));
  }

  @Test
  void canonicalizeBottomUp() throws IOException {
    Canonicalizer.Options bottomUp = new Canonicalizer.Options(false, GreedyRewriteConfig.RegionSimplification.NORMAL,
        10, -1, false, List.of(), List.of());
    check("canonicalize-arith.mlir", "canonicalize-arith.bottom-up.expected", false,
        (ctx, m) -> new Canonicalizer(ctx, bottomUp).run(m));
  }

  @Test
  void cse() throws IOException {
    check("cse.mlir", "cse.expected", true, (ctx, m) -> new Cse(ctx).run(m));
  }

  @Test
  void symbolDce() throws IOException {
    check("symbol-dce.mlir", "symbol-dce.expected", false, (ctx, m) -> new SymbolDce(ctx).run(m));
  }
}

package dev.dyad.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.pass.PassManager;
import dev.dyad.pass.PassRegistry;
import dev.dyad.tools.Dialects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * examples/tiny-cnn.cir (an nn program) through the cim-mlc and naive pipelines on every preset:
 * the meta program passes meta.md's chip-state checks, or the lowering reports that a tensor does
 * not fit the chip's buffer. Needs nn-to-cim in the registry (skipped without it).
 */
class ExampleCompileTest {
  private static final Path EXAMPLE = Path.of("../examples/tiny-cnn.cir");

  @ParameterizedTest
  @CsvSource({"dynaplasia, cim-mlc, true", "dynaplasia, naive, true", "prime, cim-mlc, true", "prime, naive, true",
      "puma, cim-mlc, true", "puma, naive, true", "isscc21-jia, cim-mlc, true", "isscc21-jia, naive, true",
      // 16 KiB: the first convolution fits only in row blocks of output-image rows.
      "jain21, cim-mlc, true", "jain21, naive, true"})
  void tinyCnnCompiles(String preset, String pipeline, boolean fits) throws Exception {
    PassRegistry registry = PassRegistry.installed();
    assumeTrue(registry.contains("nn-to-cim"), "nn-to-cim is not registered in this build");
    Context ctx = Dialects.newContext();
    Operation module = Parser.parse(ctx, Files.readString(EXAMPLE), EXAMPLE.toString());
    assertNotNull(module);
    assertTrue(new Verifier(ctx).run(module));
    HardwareDescription arch = HardwareDescriptions.preset(preset);
    module.setAttr(ArchAttr.MODULE_ATTRIBUTE, new ArchAttr(arch));
    PassManager pm = PassManager.parse(ctx, "builtin.module(" + pipeline + ")", registry);
    pm.enableVerifier(true).printOpOnDiagnostic(false);
    boolean ok = pm.run(module);
    List<String> messages = ctx.diagnostics().takeAll().stream().map(Diagnostic::message).toList();
    assertEquals(fits, ok, () -> messages.toString());
    if (!fits) {
      assertEquals(1, messages.size(), messages::toString);
      assertTrue(messages.get(0).contains("bits of the on-chip buffer at once"), messages::toString);
      return;
    }
    assertEquals(List.of(), messages);
    Operation func = module.getRegion(0).front().front();
    assertEquals(List.of(), MetaStateChecker.check(func, arch));
  }
}

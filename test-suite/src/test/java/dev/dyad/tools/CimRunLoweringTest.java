package dev.dyad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.dialect.meta.LoadOp;
import dev.dyad.dialect.meta.PlaceAttr;
import dev.dyad.dialect.meta.StoreOp;
import dev.dyad.dialect.meta.VectorOp;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.PassPipeline;
import dev.dyad.pass.PassRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cim-run on an nn program when a lowering pipeline named {@code cim-default} is registered: it
 * attaches the chip, runs the pipeline and interprets the meta program it leaves. (No build
 * registers one yet; a stand-in pipeline lowers {@code nn.relu} to load, vector work and store.)
 */
class CimRunLoweringTest {
  @TempDir
  Path dir;

  /** Lowers every nn.relu to meta.load, a relu meta.vector and meta.store; fails without cim.arch. */
  static final class ReluToMeta extends Pass {
    @Override
    public String argument() {
      return "test-relu-to-meta";
    }

    @Override
    public String summary() {
      return "nn.relu as load, vector relu, store";
    }

    @Override
    public String anchor() {
      return "func.func";
    }

    @Override
    public void run(Operation func, PassContext ctx) {
      if (!(func.getParentOp().getAttr(ArchAttr.MODULE_ATTRIBUTE) instanceof ArchAttr)) {
        ctx.emitError(func, "no cim.arch to lower for");
        ctx.signalPassFailure();
        return;
      }
      List<Operation> relus = new ArrayList<>();
      func.walk(op -> {
        if (op.getNameString().equals("nn.relu")) {
          relus.add(op);
        }
      });
      Builder b = new Builder(ctx.context());
      for (Operation relu : relus) {
        b.setInsertionPoint(relu);
        LoadOp l = LoadOp.create(b, relu.getLoc(), relu.getOperand(0), PlaceAttr.BUFFER);
        VectorOp v = VectorOp.create(b, relu.getLoc(), "nn.relu", DictionaryAttr.EMPTY, List.of(l.output()),
            relu.getResultTypes(), PlaceAttr.BUFFER);
        StoreOp s = StoreOp.create(b, relu.getLoc(), v.outputs().get(0), PlaceAttr.BUFFER);
        relu.getResult(0).replaceAllUsesWith(s.output());
        relu.erase();
      }
    }
  }

  private static PassRegistry registry(String pipeline) {
    return new PassRegistry().registerPass(ReluToMeta::new)
        .registerPipeline(() -> PassPipeline.ofText("cim-default", "stand-in lowering", pipeline));
  }

  private record Run(int code, String out, String err) {}

  private Run cimRun(PassRegistry registry, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CimRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> registry);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path program() throws Exception {
    Path file = dir.resolve("relu.cir");
    Files.writeString(file, """
        "func.func"() <{function_type = (tensor<4xf32>) -> tensor<4xf32>, sym_name = "main"}> ({
        ^bb0(%x: tensor<4xf32>):
          %r = "nn.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
          "func.return"(%r) : (tensor<4xf32>) -> ()
        }) : () -> ()
        """);
    return file;
  }

  @Test
  void anNnProgramIsLoweredWithTheRegisteredPipelineAndRun() throws Exception {
    Path file = program();
    Run reference = cimRun(registry("func.func(test-relu-to-meta)"), "--reference", file.toString());
    Run cim = cimRun(registry("func.func(test-relu-to-meta)"), file.toString(), "--arch", "dynaplasia");
    assertEquals(0, cim.code(), cim.err());
    String output = reference.out().lines().findFirst().orElseThrow();
    assertTrue(cim.out().startsWith(output + "\n"), "the same values as the reference:\n" + cim.out());
    assertTrue(cim.out().contains("performance on dynaplasia"), cim.out());
  }

  @Test
  void aFailingLoweringIsReportedWithItsDiagnostics() throws Exception {
    Path file = program();
    PassRegistry failing = new PassRegistry().registerPass(dev.dyad.pass.testing.TestFailPass::new)
        .registerPipeline(() -> PassPipeline.ofText("cim-default", "fails", "test-fail"));
    Run run = cimRun(failing, file.toString(), "--arch", "dynaplasia");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("error: test-fail: failing as requested"), run.err());
    assertTrue(run.err().endsWith("cim-run: error: lowering '" + file + "' with 'cim-default' failed\n"), run.err());
  }

  @Test
  void aLoweringThatLeavesNoMetaProgramIsReported() throws Exception {
    Path file = program();
    Run run = cimRun(new PassRegistry().registerPipeline(() -> PassPipeline.ofText("cim-default", "does nothing",
        "")), file.toString(), "--arch", "dynaplasia");
    assertEquals(1, run.code());
    assertEquals("cim-run: error: the 'cim-default' pipeline left no meta program in '" + file + "'\n", run.err());
  }
}

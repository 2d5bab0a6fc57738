package dev.dyad.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.UnitAttr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassManagerTest {
  private final Context ctx = TestSupport.context();
  private final List<String> log = TestSupport.newLog();
  private final PassRegistry registry = TestSupport.registry(log);

  private boolean run(String pipeline, Operation op) throws PipelineException {
    return PassManager.parse(ctx, pipeline, registry).run(op);
  }

  private List<String> errors() {
    return ctx.diagnostics().takeAll().stream()
        .filter(d -> d.severity() == Diagnostic.Severity.ERROR).map(Diagnostic::message).toList();
  }

  @Test
  void nestedPipelineRunsOnEachMatchingChild() throws PipelineException {
    assertTrue(run("builtin.module(func.func(a),b)", TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("a:func.func@f", "a:func.func@g", "b:builtin.module"), log);
  }

  @Test
  void anyRunsOnRegisteredIsolatedChildrenOnly() throws PipelineException {
    assertTrue(run("builtin.module(any(a))", TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("a:func.func@f", "a:func.func@g"), log);
  }

  @Test
  void adjacentNestedPipelinesAreMerged() throws PipelineException {
    PassManager pm = PassManager.parse(ctx, "builtin.module(func.func(a),func.func(b))", registry);
    assertTrue(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("a:func.func@f", "b:func.func@f", "a:func.func@g", "b:func.func@g"), log);
    assertEquals("builtin.module(func.func(a,b))", pm.pipeline().toPipelineText());
  }

  @Test
  void opAgnosticPipelinesThatOverlapAreNotMerged() throws PipelineException {
    assertTrue(run("builtin.module(func.func(a),any(b))", TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("a:func.func@f", "a:func.func@g", "b:func.func@f", "b:func.func@g"), log);
  }

  @Test
  void aFailureStopsThatOpsPipelineButNotItsSiblings() {
    PassManager pm = new PassManager(ctx);
    OpPassManager fn = pm.nest("func.func");
    fn.addPass(new TestSupport.RecordingPass("fail-f", Pass.ANY, log, (op, pc) -> {
      if ("f".equals(dev.dyad.ir.SymbolTable.symbolName(op))) {
        pc.emitError(op, "no");
        pc.signalPassFailure();
      }
    }));
    fn.addPass(new TestSupport.RecordingPass("after", Pass.ANY, log));
    pm.addPass(new TestSupport.RecordingPass("module", Pass.ANY, log));
    assertFalse(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("fail-f:func.func@f", "fail-f:func.func@g", "after:func.func@g"), log);
    assertEquals(List.of("no"), errors());
  }

  @Test
  void silentFailureGetsAnError() {
    PassManager pm = new PassManager(ctx).addPass(
        new TestSupport.RecordingPass("quiet", Pass.ANY, log, (op, pc) -> pc.signalPassFailure()));
    assertFalse(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("pass 'quiet' failed without reporting an error"), errors());
  }

  @Test
  void invalidResultFailsThePassUnlessVerificationIsOff() {
    Pass breaker = new TestSupport.RecordingPass("break", Pass.ANY, log,
        (op, pc) -> op.getRegion(0).getBlocks().get(0).back().erase());
    PassManager pm = new PassManager(ctx);
    pm.nest("func.func").addPass(breaker);
    assertFalse(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("empty block: expect at least a terminator", "empty block: expect at least a terminator"),
        errors());

    PassManager unverified = new PassManager(ctx).enableVerifier(false);
    unverified.nest("func.func").addPass(breaker);
    assertTrue(unverified.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of(), errors());
  }

  @Test
  void wrongTopLevelAnchor() throws PipelineException {
    assertFalse(run("func.func(a)", TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("can't run 'func.func' pass manager on 'builtin.module' op"), errors());
    assertEquals(List.of(), log);
  }

  @Test
  void addingAnAnchoredPassUnderAnotherAnchorThrows() {
    OpPassManager pm = new OpPassManager("builtin.module");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pm.addPass(new TestSupport.RecordingPass("fn", "func.func", log)));
    assertEquals("Can't add pass 'Recording' restricted to 'func.func' on a PassManager intended to run on "
        + "'builtin.module', did you intend to nest?", e.getMessage());
  }

  @Test
  void passesThatCannotRunOnTheAnchorAreRejectedBeforeRunning() {
    Pass picky = new TestSupport.RecordingPass("picky", Pass.ANY, log) {
      @Override
      public boolean canScheduleOn(dev.dyad.ir.OperationName name) {
        return false;
      }
    };
    assertFalse(new PassManager(ctx).addPass(picky).run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("unable to schedule pass 'picky' on a PassManager intended to run on 'builtin.module'!"),
        errors());
  }

  @Test
  void dependentDialectsAreRegisteredBeforeRunning() {
    Dialect extra = new Dialect() {
      @Override
      public String namespace() {
        return "extra";
      }

      @Override
      public List<OpDef> ops() {
        return List.of();
      }
    };
    Pass needy = new TestSupport.RecordingPass("needy", Pass.ANY, log) {
      @Override
      public List<Dialect> dependentDialects() {
        return List.of(extra);
      }
    };
    PassManager pm = new PassManager(ctx);
    pm.nest("func.func").addPass(needy);
    assertFalse(ctx.isDialectRegistered("extra"));
    assertTrue(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertTrue(ctx.isDialectRegistered("extra"));
  }

  @Test
  void instrumentationHooksNest() throws PipelineException {
    List<String> events = new ArrayList<>();
    PassManager pm = PassManager.parse(ctx, "builtin.module(func.func(a),b)", registry);
    pm.addInstrumentation(new PassInstrumentation() {
      @Override
      public void runBeforePipeline(OpPassManager p, Operation op) {
        events.add("before-pipeline " + p.anchor());
      }

      @Override
      public void runAfterPipeline(OpPassManager p, Operation op) {
        events.add("after-pipeline " + p.anchor());
      }

      @Override
      public void runBeforePass(Pass pass, Operation op) {
        events.add("before " + pass.name());
      }

      @Override
      public void runAfterPass(Pass pass, Operation op) {
        events.add("after " + pass.name());
      }
    });
    assertTrue(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(List.of("before 'func.func' Pipeline",
        "before-pipeline func.func", "before Recording", "after Recording", "after-pipeline func.func",
        "before-pipeline func.func", "before Recording", "after Recording", "after-pipeline func.func",
        "after 'func.func' Pipeline", "before Recording", "after Recording"), events);
  }

  @Test
  void statisticsAccumulateOverOps() {
    class Counting extends Pass {
      final Statistic runs = statistic("runs", "Runs");

      @Override
      public String argument() {
        return "counting";
      }

      @Override
      public String summary() {
        return "counts";
      }

      @Override
      public void run(Operation op, PassContext pc) {
        runs.increment();
      }
    }
    Counting counting = new Counting();
    PassManager pm = new PassManager(ctx);
    pm.nest("func.func").addPass(counting);
    assertTrue(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    assertEquals(2, counting.runs.get());
    assertEquals("""
        ===-------------------------------------------------------------------------===
                                 ... Pass statistics report ...
        ===-------------------------------------------------------------------------===
        'func.func' Pipeline
          Counting
            (S) 2 runs - Runs

        """, PassStatistics.report(pm.pipeline(), PassStatistics.Display.PIPELINE));
  }

  @Test
  void dumpMatchesMlir() throws PipelineException {
    assertEquals("Pass Manager with 2 passes:\nbuiltin.module(\n  func.func(\n    a\n  ),\n  b\n)\n",
        PassManager.parse(ctx, "builtin.module(func.func(a),b)", registry).dump());
  }

  @Test
  void fingerprintSeesChanges() {
    Operation module = TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS);
    long before = OperationFingerprint.of(module);
    assertEquals(before, OperationFingerprint.of(module));
    Operation f = module.getRegion(0).getBlocks().get(0).front();
    f.setAttr("t.x", UnitAttr.INSTANCE);
    long tagged = OperationFingerprint.of(module);
    assertNotEquals(before, tagged);
    f.removeAttr("t.x");
    assertEquals(before, OperationFingerprint.of(module));
    f.getRegion(0).getBlocks().get(0).back().erase();
    assertNotEquals(before, OperationFingerprint.of(module));
  }

  @Test
  void reproducerRoundTrip(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("repro.cir");
    Operation module = TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS);
    PassManager failing = new PassManager(ctx).enableReproducer(new ReproducerOptions(file, false));
    failing.nest("func.func").addPass(new TestSupport.RecordingPass("boom", Pass.ANY, log, (op, pc) -> {
      op.setAttr("t.changed", UnitAttr.INSTANCE);
      pc.emitError(op, "boom");
      pc.signalPassFailure();
    }));
    assertFalse(failing.run(module));
    List<String> messages = errors();
    assertEquals("Failures have been detected while processing an MLIR pass pipeline", messages.get(1));
    ReproducerFile repro = ReproducerFile.parse(Files.readString(file));
    assertEquals("builtin.module(func.func(boom))", repro.pipeline());
    assertEquals(Boolean.TRUE, repro.verifyEach());
    // The input as it was before the pipeline ran.
    assertFalse(repro.ir().contains("t.changed"));
    Operation reparsed = TestSupport.parse(ctx, repro.ir());
    assertEquals("builtin.module", reparsed.getNameString());
  }

  @Test
  void localReproducerHasTheIrTheFailingPassGot(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("repro.cir");
    PassManager pm = new PassManager(ctx).enableReproducer(new ReproducerOptions(file, true));
    OpPassManager fn = pm.nest("func.func");
    fn.addPass(new TestSupport.RecordingPass("tag", Pass.ANY, log, (op, pc) -> op.setAttr("t.tag", UnitAttr.INSTANCE)));
    fn.addPass(new TestSupport.RecordingPass("boom", Pass.ANY, log, (op, pc) -> pc.signalPassFailure()));
    assertFalse(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    ReproducerFile repro = ReproducerFile.parse(Files.readString(file));
    assertEquals("builtin.module(func.func(boom))", repro.pipeline());
    assertTrue(repro.ir().contains("{t.tag}"));
  }

  @Test
  void reproducerFileWithoutTrailerIsJustIr() throws Exception {
    ReproducerFile repro = ReproducerFile.parse("\"test.op\"() : () -> ()\n");
    assertNull(repro.pipeline());
    assertNull(repro.verifyEach());
    assertEquals("\"test.op\"() : () -> ()\n", repro.ir());
  }

  @Test
  void reproducerTrailerEscapesThePipeline() throws Exception {
    String trailer = ReproducerFile.trailer("builtin.module(x{s=\"a\\b\"})", false);
    ReproducerFile repro = ReproducerFile.parse("// ir\n" + trailer);
    assertEquals("builtin.module(x{s=\"a\\b\"})", repro.pipeline());
    assertEquals(Boolean.FALSE, repro.verifyEach());
    assertEquals("// ir\n", repro.ir());
  }

  @Test
  void timingReportIsATree() throws PipelineException {
    TimingManager timing = new TimingManager();
    PassManager pm = PassManager.parse(ctx, "builtin.module(func.func(a),b)", registry)
        .addInstrumentation(new PassTimingInstrumentation(timing));
    assertTrue(pm.run(TestSupport.parse(ctx, TestSupport.TWO_FUNCTIONS)));
    List<String> names = timing.report().lines().skip(6).map(l -> l.substring(21)).toList();
    assertEquals(List.of("'func.func' Pipeline", "  Recording", "Recording", "Rest", "Total"), names);
  }
}

package dev.dyad.pass;

import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Verifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pipeline on an op: nested pipelines on the matching ops directly inside, verification
 * after each pass, instrumentation hooks, and a reproducer on failure. A pass that fails stops the
 * pipeline on that op; sibling ops still run theirs, and the run fails.
 *
 * <pre>{@code
 * PassManager pm = PassManager.parse(ctx, "builtin.module(func.func(cse))", PassRegistry.installed());
 * boolean ok = pm.run(module);   // problems are diagnostics in ctx
 * }</pre>
 */
public final class PassManager {
  private final Context context;
  private final OpPassManager pipeline;
  private final List<PassInstrumentation> instrumentations = new ArrayList<>();
  private boolean verifyEach = true;
  private boolean printOpOnDiagnostic = true;
  private ReproducerGenerator reproducer;

  /** An empty pipeline on {@code builtin.module}. */
  public PassManager(Context context) {
    this(context, new OpPassManager("builtin.module"));
  }

  public PassManager(Context context, OpPassManager pipeline) {
    this.context = context;
    this.pipeline = pipeline;
  }

  /** A pass manager for pipeline text such as {@code builtin.module(cse)}. */
  public static PassManager parse(Context context, String text, PassRegistry registry) throws PipelineException {
    return new PassManager(context, PipelineParser.parse(text, registry));
  }

  public OpPassManager pipeline() {
    return pipeline;
  }

  public PassManager addPass(Pass pass) {
    pipeline.addPass(pass);
    return this;
  }

  public OpPassManager nest(String opName) {
    return pipeline.nest(opName);
  }

  /** Verify the op after every pass (on by default). */
  public PassManager enableVerifier(boolean on) {
    verifyEach = on;
    return this;
  }

  public boolean verifierEnabled() {
    return verifyEach;
  }

  /**
   * Whether errors get MLIR's {@code see current operation} note (on by default; tools that
   * check diagnostics turn it off, like mlir-opt).
   */
  public PassManager printOpOnDiagnostic(boolean on) {
    printOpOnDiagnostic = on;
    return this;
  }

  public PassManager addInstrumentation(PassInstrumentation instrumentation) {
    instrumentations.add(instrumentation);
    return this;
  }

  /**
   * On failure, write a reproducer to {@code options.file()}: the IR and the pipeline that fail,
   * for {@code cim-opt --run-reproducer}.
   */
  public PassManager enableReproducer(ReproducerOptions options) {
    reproducer = new ReproducerGenerator(options);
    return this;
  }

  /** What {@code --dump-pass-pipeline} prints: MLIR's header and the pipeline, one pass a line. */
  public String dump() {
    return "Pass Manager with " + pipeline.size() + " passes:\n" + pipeline.toPrettyPipelineText() + "\n";
  }

  /** Runs the pipeline on {@code op}; false if a pass failed (the diagnostics say why). */
  public boolean run(Operation op) {
    if (!pipeline.isOpAgnostic() && !pipeline.anchor().equals(op.getNameString())) {
      context.emitError(op.getLoc(),
          "can't run '" + pipeline.anchor() + "' pass manager on '" + op.getNameString() + "' op");
      return false;
    }
    String error = pipeline.finalizePasses(context);
    if (error != null) {
      context.emitError(Location.UNKNOWN, error);
      return false;
    }
    registerDependentDialects(pipeline);
    if (reproducer != null) {
      reproducer.start(op, pipeline, verifyEach);
    }
    return new Execution().runPipeline(pipeline, op);
  }

  private void registerDependentDialects(OpPassManager pm) {
    for (Pass p : pm.passes()) {
      if (p instanceof PassAdaptor a) {
        a.managers().forEach(this::registerDependentDialects);
      } else {
        for (Dialect d : p.dependentDialects()) {
          context.register(d);
        }
      }
    }
  }

  /** The state of one run: the stack of pipelines being executed, for reproducers. */
  private final class Execution {
    private final List<OpPassManager> stack = new ArrayList<>();

    boolean runPipeline(OpPassManager pm, Operation op) {
      stack.add(pm);
      try {
        for (Pass pass : pm.passes()) {
          if (!runPass(pass, op)) {
            return false;
          }
        }
        return true;
      } finally {
        stack.remove(stack.size() - 1);
      }
    }

    private boolean runPass(Pass pass, Operation op) {
      for (PassInstrumentation i : instrumentations) {
        i.runBeforePass(pass, op);
      }
      boolean ok = pass instanceof PassAdaptor a ? runAdaptor(a, op) : runLeaf(pass, op);
      if (ok) {
        for (int i = instrumentations.size() - 1; i >= 0; i--) {
          instrumentations.get(i).runAfterPass(pass, op);
        }
      } else {
        for (int i = instrumentations.size() - 1; i >= 0; i--) {
          instrumentations.get(i).runAfterPassFailed(pass, op);
        }
      }
      return ok;
    }

    private boolean runLeaf(Pass pass, Operation op) {
      if (reproducer != null) {
        reproducer.beforePass(op);
      }
      int diagnosticsBefore = context.diagnostics().size();
      PassContext pc = new PassContext(context, printOpOnDiagnostic);
      pass.run(op, pc);
      boolean ok = !pc.failed();
      if (!ok && !emittedError(diagnosticsBefore)) {
        // MLIR would fail silently; a failure without a reason is no use to a user.
        context.emitError(op.getLoc(), "pass '" + pass.argument() + "' failed without reporting an error");
      }
      // Verification is part of the pass: an invalid result fails it (only adaptors skip it,
      // since their nested pipelines verified what they changed).
      if (ok && verifyEach) {
        ok = new Verifier(context).printOpOnDiagnostic(printOpOnDiagnostic).run(op);
      }
      if (!ok && reproducer != null) {
        reproducer.failed(context, pass, op, stack);
      }
      return ok;
    }

    private boolean emittedError(int from) {
      List<Diagnostic> all = context.diagnostics().diagnostics();
      for (int i = from; i < all.size(); i++) {
        if (all.get(i).severity() == Diagnostic.Severity.ERROR) {
          return true;
        }
      }
      return false;
    }

    /** Runs the adaptor's pipelines on the ops directly inside {@code parent}; all of them, even after a failure. */
    private boolean runAdaptor(PassAdaptor adaptor, Operation parent) {
      List<Operation> children = new ArrayList<>();
      for (Region r : parent.getRegions()) {
        for (Block b : r.getBlocks()) {
          children.addAll(b.getOpsList());
        }
      }
      boolean ok = true;
      for (Operation child : children) {
        OpPassManager pm = adaptor.managerFor(child);
        if (pm == null) {
          continue;
        }
        for (PassInstrumentation i : instrumentations) {
          i.runBeforePipeline(pm, child);
        }
        ok &= runPipeline(pm, child);
        for (int i = instrumentations.size() - 1; i >= 0; i--) {
          instrumentations.get(i).runAfterPipeline(pm, child);
        }
      }
      return ok;
    }
  }
}

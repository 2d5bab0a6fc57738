package dev.dyad.pass;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.SymbolTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Writes a reproducer on the first failure of a run: the IR (the pipeline's input, or in local
 * mode the IR just before the failing pass) followed by MLIR's trailer with the pipeline, which
 * {@link ReproducerFile} reads back. Snapshots are copies, taken before the IR changes.
 */
final class ReproducerGenerator {
  private final ReproducerOptions options;
  private Operation root;
  private OpPassManager pipeline;
  private boolean verifyEach;
  private Operation snapshot;
  private boolean generated;

  ReproducerGenerator(ReproducerOptions options) {
    this.options = options;
  }

  void start(Operation op, OpPassManager pipeline, boolean verifyEach) {
    this.root = op;
    this.pipeline = pipeline;
    this.verifyEach = verifyEach;
    this.generated = false;
    this.snapshot = options.local() ? null : op.clone();
  }

  /** Local mode keeps the IR as the next pass receives it. */
  void beforePass(Operation op) {
    if (options.local() && !generated) {
      snapshot = root.clone();
    }
  }

  void failed(Context ctx, Pass pass, Operation op, List<OpPassManager> stack) {
    if (generated) {
      return;
    }
    generated = true;
    String where = "`" + pass.name() + "` on '" + op.getNameString() + "' operation";
    String symbol = SymbolTable.symbolName(op);
    if (symbol != null) {
      where += ": @" + symbol;
    }
    String text = options.local() ? localPipeline(pass, stack) : pipeline.toPipelineText();
    try {
      Files.writeString(options.file(), contents(text), StandardCharsets.UTF_8);
    } catch (IOException e) {
      ctx.emitError(op.getLoc(), "could not write the reproducer file '" + options.file() + "': " + e.getMessage());
      return;
    }
    String what = options.local() ? where : "[" + where + "]";
    ctx.emitError(op.getLoc(), "Failures have been detected while processing an MLIR pass pipeline")
        .attachNote(op.getLoc(), "Pipeline failed while executing " + what + ": reproducer generated at `"
            + options.file() + "`");
  }

  /** The failing pass inside the anchors of the pipelines that led to it. */
  private static String localPipeline(Pass pass, List<OpPassManager> stack) {
    StringBuilder sb = new StringBuilder();
    for (OpPassManager pm : stack) {
      sb.append(pm.anchor()).append('(');
    }
    sb.append(pass.toPipelineText());
    sb.append(")".repeat(stack.size()));
    return sb.toString();
  }

  private String contents(String pipelineText) {
    StringBuilder sb = new StringBuilder();
    // Generic, as documented (docs/passes.md): mlir-opt reads it whatever dialects the IR holds.
    OperationPrinter.printTopLevel(snapshot, PrintOptions.GENERIC, sb);
    sb.append(ReproducerFile.trailer(pipelineText, verifyEach));
    return sb.toString();
  }
}

package dev.dyad.pass;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Verifier;

/**
 * What a running pass can reach: the IR context, diagnostics about ops (with MLIR's
 * {@code see current operation} note unless the tool checks diagnostics), and failure
 * signalling. One instance per run of a pass on one op.
 */
public final class PassContext {
  private final Context context;
  private final boolean printOpOnDiagnostic;
  private boolean failed;

  PassContext(Context context, boolean printOpOnDiagnostic) {
    this.context = context;
    this.printOpOnDiagnostic = printOpOnDiagnostic;
  }

  public Context context() {
    return context;
  }

  /** Marks this run as failed; the pass manager stops the pipeline on this op and reports failure. */
  public void signalPassFailure() {
    failed = true;
  }

  public boolean failed() {
    return failed;
  }

  /** An error at {@code op}'s location. */
  public Diagnostic emitError(Operation op, String message) {
    return emit(Diagnostic.Severity.ERROR, op, message);
  }

  /** An error prefixed with the op name, as MLIR's {@code emitOpError}: {@code 'func.func' op ...}. */
  public Diagnostic emitOpError(Operation op, String message) {
    return emit(Diagnostic.Severity.ERROR, op, "'" + op.getNameString() + "' op " + message);
  }

  public Diagnostic emitWarning(Operation op, String message) {
    return emit(Diagnostic.Severity.WARNING, op, message);
  }

  public Diagnostic emitRemark(Operation op, String message) {
    return emit(Diagnostic.Severity.REMARK, op, message);
  }

  private Diagnostic emit(Diagnostic.Severity severity, Operation op, String message) {
    Diagnostic d = new Diagnostic(severity, op.getLoc(), message);
    if (printOpOnDiagnostic && severity == Diagnostic.Severity.ERROR) {
      d.attachNote(op.getLoc(), "see current operation: " + Verifier.printForDiagnostic(op));
    }
    return context.diagnostics().emit(d);
  }
}

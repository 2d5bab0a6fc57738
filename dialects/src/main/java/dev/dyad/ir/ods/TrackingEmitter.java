package dev.dyad.ir.ods;

import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;

/** Forwards errors and remembers whether there was one: a phase failed if it reported anything. */
final class TrackingEmitter implements DiagnosticEmitter {
  private final DiagnosticEmitter target;
  private boolean failed;

  TrackingEmitter(DiagnosticEmitter target) {
    this.target = target;
  }

  @Override
  public Diagnostic emitError(Operation op, String message) {
    failed = true;
    return target.emitError(op, message);
  }

  boolean failed() {
    return failed;
  }
}

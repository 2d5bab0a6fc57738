package dev.dyad.ir;

/** Where verification and passes report problems about an operation. */
@FunctionalInterface
public interface DiagnosticEmitter {
  /** Reports an error on {@code op}; the returned diagnostic can take notes. */
  Diagnostic emitError(Operation op, String message);
}

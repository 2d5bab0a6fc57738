package dev.dyad.ir;

/** Where verification and passes report problems about an operation. */
@FunctionalInterface
public interface DiagnosticEmitter {
  /** Reports an error on {@code op}; the returned diagnostic can take notes. */
  Diagnostic emitError(Operation op, String message);

  /** Like MLIR's {@code emitOpError}: the message is prefixed with {@code 'name' op }. */
  default Diagnostic emitOpError(Operation op, String message) {
    return emitError(op, "'" + op.getNameString() + "' op " + message);
  }
}

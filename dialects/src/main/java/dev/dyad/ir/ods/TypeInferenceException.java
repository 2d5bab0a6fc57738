package dev.dyad.ir.ods;

/**
 * Why result types cannot be inferred (invalid operand types or properties). The verifier turns
 * it into an error diagnostic; a builder given such operands throws it to its caller.
 */
public final class TypeInferenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TypeInferenceException(String message) {
    // No stack trace: it reports invalid IR, not a bug, and verification may throw many.
    super(message, null, false, false);
  }
}

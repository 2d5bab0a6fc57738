package dev.dyad.dialect.cim;

/**
 * Thrown by the shape inference of the CIM ops when operand types or properties do not fit the
 * op; the message completes {@code 'cim.op' op ...} and is what the verifier reports.
 */
public final class ShapeInferenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ShapeInferenceException(String message) {
    super(message, null, false, false);
  }
}

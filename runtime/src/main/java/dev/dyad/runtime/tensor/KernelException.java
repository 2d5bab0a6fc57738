package dev.dyad.runtime.tensor;

/**
 * A kernel could not compute its result from the values it was given (shape mismatch, integer division by
 * zero, index out of range). The interpreter turns it into a diagnostic at the failing op.
 */
public class KernelException extends RuntimeException {
  public KernelException(String message) {
    super(message);
  }
}

package dev.dyad.ir;

/**
 * Thrown by {@link Dialect#parseAttribute} when a body names one of the dialect's attributes but
 * is malformed. The parser reports the message as an error at the attribute, so it is written for
 * users.
 */
public final class InvalidAttributeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidAttributeException(String message) {
    super(message, null, false, false);
  }
}

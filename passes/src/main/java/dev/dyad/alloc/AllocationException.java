package dev.dyad.alloc;

/** The hardware cannot hold an operator (it should have been split before allocation). */
public final class AllocationException extends Exception {
  private final int operator;

  public AllocationException(int operator, String message) {
    super(message);
    this.operator = operator;
  }

  /** Index of the operator that does not fit. */
  public int operator() {
    return operator;
  }
}

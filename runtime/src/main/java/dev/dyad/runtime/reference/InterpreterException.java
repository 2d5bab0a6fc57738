package dev.dyad.runtime.reference;

import dev.dyad.ir.Location;

/** A program the interpreter cannot run (unknown op, bad input, kernel failure), at a location. */
public final class InterpreterException extends Exception {
  private final transient Location location;

  public InterpreterException(Location location, String message) {
    super(message);
    this.location = location;
  }

  public InterpreterException(Location location, String message, Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /** Where in the program, or null when not tied to an op. */
  public Location location() {
    return location;
  }
}

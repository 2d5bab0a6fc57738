package dev.dyad.runtime.cim;

import dev.dyad.ir.Location;

/**
 * A meta program the CIM interpreter cannot run on the chip: a check of docs/dialects/meta.md
 * ("Chip state and the interpreter's checks") failed, an input is wrong, or a kernel rejected its
 * operands. Carries the location of the op at fault.
 */
public final class CimException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Location location;

  public CimException(Location location, String message) {
    super(message);
    this.location = location;
  }

  public CimException(Location location, String message, Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /** Where in the program, or null when not tied to an op. */
  public Location location() {
    return location;
  }
}

package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import java.util.List;
import java.util.Objects;

/** Where an operation or value comes from; printed as {@code loc(...)}. */
public sealed interface Location extends Attribute
    permits Location.Unknown, Location.FileLineCol, Location.Name, Location.CallSite, Location.Fused {

  Unknown UNKNOWN = new Unknown();

  /** {@code loc(unknown)}. */
  record Unknown() implements Location {}

  /**
   * {@code loc("file":line:col)}, or a range {@code "file":l:c to l2:c2} when {@code endLine > 0}
   * (MLIR's FileLineColRange; {@code to :c2} when the range stays on one line).
   */
  record FileLineCol(String file, int line, int column, int endLine, int endColumn) implements Location {
    public FileLineCol {
      Objects.requireNonNull(file);
    }

    public FileLineCol(String file, int line, int column) {
      this(file, line, column, 0, 0);
    }

    public boolean isRange() {
      return endLine > 0;
    }
  }

  /** {@code loc("name")} or {@code loc("name"(child))}. */
  record Name(String name, Location child) implements Location {
    public Name {
      Objects.requireNonNull(name);
      Objects.requireNonNull(child);
    }
  }

  /** {@code loc(callsite(callee at caller))}. */
  record CallSite(Location callee, Location caller) implements Location {}

  /** {@code loc(fused<metadata>[a, b])}; metadata may be null. */
  record Fused(List<Location> locations, Attribute metadata) implements Location {
    public Fused {
      locations = List.copyOf(locations);
    }
  }

  @Override
  default void print(AsmPrinter p) {
    p.printLocation(this);
  }

  /** The first file position found in this location, or null: what diagnostics point at. */
  default FileLineCol filePosition() {
    if (this instanceof FileLineCol f) {
      return f;
    }
    if (this instanceof Name n) {
      return n.child().filePosition();
    }
    if (this instanceof CallSite c) {
      // Like MLIR: the caller is shown in a separate note, so point at the callee.
      return c.callee().filePosition();
    }
    if (this instanceof Fused f) {
      for (Location l : f.locations()) {
        FileLineCol p = l.filePosition();
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }
}

package dev.dyad.parse;

import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;

/**
 * The first error found while building IR from a parse tree. Like MLIR's parser, Dyad stops at
 * the first error: later ones are usually consequences of it.
 */
final class ParseError extends RuntimeException {
  private final transient Diagnostic diagnostic;
  private final transient java.util.List<Diagnostic> others = new java.util.ArrayList<>();

  ParseError(Location loc, String message) {
    super(message, null, false, false);
    this.diagnostic = Diagnostic.error(loc, message);
  }

  ParseError note(Location loc, String message) {
    diagnostic.attachNote(loc, message);
    return this;
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }

  /** Further errors reported together with this one (MLIR lists all undefined names). */
  ParseError also(Diagnostic more) {
    others.add(more);
    return this;
  }

  /** This error and the ones reported with it, in order. */
  java.util.List<Diagnostic> diagnostics() {
    java.util.List<Diagnostic> all = new java.util.ArrayList<>();
    all.add(diagnostic);
    all.addAll(others);
    return all;
  }
}

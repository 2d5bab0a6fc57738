package dev.dyad.filecheck;

/** A message tied to a span of a source buffer, e.g. "undefined variable: X" under the variable's name. */
record Located(SourceText source, int start, int end, String message) {

  /** FileCheck's error diagnostics point at the span's start without underlining it. */
  void printError(Diagnostics diags) {
    diags.print(source, start, Diagnostics.Severity.ERROR, message);
  }
}

package dev.dyad.filecheck;

/**
 * A check-file (or command-line pattern) error that stops FileCheck before any input is read.
 * {@code logged} marks errors LLVM reports through its Error machinery: they show the range and a blank line.
 */
final class CheckFileError extends Exception {
  /** Null for errors that FileCheck prints without a location. */
  final Located where;
  final boolean logged;
  final int exitCode;

  private CheckFileError(Located where, String message, boolean logged, int exitCode) {
    super(message, null, false, false);
    this.where = where;
    this.logged = logged;
    this.exitCode = exitCode;
  }

  private CheckFileError(Located where, boolean logged, int exitCode) {
    this(where, where.message(), logged, exitCode);
  }

  /** A whole-line message such as "error: no check strings found with prefix 'CHECK:'". */
  static CheckFileError plain(String line) {
    return new CheckFileError(null, line, false, 2);
  }

  /** An error printed directly via SourceMgr: caret only. */
  static CheckFileError at(SourceText src, int offset, String message) {
    return new CheckFileError(new Located(src, offset, offset, message), false, 2);
  }

  /** An ErrorDiagnostic: caret plus '~' range, followed by a blank line. */
  static CheckFileError logged(SourceText src, int start, int end, String message) {
    return new CheckFileError(new Located(src, start, end, message), true, 2);
  }

  /** The one parse error for which FileCheck calls exit(1) instead of returning 2. */
  static CheckFileError fatal(SourceText src, int offset, String message) {
    return new CheckFileError(new Located(src, offset, offset, message), false, 1);
  }

  void print(Diagnostics diags) {
    if (where == null) {
      diags.plain(getMessage());
      return;
    }
    where.printError(diags);
    if (logged) {
      diags.blankLine();
    }
  }
}

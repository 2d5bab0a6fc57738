package dev.dyad.filecheck;

/** Renders messages the way LLVM's SourceMgr does: location header, source line, caret and '~' range. */
final class Diagnostics {
  private static final int TAB_STOP = 8;

  enum Severity {
    ERROR("error"), NOTE("note"), REMARK("remark");

    final String label;

    Severity(String label) {
      this.label = label;
    }
  }

  private final StringBuilder out = new StringBuilder();

  /** A message without a location, e.g. "error: no check strings found ...". */
  void plain(String line) {
    out.append(line).append('\n');
  }

  void print(SourceText src, int offset, Severity severity, String message) {
    print(src, offset, severity, message, offset, offset);
  }

  /** Prints a located message; {@code [rangeStart, rangeEnd)} is underlined with '~' on the caret's line. */
  void print(SourceText src, int offset, Severity severity, String message, int rangeStart, int rangeEnd) {
    int lineStart = src.lineStart(offset);
    int lineEnd = src.lineEnd(offset);
    int column = offset - lineStart;
    out.append(src.name()).append(':').append(src.lineNumber(offset)).append(':').append(column + 1)
        .append(": ").append(severity.label).append(": ").append(message).append('\n');
    String line = src.text().substring(lineStart, lineEnd);
    // SourceMgr cannot place a caret under multi-byte characters, so it shows only the line.
    if (line.chars().anyMatch(c -> c >= 0x80)) {
      appendExpanded(line, null, line.length());
      return;
    }
    char[] caret = new char[line.length() + 1];
    java.util.Arrays.fill(caret, ' ');
    if (rangeEnd > rangeStart && rangeStart <= lineEnd && rangeEnd >= lineStart) {
      int from = Math.max(rangeStart, lineStart) - lineStart;
      int to = Math.min(Math.min(rangeEnd, lineEnd) - lineStart, caret.length);
      for (int i = from; i < to; i++) {
        caret[i] = '~';
      }
    }
    caret[Math.min(column, line.length())] = '^';
    int caretLength = caret.length;
    while (caretLength > 0 && caret[caretLength - 1] == ' ') {
      caretLength--;
    }
    appendExpanded(line, null, line.length());
    appendExpanded(line, caret, caretLength);
  }

  /** Prints {@code text} (or the caret line aligned to it), expanding the source line's tabs. */
  private void appendExpanded(String line, char[] caret, int length) {
    int column = 0;
    for (int i = 0; i < length; i++) {
      char shown = caret == null ? line.charAt(i) : caret[i];
      if (i < line.length() && line.charAt(i) == '\t') {
        do {
          out.append(caret == null ? ' ' : shown);
          column++;
        } while (column % TAB_STOP != 0);
        continue;
      }
      out.append(shown);
      column++;
    }
    out.append('\n');
  }

  /** Appends a blank line, as llvm::logAllUnhandledErrors does after a parse-time diagnostic. */
  void blankLine() {
    out.append('\n');
  }

  /** The accumulated text, decoded back from bytes to a Java string. */
  String text() {
    return SourceText.fromBytes(out.toString());
  }
}

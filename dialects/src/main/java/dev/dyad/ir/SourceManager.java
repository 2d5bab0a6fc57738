package dev.dyad.ir;

import java.util.HashMap;
import java.util.Map;

/**
 * The source buffers a tool has read, by name, so that diagnostics can show the offending line
 * with a caret the way MLIR's SourceMgrDiagnosticHandler does.
 */
public final class SourceManager {
  private final Map<String, String> buffers = new HashMap<>();

  public void add(String name, String text) {
    buffers.put(name, text);
  }

  /** Renders {@code d} and its notes: {@code file:line:col: severity: message}, source line, caret. */
  public String render(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    renderOne(sb, d, true);
    // Like MLIR, a note shows the source line only when its location differs from the previous
    // one's (a "see current operation" note at the error's own location shows no second caret).
    Location previous = d.location();
    for (Diagnostic n : d.notes()) {
      renderOne(sb, n, !n.location().equals(previous));
      previous = n.location();
    }
    return sb.toString();
  }

  private void renderOne(StringBuilder sb, Diagnostic d, boolean showSourceLine) {
    Location.FileLineCol pos = d.location().filePosition();
    if (pos == null) {
      sb.append(printableLocation(d.location())).append(": ");
      sb.append(d.severity().spelling).append(": ").append(d.message()).append('\n');
      return;
    }
    sb.append(pos.file()).append(':').append(pos.line()).append(':').append(pos.column()).append(": ");
    sb.append(d.severity().spelling).append(": ").append(d.message()).append('\n');
    String line = showSourceLine ? sourceLine(pos.file(), pos.line()) : null;
    if (line == null) {
      return;
    }
    sb.append(line).append('\n');
    int caret = Math.max(0, Math.min(pos.column() - 1, line.length()));
    for (int i = 0; i < caret; i++) {
      sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    sb.append("^\n");
  }

  private static String printableLocation(Location loc) {
    return AsmPrinter.toString(loc);
  }

  /** Line {@code line} (1-based) of buffer {@code name}, without its newline, or null. */
  public String sourceLine(String name, int line) {
    String text = buffers.get(name);
    if (text == null || line < 1) {
      return null;
    }
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return null;
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    String s = end < 0 ? text.substring(start) : text.substring(start, end);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}

package dev.dyad.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /** How many callers of a call-site location MLIR shows ("called from" notes). */
  private static final int CALL_STACK_LIMIT = 10;

  /**
   * Renders {@code d} and its notes: {@code file:line:col: severity: message}, source line, caret.
   * Like MLIR's SourceMgrDiagnosticHandler, a call-site location adds a "called from" note per
   * caller, and a note shows the source line only if its location differs from the one before.
   */
  public String render(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    List<Location> stack = new ArrayList<>();
    Location loc = d.location();
    if (loc.filePosition() != null) {
      stack.add(loc);
    }
    Location.CallSite call = callSite(loc);
    for (int depth = 0; call != null && depth < CALL_STACK_LIMIT; depth++) {
      loc = call.caller();
      if (loc.filePosition() != null) {
        stack.add(loc);
      }
      call = callSite(loc);
    }
    if (stack.isEmpty()) {
      renderOne(sb, d.severity(), d.location(), d.message(), true);
    } else {
      renderOne(sb, d.severity(), stack.get(0), d.message(), true);
      for (Location caller : stack.subList(1, stack.size())) {
        renderOne(sb, Diagnostic.Severity.NOTE, caller, "called from", true);
      }
    }
    Location previous = loc;
    for (Diagnostic n : d.notes()) {
      renderOne(sb, n.severity(), n.location(), n.message(), !n.location().equals(previous));
      previous = n.location();
    }
    return sb.toString();
  }

  /** The call site a location stands for, looking through names and fused locations. */
  private static Location.CallSite callSite(Location loc) {
    if (loc instanceof Location.Name n) {
      return callSite(n.child());
    }
    if (loc instanceof Location.CallSite c) {
      return c;
    }
    if (loc instanceof Location.Fused f) {
      for (Location l : f.locations()) {
        Location.CallSite c = callSite(l);
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }

  private void renderOne(StringBuilder sb, Diagnostic.Severity severity, Location loc, String message,
      boolean showSource) {
    Location.FileLineCol pos = loc.filePosition();
    if (pos == null) {
      sb.append(unlocated(severity, loc, message)).append('\n');
      return;
    }
    sb.append(pos.file()).append(':').append(pos.line()).append(':').append(pos.column()).append(": ");
    sb.append(severity.spelling).append(": ").append(message).append('\n');
    String line = showSource ? sourceLine(pos.file(), pos.line()) : null;
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

  /**
   * A diagnostic without a file position, as MLIR prints one: {@code <unknown>:0: error: }, then
   * the location itself unless it is {@code unknown}, then the message.
   */
  public static String unlocated(Diagnostic.Severity severity, Location loc, String message) {
    String where = loc instanceof Location.Unknown ? "" : AsmPrinter.toString(loc) + ": ";
    return "<unknown>:0: " + severity.spelling + ": " + where + message;
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

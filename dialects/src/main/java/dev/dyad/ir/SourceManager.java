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

  /** How many "called from" notes a call-site location gets at most (MLIR's callStackLimit). */
  private static final int CALL_STACK_LIMIT = 10;

  /**
   * Renders {@code d} and its notes as mlir-opt's SourceMgrDiagnosticHandler does: {@code
   * file:line:col: severity: message}, source line and caret; a "called from" note per caller
   * when the location is a call site; {@code <unknown>:0: severity: loc(...): message} when the
   * location holds no file position.
   */
  public String render(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    renderOne(sb, d.location(), d.severity(), d.message(), true);
    Location last = d.location();
    Location.CallSite call = callSite(last);
    for (int depth = 0; call != null && depth < CALL_STACK_LIMIT; depth++) {
      last = call.caller();
      renderOne(sb, last, Diagnostic.Severity.NOTE, "called from", true);
      call = callSite(last);
    }
    // A note shows the source line only when its location differs from the previous one (the
    // last caller, for a call site): a "see current operation" note at the error's own
    // location shows no second caret.
    for (Diagnostic n : d.notes()) {
      renderOne(sb, n.location(), n.severity(), n.message(), !n.location().equals(last));
      last = n.location();
    }
    return sb.toString();
  }

  /** The call site a location stands for, looking through names and fused parts (MLIR's getCallSiteLoc). */
  private static Location.CallSite callSite(Location loc) {
    if (loc instanceof Location.Name n) {
      return callSite(n.child());
    }
    if (loc instanceof Location.CallSite c) {
      return c;
    }
    if (loc instanceof Location.Fused f) {
      for (Location part : f.locations()) {
        Location.CallSite c = callSite(part);
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }

  /**
   * The first file position among {@code loc} and the locations nested in it, in walk order
   * (MLIR's findInstanceOf&lt;FileLineColLoc&gt;): a call site's callee before its caller, a
   * fused location's parts before a location used as its metadata.
   */
  static Location.FileLineCol firstFilePosition(Location loc) {
    if (loc instanceof Location.FileLineCol f) {
      return f;
    }
    if (loc instanceof Location.Name n) {
      return firstFilePosition(n.child());
    }
    if (loc instanceof Location.CallSite c) {
      Location.FileLineCol p = firstFilePosition(c.callee());
      return p != null ? p : firstFilePosition(c.caller());
    }
    if (loc instanceof Location.Fused f) {
      for (Location part : f.locations()) {
        Location.FileLineCol p = firstFilePosition(part);
        if (p != null) {
          return p;
        }
      }
      return f.metadata() instanceof Location m ? firstFilePosition(m) : null;
    }
    return null;
  }

  private void renderOne(StringBuilder sb, Location loc, Diagnostic.Severity severity, String message,
      boolean showSourceLine) {
    Location.FileLineCol pos = firstFilePosition(loc);
    if (pos == null) {
      sb.append(unlocated(severity, loc, message)).append('\n');
      return;
    }
    sb.append(pos.file()).append(':').append(pos.line()).append(':').append(pos.column()).append(": ");
    sb.append(severity.spelling).append(": ").append(message).append('\n');
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

  /** How MLIR renders a diagnostic whose location has no file position. */
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

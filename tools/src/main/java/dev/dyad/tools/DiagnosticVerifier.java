package dev.dyad.tools;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.SourceManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks emitted diagnostics against {@code expected-error @+1 {{...}}}-style annotations in the
 * source, as mlir-opt's {@code --verify-diagnostics} does: every diagnostic (notes included) must
 * be expected on its line, and every expectation must be met.
 */
public final class DiagnosticVerifier {
  private static final Pattern ANNOTATION = Pattern.compile(
      "expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below|unknown))? *\\{\\{(.*)}}$");

  /** One expectation: kind, the line it applies to (0 for unknown locations), message pattern. */
  private static final class Expected {
    final Diagnostic.Severity severity;
    final int line;
    final boolean unknownLoc;
    final String text;
    final Pattern regex;
    final int annotationLine;
    final int annotationColumn;
    boolean matched;

    Expected(Diagnostic.Severity severity, int line, boolean unknownLoc, String text, Pattern regex,
        int annotationLine, int annotationColumn) {
      this.severity = severity;
      this.line = line;
      this.unknownLoc = unknownLoc;
      this.text = text;
      this.regex = regex;
      this.annotationLine = annotationLine;
      this.annotationColumn = annotationColumn;
    }

    boolean matches(Diagnostic d) {
      if (d.severity() != severity) {
        return false;
      }
      return regex != null ? regex.matcher(d.message()).find() : d.message().contains(text);
    }
  }

  private final String fileName;
  private final SourceManager sources;
  private final List<Expected> expectations = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  /**
   * Reads the annotations of {@code chunkText}, whose first line is line {@code firstLine} of
   * {@code fileName}.
   */
  public DiagnosticVerifier(String fileName, SourceManager sources, String chunkText, int firstLine) {
    this.fileName = fileName;
    this.sources = sources;
    parseAnnotations(chunkText, firstLine);
  }

  private void parseAnnotations(String text, int firstLine) {
    String[] lines = text.split("\n", -1);
    List<Expected> pendingBelow = new ArrayList<>();
    int lastNonDesignatorLine = 0;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = firstLine + i;
      String line = lines[i];
      int at = line.indexOf("expected-");
      boolean designatorOnly = line.strip().startsWith("//");
      if (at < 0) {
        if (!line.isBlank() && !designatorOnly) {
          assignBelow(pendingBelow, lineNo);
          lastNonDesignatorLine = lineNo;
        }
        continue;
      }
      Matcher m = ANNOTATION.matcher(line.substring(at));
      if (!m.lookingAt()) {
        if (!designatorOnly) {
          assignBelow(pendingBelow, lineNo);
          lastNonDesignatorLine = lineNo;
        }
        continue;
      }
      Diagnostic.Severity sev = Diagnostic.Severity.valueOf(m.group(1).toUpperCase());
      String message = m.group(5);
      Pattern regex = null;
      if (m.group(2) != null) {
        regex = compileRegexExpectation(message, lineNo, at + 1);
        if (regex == null) {
          continue;
        }
      }
      String designator = m.group(4);
      int column = at + 1;
      if (designator == null) {
        expectations.add(new Expected(sev, lineNo, false, message, regex, lineNo, column));
      } else if (designator.equals("unknown")) {
        expectations.add(new Expected(sev, 0, true, message, regex, lineNo, column));
      } else if (designator.equals("above")) {
        expectations.add(new Expected(sev, lastNonDesignatorLine, false, message, regex, lineNo, column));
      } else if (designator.equals("below")) {
        pendingBelow.add(new Expected(sev, -1, false, message, regex, lineNo, column));
      } else {
        int offset = Integer.parseInt(designator.substring(1));
        int target = designator.charAt(0) == '+' ? lineNo + offset : lineNo - offset;
        expectations.add(new Expected(sev, target, false, message, regex, lineNo, column));
      }
      if (!designatorOnly) {
        assignBelow(pendingBelow, lineNo);
        lastNonDesignatorLine = lineNo;
      }
    }
    for (Expected e : pendingBelow) {
      expectations.add(e);
    }
  }

  private void assignBelow(List<Expected> pending, int lineNo) {
    for (Expected e : pending) {
      expectations.add(new Expected(e.severity, lineNo, false, e.text, e.regex, e.annotationLine, e.annotationColumn));
    }
    pending.clear();
  }

  /** {@code -re} messages: literal text with {@code {{regex}}} parts, matched anywhere. */
  private Pattern compileRegexExpectation(String message, int line, int column) {
    StringBuilder re = new StringBuilder();
    int pos = 0;
    while (pos < message.length()) {
      int open = message.indexOf("{{", pos);
      if (open < 0) {
        re.append(Pattern.quote(message.substring(pos)));
        break;
      }
      re.append(Pattern.quote(message.substring(pos, open)));
      int close = message.indexOf("}}", open + 2);
      if (close < 0) {
        errors.add(render(line, column, "found start of regex with no end '}}'", 2));
        return null;
      }
      re.append('(').append(message, open + 2, close).append(')');
      pos = close + 2;
    }
    try {
      return Pattern.compile(re.toString());
    } catch (PatternSyntaxException e) {
      errors.add(render(line, column, "invalid regex: " + e.getDescription(), 1));
      return null;
    }
  }

  /** Checks one emitted diagnostic (call for notes separately); unexpected ones become errors. */
  public void handle(Diagnostic d) {
    Location.FileLineCol pos = d.location().filePosition();
    for (Expected e : expectations) {
      if (e.matched) {
        continue;
      }
      boolean lineMatches = pos == null
          ? e.unknownLoc
          : !e.unknownLoc && pos.file().equals(fileName) && pos.line() == e.line;
      if (lineMatches && e.matches(d)) {
        e.matched = true;
        return;
      }
    }
    String what = "unexpected " + d.severity().spelling + ": " + d.message();
    if (pos == null) {
      errors.add(AsmPrinter.toString(d.location()) + ": error: " + what + "\n");
    } else {
      errors.add(renderAt(pos.file(), pos.line(), pos.column(), what, 0));
    }
  }

  public void handleAll(List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      handle(d);
      for (Diagnostic n : d.notes()) {
        handle(n);
      }
    }
  }

  /** Reports expectations that were not met; returns the full error text ("" when all is well). */
  public String finish() {
    for (Expected e : expectations) {
      if (!e.matched) {
        String msg = "expected " + e.severity.spelling + " \"" + e.text + "\" was not produced";
        errors.add(render(e.annotationLine, e.annotationColumn, msg, e.text.length()));
      }
    }
    return String.join("", errors);
  }

  private String render(int line, int column, String message, int rangeLength) {
    return renderAt(fileName, line, column, message, rangeLength);
  }

  /** {@code file:line:col: error: message}, the source line and a caret underlining the range. */
  private String renderAt(String file, int line, int column, String message, int rangeLength) {
    StringBuilder sb = new StringBuilder();
    sb.append(file).append(':').append(line).append(':').append(column).append(": error: ").append(message).append('\n');
    String src = sources.sourceLine(file, line);
    if (src != null) {
      sb.append(src).append('\n');
      sb.append(" ".repeat(Math.max(0, column - 1))).append('^');
      if (rangeLength > 1) {
        sb.append("~".repeat(rangeLength - 1));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}

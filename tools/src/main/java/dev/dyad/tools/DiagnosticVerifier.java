package dev.dyad.tools;

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
    int line;
    final String text;
    final Pattern regex;
    final int annotationLine;
    final int annotationColumn;
    boolean matched;

    Expected(Diagnostic.Severity severity, int line, String text, Pattern regex,
        int annotationLine, int annotationColumn) {
      this.severity = severity;
      this.line = line;
      this.text = text;
      this.regex = regex;
      this.annotationLine = annotationLine;
      this.annotationColumn = annotationColumn;
    }

    boolean matchesText(Diagnostic d) {
      return regex != null ? regex.matcher(d.message()).find() : d.message().contains(text);
    }
  }

  private final String fileName;
  private final SourceManager sources;
  private final List<Expected> expectations = new ArrayList<>();
  /** Expectations for diagnostics without a file location ({@code @unknown}), checked last. */
  private final List<Expected> unknownLocExpectations = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private boolean failed;

  /**
   * Reads the annotations of {@code chunkText}, whose first line is line {@code firstLine} of
   * {@code fileName}.
   */
  public DiagnosticVerifier(String fileName, SourceManager sources, String chunkText, int firstLine) {
    this.fileName = fileName;
    this.sources = sources;
    parseAnnotations(chunkText, firstLine);
  }

  /**
   * MLIR's computeExpectedDiags: a line is an annotation line if it ends with an annotation;
   * every other line, blank or comment, is a "non-designator" line that {@code @above} and
   * {@code @below} count. Expectations keep the order of their annotations.
   */
  private void parseAnnotations(String text, int firstLine) {
    String[] lines = text.split("\n", -1);
    List<Expected> pendingBelow = new ArrayList<>();
    int lastNonDesignatorLine = firstLine;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = firstLine + i;
      Matcher m = ANNOTATION.matcher(lines[i].stripTrailing());
      if (!m.find()) {
        for (Expected e : pendingBelow) {
          e.line = lineNo;
        }
        pendingBelow.clear();
        lastNonDesignatorLine = lineNo;
        continue;
      }
      int column = m.start() + 1;
      Diagnostic.Severity sev = Diagnostic.Severity.valueOf(m.group(1).toUpperCase());
      String message = m.group(5);
      Pattern regex = null;
      if (m.group(2) != null) {
        regex = compileRegexExpectation(message, lineNo, column);
        if (regex == null) {
          continue;
        }
      }
      String designator = m.group(4);
      Expected e = new Expected(sev, lineNo, message, regex, lineNo, column);
      if (designator == null) {
        expectations.add(e);
      } else if (designator.equals("unknown")) {
        unknownLocExpectations.add(new Expected(sev, 0, message, regex, lineNo, column));
      } else if (designator.equals("above")) {
        e.line = lastNonDesignatorLine;
        expectations.add(e);
      } else if (designator.equals("below")) {
        // A dangling @below stays on the last line, as in MLIR.
        e.line = firstLine + lines.length - 1;
        pendingBelow.add(e);
        expectations.add(e);
      } else {
        int offset = Integer.parseInt(designator.substring(1));
        e.line = designator.charAt(0) == '+' ? lineNo + offset : lineNo - offset;
        expectations.add(e);
      }
    }
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
        errors.add(render(line, column, "found start of regex with no end '}}'", message.length()));
        return null;
      }
      re.append('(').append(message, open + 2, close).append(')');
      pos = close + 2;
    }
    try {
      return Pattern.compile(re.toString());
    } catch (PatternSyntaxException e) {
      errors.add(render(line, column, "invalid regex: " + e.getDescription(), message.length()));
      return null;
    }
  }

  /** Checks one emitted diagnostic (call for notes separately); unexpected ones become errors. */
  public void handle(Diagnostic d) {
    Location.FileLineCol pos = d.location().filePosition();
    List<Expected> candidates = pos == null ? unknownLocExpectations
        : pos.file().equals(fileName) ? expectations : List.of();
    // As in MLIR, an expectation met once still matches (identical diagnostics on one line),
    // and the same text with another severity is reported as such.
    Expected nearMiss = null;
    for (Expected e : candidates) {
      if (pos != null && pos.line() != e.line || !e.matchesText(d)) {
        continue;
      }
      if (e.severity == d.severity()) {
        e.matched = true;
        return;
      }
      nearMiss = e;
    }
    if (nearMiss != null) {
      errors.add(render(nearMiss.annotationLine, nearMiss.annotationColumn, "'" + d.severity().spelling
          + "' diagnostic emitted when expecting a '" + nearMiss.severity.spelling + "'", 0));
      return;
    }
    String what = "unexpected " + d.severity().spelling + ": " + d.message();
    if (pos == null) {
      errors.add(SourceManager.unlocated(Diagnostic.Severity.ERROR, d.location(), what) + "\n");
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

  /**
   * The errors found since the last call (bad annotations, unexpected diagnostics), for printing
   * as they happen.
   */
  public String takeErrors() {
    String text = String.join("", errors);
    failed |= !errors.isEmpty();
    errors.clear();
    return text;
  }

  /**
   * Reports expectations that were not met, after any errors not yet taken; returns that text
   * ("" when all is well).
   */
  public String finish() {
    for (Expected e : expectations) {
      if (!e.matched) {
        errors.add(render(e.annotationLine, e.annotationColumn, notProduced(e), e.text.length()));
      }
    }
    // MLIR forgets where @unknown annotations were written and prints no source line for them.
    // (It also prints them twice, verifying once more on exit; Dyad prints them once.)
    for (Expected e : unknownLocExpectations) {
      if (!e.matched) {
        errors.add("<unknown>:0: error: " + notProduced(e) + "\n");
      }
    }
    return takeErrors();
  }

  private static String notProduced(Expected e) {
    return "expected " + e.severity.spelling + " \"" + e.text + "\" was not produced";
  }

  /** Whether no error was found so far (call after {@link #finish}). */
  public boolean succeeded() {
    return !failed;
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

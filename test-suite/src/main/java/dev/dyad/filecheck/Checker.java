package dev.dyad.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs parsed checks over the input the way FileCheck::checkInput does: the input is first cut into
 * CHECK-LABEL blocks, then each block's checks (with their DAG/NOT groups) are matched in order.
 */
final class Checker {
  private static final Diagnostics.Severity ERROR = Diagnostics.Severity.ERROR;
  private static final Diagnostics.Severity NOTE = Diagnostics.Severity.NOTE;

  private final SourceText input;
  private final String text;
  private final List<CheckString> checks;
  private final Variables vars;
  private final FileCheckOptions options;
  private final Diagnostics diags;

  Checker(SourceText input, List<CheckString> checks, Variables vars, FileCheckOptions options,
      Diagnostics diags) {
    this.input = input;
    this.text = input.text();
    this.checks = checks;
    this.vars = vars;
    this.options = options;
    this.diags = diags;
  }

  /** True when every check passed. */
  boolean run() {
    boolean failed = false;
    int bufferStart = 0;
    int bufferEnd = text.length();
    int i = 0;
    int j = 0;
    int e = checks.size();
    while (true) {
      int regionStart;
      int regionEnd;
      if (j == e) {
        regionStart = bufferStart;
        regionEnd = bufferEnd;
      } else {
        CheckString label = checks.get(j);
        if (label.pattern().kind() != CheckKind.LABEL) {
          j++;
          continue;
        }
        MatchOutcome.Found found = check(label, bufferStart, bufferEnd, true);
        if (found == null) {
          // Without the label the block structure is unknown; nothing more can be checked.
          return false;
        }
        regionStart = bufferStart;
        regionEnd = found.end();
        bufferStart = found.end();
        j++;
      }
      // The region before the first label keeps -D variables alive.
      if (i != 0 && options.enableVarScope()) {
        vars.clearLocals();
      }
      for (; i != j; i++) {
        MatchOutcome.Found found = check(checks.get(i), regionStart, regionEnd, false);
        if (found == null) {
          failed = true;
          i = j;
          break;
        }
        regionStart = found.end();
      }
      if (j == e) {
        break;
      }
    }
    return !failed;
  }

  /**
   * Matches one check string in [start, end): its DAG/NOT group first (unless only scanning for labels),
   * then the pattern (count times), then the NEXT/SAME/NOT constraints. Null on failure (already reported).
   */
  private MatchOutcome.Found check(CheckString cs, int start, int end, boolean labelScan) {
    Pattern pattern = cs.pattern();
    int lastPos = start;
    List<CheckString.DagNot> nots = new ArrayList<>();
    if (!labelScan) {
      lastPos = checkDag(cs, start, end, nots);
      if (lastPos < 0) {
        return null;
      }
    }
    int lastMatchEnd = lastPos;
    int firstMatchPos = lastPos;
    int count = pattern.directive.count();
    for (int k = 1; k <= count; k++) {
      MatchOutcome outcome = pattern.match(input, lastMatchEnd, end, vars);
      if (!(outcome instanceof MatchOutcome.Found found)) {
        reportNoMatch(true, cs.prefix(), pattern, k, lastMatchEnd, end, outcome);
        return null;
      }
      if (k == 1) {
        firstMatchPos = found.pos();
      }
      lastMatchEnd = found.end();
    }
    if (!labelScan) {
      if (checkNext(cs, lastPos, firstMatchPos) || checkSame(cs, lastPos, firstMatchPos)
          || checkNot(nots, lastPos, firstMatchPos)) {
        return null;
      }
    }
    return new MatchOutcome.Found(firstMatchPos, lastMatchEnd - firstMatchPos);
  }

  /**
   * Matches the CHECK-DAG groups of {@code cs}. Each DAG may match anywhere after the previous group, but
   * not overlapping another match of its own group; NOTs between groups must not occur between them.
   * Returns where the next pattern's search starts, or -1 on failure. Trailing NOTs are left in {@code nots}.
   */
  private int checkDag(CheckString cs, int start, int end, List<CheckString.DagNot> nots) {
    List<CheckString.DagNot> dagNots = cs.dagNots();
    if (dagNots.isEmpty()) {
      return start;
    }
    int startPos = start;
    // Sorted, non-overlapping match ranges of the current DAG group, as {start, end}.
    List<int[]> ranges = new ArrayList<>();
    for (int idx = 0; idx < dagNots.size(); idx++) {
      CheckString.DagNot dn = dagNots.get(idx);
      Pattern pattern = dn.pattern();
      if (pattern.kind() == CheckKind.NOT) {
        nots.add(dn);
        continue;
      }
      int matchPos = startPos;
      int mi = 0;
      while (true) {
        MatchOutcome outcome = pattern.match(input, matchPos, end, vars);
        if (!(outcome instanceof MatchOutcome.Found found)) {
          reportNoMatch(true, dn.prefix(), pattern, 1, matchPos, end, outcome);
          return -1;
        }
        int[] m = {found.pos(), found.end()};
        if (options.allowDagOverlap()) {
          if (ranges.isEmpty()) {
            ranges.add(m);
          } else {
            int[] block = ranges.get(0);
            block[0] = Math.min(block[0], m[0]);
            block[1] = Math.max(block[1], m[1]);
          }
          break;
        }
        boolean overlap = false;
        for (; mi < ranges.size(); mi++) {
          int[] r = ranges.get(mi);
          if (m[0] < r[1]) {
            overlap = r[0] < m[1];
            break;
          }
        }
        if (!overlap) {
          ranges.add(mi, m);
          break;
        }
        matchPos = ranges.get(mi)[1];
        mi++;
      }
      boolean groupEnds = idx + 1 == dagNots.size() || dagNots.get(idx + 1).pattern().kind() == CheckKind.NOT;
      if (groupEnds) {
        if (!nots.isEmpty()) {
          if (checkNot(nots, startPos, ranges.get(0)[0])) {
            return -1;
          }
          nots.clear();
        }
        startPos = ranges.get(ranges.size() - 1)[1];
        ranges.clear();
      }
    }
    return startPos;
  }

  /** Reports every CHECK-NOT that matches in [from, to); true if any did. */
  private boolean checkNot(List<CheckString.DagNot> nots, int from, int to) {
    boolean failed = false;
    for (CheckString.DagNot dn : nots) {
      MatchOutcome outcome = dn.pattern().match(input, from, to, vars);
      if (outcome instanceof MatchOutcome.Found found) {
        reportExcludedMatch(dn.prefix(), dn.pattern(), found);
        failed = true;
      } else if (outcome instanceof MatchOutcome.Invalid) {
        reportNoMatch(false, dn.prefix(), dn.pattern(), 1, from, to, outcome);
        failed = true;
      }
    }
    return failed;
  }

  private boolean checkNext(CheckString cs, int from, int to) {
    CheckKind kind = cs.pattern().kind();
    if (kind != CheckKind.NEXT && kind != CheckKind.EMPTY) {
      return false;
    }
    String name = cs.prefix() + (kind == CheckKind.EMPTY ? "-EMPTY" : "-NEXT");
    int[] firstNewline = new int[1];
    int lines = countLineBreaks(from, to, firstNewline);
    if (lines == 1) {
      return false;
    }
    Pattern p = cs.pattern();
    String problem = lines == 0 ? ": is on the same line as previous match"
        : ": is not on the line after the previous match";
    diags.print(p.source, p.loc, ERROR, name + problem);
    diags.print(input, to, NOTE, "'next' match was here");
    diags.print(input, from, NOTE, "previous match ended here");
    if (lines > 1) {
      diags.print(input, firstNewline[0], NOTE, "non-matching line after previous match is here");
    }
    return true;
  }

  private boolean checkSame(CheckString cs, int from, int to) {
    if (cs.pattern().kind() != CheckKind.SAME) {
      return false;
    }
    if (countLineBreaks(from, to, new int[1]) == 0) {
      return false;
    }
    Pattern p = cs.pattern();
    diags.print(p.source, p.loc, ERROR, cs.prefix() + "-SAME: is not on the same line as the previous match");
    diags.print(input, to, NOTE, "'next' match was here");
    diags.print(input, from, NOTE, "previous match ended here");
    return true;
  }

  /** Counts line breaks, taking "\r\n" and "\n\r" as one; records where the first broken line starts. */
  private int countLineBreaks(int from, int to, int[] firstLineStart) {
    int count = 0;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\r') {
        i++;
        continue;
      }
      count++;
      if (i + 1 < to && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r') && text.charAt(i + 1) != c) {
        i++;
      }
      i++;
      if (count == 1) {
        firstLineStart[0] = i;
      }
    }
    return count;
  }

  private void reportExcludedMatch(String prefix, Pattern pattern, MatchOutcome.Found found) {
    String message = pattern.directive.describe(prefix) + ": excluded string found in input";
    diags.print(pattern.source, pattern.loc, ERROR, message);
    diags.print(input, found.pos(), NOTE, "found here", found.pos(), found.end());
    printSubstitutions(pattern, found.pos());
    for (MatchOutcome.Capture c : found.captures()) {
      diags.print(input, c.start(), NOTE, "captured var \"" + c.name() + "\"", c.start(), c.end());
    }
  }

  /** Reports a failed search (or, for CHECK-NOT, a pattern error); {@code k} is the COUNT iteration. */
  private void reportNoMatch(boolean expected, String prefix, Pattern pattern, int k, int from, int to,
                MatchOutcome outcome) {
    boolean patternError = outcome instanceof MatchOutcome.Invalid;
    if (outcome instanceof MatchOutcome.Invalid invalid) {
      for (Located error : invalid.errors()) {
        error.printError(diags);
      }
    }
    if (!expected && !patternError) {
      return;
    }
    if (!patternError) {
      String message = pattern.directive.describe(prefix) + ": " + (expected ? "expected" : "excluded")
          + " string not found in input";
      int count = pattern.directive.count();
      if (count > 1) {
        message += " (" + k + " out of " + count + ")";
      }
      diags.print(pattern.source, pattern.loc, expected ? ERROR : Diagnostics.Severity.REMARK, message);
      diags.print(input, from, NOTE, "scanning from here");
    }
    printSubstitutions(pattern, from);
    if (expected) {
      printFuzzyMatch(pattern, from, to);
    }
  }

  private void printSubstitutions(Pattern pattern, int at) {
    for (Substitution s : pattern.substitutions) {
      String value = s.displayValue(vars, pattern.line);
      if (value != null) {
        diags.print(input, at, NOTE, "with \"" + Escapes.escape(s.from()) + "\" equal to " + value);
      }
    }
  }

  /** Points at the input position most similar to the pattern, as FileCheck's printFuzzyMatch does. */
  private void printFuzzyMatch(Pattern pattern, int from, int to) {
    String example = pattern.exampleText();
    if (example == null) {
      return;
    }
    int limit = Math.min(4096, to - from);
    int lines = 0;
    int best = -1;
    double bestQuality = 0;
    EditDistance distance = new EditDistance(example);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(from + i);
      if (c == '\n') {
        lines++;
      }
      if (c == ' ' || c == '\t') {
        continue;
      }
      int candidateEnd = Math.min(to, from + i + example.length());
      for (int k = from + i; k < candidateEnd; k++) {
        if (text.charAt(k) == '\n') {
          candidateEnd = k;
          break;
        }
      }
      double quality = distance.to(text, from + i, candidateEnd) + lines / 100.0;
      if (quality < bestQuality || best < 0) {
        best = i;
        bestQuality = quality;
      }
    }
    if (best > 0 && bestQuality < 50) {
      diags.print(input, from + best, NOTE, "possible intended match here");
    }
  }
}

package dev.dyad.filecheck;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.CharBuffer;
import java.util.regex.Matcher;

/**
 * One parsed check pattern: a fixed string or an LLVM-style regex with substitutions and captures.
 * The regex is kept in LLVM's own syntax (used for fuzzy-match hints) and translated for matching.
 */
final class Pattern {

  /** A string capture: {@code [[NAME:regex]]} defines NAME from group {@code group}. */
  record StringDef(String name, int group) {}

  /** A numeric capture: {@code [[#NAME:]]} defines NAME from group {@code group}. */
  record NumericDef(Variables.Numeric variable, NumericFormat format, int group) {}

  private static final int REGEX_CACHE_SIZE = 64;

  final Directive directive;
  final SourceText source;
  /** Offset of the pattern text in {@link #source}: where errors about this check point. */
  final int loc;
  /** Check-file line of the directive (for @LINE); null for --implicit-check-not patterns. */
  final Integer line;
  /** Non-null for patterns matched as plain substrings. */
  final String fixed;
  /** The regex in LLVM syntax before substitution; null for fixed patterns. */
  final String regex;
  final List<Substitution> substitutions;
  final List<StringDef> stringDefs;
  final List<NumericDef> numericDefs;
  final boolean ignoreCase;
  /** Precompiled form when there is nothing to substitute; null if the whole regex is invalid. */
  private final Compiled compiled;
  private final Map<String, Compiled> cache;

  /** A translated regex and whether its first Java match might be shorter than POSIX's longest. */
  private record Compiled(java.util.regex.Pattern pattern, boolean ambiguous, boolean newlines) {}

  Pattern(Directive directive, SourceText source, int loc, Integer line, String fixed, String regex,
      List<Substitution> substitutions, List<StringDef> stringDefs, List<NumericDef> numericDefs,
      boolean ignoreCase) {
    this.directive = directive;
    this.source = source;
    this.loc = loc;
    this.line = line;
    this.fixed = fixed;
    this.regex = regex;
    this.substitutions = List.copyOf(substitutions);
    this.stringDefs = List.copyOf(stringDefs);
    this.numericDefs = List.copyOf(numericDefs);
    this.ignoreCase = ignoreCase;
    this.compiled = regex != null && substitutions.isEmpty() ? compile(regex) : null;
    this.cache = substitutions.isEmpty() ? null : new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
        return size() > REGEX_CACHE_SIZE;
      }
    };
  }

  static Pattern eof(SourceText source, int loc) {
    return new Pattern(Directive.of(CheckKind.EOF), source, loc, null, null, null, List.of(), List.of(),
        List.of(), false);
  }

  CheckKind kind() {
    return directive.kind();
  }

  boolean hasVariable() {
    return !substitutions.isEmpty() || !stringDefs.isEmpty() || !numericDefs.isEmpty();
  }

  private Compiled compile(String llvmRegex) {
    try {
      PosixRegex.Translation t = PosixRegex.translate(llvmRegex, ignoreCase);
      return new Compiled(t.compile(ignoreCase), t.ambiguous(), t.newlines());
    } catch (PosixRegex.SyntaxError e) {
      // LLVM only validates the pieces; a regex that fails as a whole simply never matches.
      return null;
    }
  }

  /** Searches {@code [from, to)} of {@code input}; on success records captured variables. */
  MatchOutcome match(SourceText input, int from, int to, Variables vars) {
    if (kind() == CheckKind.EOF) {
      return new MatchOutcome.Found(to, 0);
    }
    if (fixed != null) {
      int at = TextSearch.indexOf(input.text(), fixed, from, to, ignoreCase);
      return at < 0 ? new MatchOutcome.NotFound() : new MatchOutcome.Found(at, fixed.length());
    }
    Compiled javaPattern = compiled;
    if (!substitutions.isEmpty()) {
      StringBuilder withValues = new StringBuilder(regex);
      List<Located> errors = new java.util.ArrayList<>();
      int shift = 0;
      for (Substitution s : substitutions) {
        try {
          String value = s.regexValue(vars, line);
          withValues.insert(s.index() + shift, value);
          shift += value.length();
        } catch (NumericExpr.EvalException e) {
          errors.addAll(e.undefined);
        }
      }
      if (!errors.isEmpty()) {
        return new MatchOutcome.Invalid(errors);
      }
      javaPattern = cache.computeIfAbsent(withValues.toString(), this::compile);
    }
    if (javaPattern == null) {
      return new MatchOutcome.NotFound();
    }
    Matcher first = javaPattern.pattern().matcher(input.text());
    first.region(from, to);
    if (!first.find()) {
      return new MatchOutcome.NotFound();
    }
    Groups m = Groups.of(first, 0);
    if (javaPattern.ambiguous() && !javaPattern.newlines()) {
      m = longest(javaPattern.pattern(), input.text(), from, to, m);
    }
    List<MatchOutcome.Capture> captures = new java.util.ArrayList<>();
    for (StringDef def : stringDefs) {
      vars.setString(def.name(), m.text(input.text(), def.group()));
      captures.add(m.capture(def.name(), def.group()));
    }
    for (NumericDef def : numericDefs) {
      try {
        def.variable().value = def.format().parse(m.text(input.text(), def.group()));
      } catch (NumberFormatException e) {
        def.variable().value = BigInteger.ZERO;
      }
      captures.add(m.capture(def.variable().name, def.group()));
    }
    captures.sort(java.util.Comparator.comparingInt(MatchOutcome.Capture::start));
    // CHECK-EMPTY's regex consumes the newline that ends the previous line; its match starts after it.
    int skip = kind() == CheckKind.EMPTY ? 1 : 0;
    return new MatchOutcome.Found(m.start() + skip, m.end() - m.start() - skip, captures);
  }

  /** A match's extent and group extents in absolute input offsets (-1 for groups that did not take part). */
  private record Groups(int start, int end, int[] starts, int[] ends) {
    static Groups of(Matcher m, int offset) {
      int n = m.groupCount();
      int[] starts = new int[n + 1];
      int[] ends = new int[n + 1];
      for (int g = 0; g <= n; g++) {
        starts[g] = m.start(g) < 0 ? -1 : m.start(g) + offset;
        ends[g] = m.end(g) < 0 ? -1 : m.end(g) + offset;
      }
      return new Groups(m.start() + offset, m.end() + offset, starts, ends);
    }

    String text(String input, int group) {
      return starts[group] < 0 ? "" : input.substring(starts[group], ends[group]);
    }

    MatchOutcome.Capture capture(String name, int group) {
      int s = Math.max(starts[group], start);
      return new MatchOutcome.Capture(name, s, Math.max(ends[group], s));
    }
  }

  /**
   * LLVM's regex engine returns the longest match at the leftmost start; Java's backtracking returns the
   * first one it finds. Both agree on the start, so try every longer end on the line, longest first.
   */
  private static Groups longest(java.util.regex.Pattern p, String text, int from, int to, Groups first) {
    int start = first.start();
    int lineEnd = first.end();
    while (lineEnd < to && text.charAt(lineEnd) != '\n') {
      lineEnd++;
    }
    if (lineEnd == first.end()) {
      return first;
    }
    // Matching inside a view of exactly [from, to) keeps '^', '$' and lookarounds seeing LLVM's buffer.
    Matcher m = p.matcher(CharBuffer.wrap(text, from, to).slice());
    m.useAnchoringBounds(false);
    m.useTransparentBounds(true);
    for (int end = lineEnd; end > first.end(); end--) {
      m.region(start - from, end - from);
      if (m.matches()) {
        return Groups.of(m, from);
      }
    }
    return first;
  }

  /** The text compared against the input when looking for a "possible intended match". */
  String exampleText() {
    return fixed != null ? fixed : regex;
  }
}

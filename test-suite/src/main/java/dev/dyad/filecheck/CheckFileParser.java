package dev.dyad.filecheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scans a (canonicalised) check file for directives and builds the ordered list of {@link CheckString}s. */
final class CheckFileParser {

  /** What follows a prefix: a directive, or one of the malformed forms FileCheck reports. */
  private enum Outcome { NONE, DIRECTIVE, COMMENT, MISSPELLED, BAD_NOT, BAD_COUNT }

  /** {@code rest} is the offset just after the directive's colon (or where the error is). */
  private record TypeMatch(Outcome outcome, Directive directive, int rest) {
    static final TypeMatch NONE = new TypeMatch(Outcome.NONE, null, -1);
  }

  private static final String[] BAD_NOT_COMBOS = {
    "DAG-NOT:", "NOT-DAG:", "NEXT-NOT:", "NOT-NEXT:", "SAME-NOT:", "NOT-SAME:", "EMPTY-NOT:", "NOT-EMPTY:"
  };

  private final SourceText src;
  private final String text;
  private final FileCheckOptions options;
  private final Variables vars;
  private final List<String> checkPrefixes;
  private final Set<String> commentPrefixes;

  private CheckFileParser(SourceText src, FileCheckOptions options, Variables vars) {
    this.src = src;
    this.text = src.text();
    this.options = options;
    this.vars = vars;
    this.checkPrefixes = options.effectiveCheckPrefixes();
    this.commentPrefixes = new LinkedHashSet<>(options.effectiveCommentPrefixes());
  }

  /**
   * Parses the check file. Errors in --implicit-check-not patterns are printed to {@code diags} and the
   * pattern is dropped, since FileCheck reports them but carries on.
   */
  static List<CheckString> parse(SourceText src, FileCheckOptions options, Variables vars, Diagnostics diags)
      throws CheckFileError {
    return new CheckFileParser(src, options, vars).parse(diags);
  }

  private List<CheckString> parse(Diagnostics diags) throws CheckFileError {
    List<CheckString.DagNot> implicit = implicitNots(diags);
    List<CheckString.DagNot> pending = new ArrayList<>(implicit);
    List<CheckString> checks = new ArrayList<>();
    Set<String> unused = new LinkedHashSet<>(checkPrefixes);
    List<String> all = new ArrayList<>(checkPrefixes);
    all.addAll(commentPrefixes);
    PrefixMatcher matcher = new PrefixMatcher(text, all);

    int pos = 0;
    int lineNumber = 1;
    while (true) {
      PrefixMatcher.Hit hit = null;
      TypeMatch type = null;
      while (pos < text.length()) {
        PrefixMatcher.Hit candidate = matcher.find(pos);
        if (candidate == null) {
          break;
        }
        lineNumber += countNewlines(pos, candidate.at());
        pos = candidate.at();
        if (pos == 0 || !isPartOfWord(text.charAt(pos - 1))) {
          TypeMatch t = findCheckType(candidate);
          if (t.outcome() != Outcome.NONE) {
            hit = candidate;
            type = t;
            break;
          }
        }
        pos = skipWord(pos + candidate.prefix().length());
      }
      if (hit == null) {
        break;
      }
      String prefix = hit.prefix();
      int prefixStart = hit.at();
      if (type.outcome() != Outcome.COMMENT) {
        unused.remove(prefix);
      }
      pos = type.rest() >= text.length() ? prefixStart + prefix.length() : type.rest();
      switch (type.outcome()) {
        case MISSPELLED -> throw CheckFileError.at(src, prefixStart,
            "misspelled directive '" + text.substring(prefixStart, type.rest()) + "'");
        case BAD_NOT -> throw CheckFileError.at(src, pos, "unsupported -NOT combo on prefix '" + prefix + "'");
        case BAD_COUNT -> throw CheckFileError.at(src, pos,
            "invalid count in -COUNT specification on prefix '" + prefix + "'");
        default -> {
        }
      }
      if (!(options.strictWhitespace() && options.matchFullLines())) {
        while (pos < text.length() && Cursor.isSpace(text.charAt(pos))) {
          pos++;
        }
      }
      int eol = pos;
      while (eol < text.length() && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
        eol++;
      }
      Cursor patternText = new Cursor(src, pos, eol);
      pos = eol;
      if (type.outcome() == Outcome.COMMENT) {
        continue;
      }
      Directive directive = type.directive();
      Pattern pattern = PatternParser.parse(patternText, directive, prefix, options, vars, lineNumber);
      CheckKind kind = directive.kind();
      if (kind == CheckKind.LABEL && pattern.hasVariable()) {
        throw CheckFileError.at(src, prefixStart,
            "found '" + prefix + "-LABEL:' with variable definition or use");
      }
      if ((kind == CheckKind.NEXT || kind == CheckKind.SAME || kind == CheckKind.EMPTY) && checks.isEmpty()) {
        String name = kind == CheckKind.NEXT ? "NEXT" : kind == CheckKind.EMPTY ? "EMPTY" : "SAME";
        throw CheckFileError.at(src, prefixStart,
            "found '" + prefix + "-" + name + "' without previous '" + prefix + ": line");
      }
      if (kind == CheckKind.DAG || kind == CheckKind.NOT) {
        pending.add(new CheckString.DagNot(pattern, prefix));
        continue;
      }
      checks.add(new CheckString(pattern, prefix, pending));
      pending = new ArrayList<>(implicit);
    }

    boolean noneFound = unused.size() == checkPrefixes.size();
    boolean someUnused = !options.allowUnusedPrefixes() && !unused.isEmpty();
    if ((noneFound || someUnused) && (options.implicitCheckNot().isEmpty() || !options.checkPrefixes().isEmpty())) {
      StringBuilder sb = new StringBuilder("error: no check strings found with prefix");
      sb.append(unused.size() > 1 ? "es " : " ");
      String separator = "";
      for (String p : unused) {
        sb.append(separator).append('\'').append(p).append(":'");
        separator = ", ";
      }
      throw CheckFileError.plain(sb.toString());
    }
    if (!pending.isEmpty()) {
      checks.add(new CheckString(Pattern.eof(src, pos), checkPrefixes.get(0), pending));
    }
    return checks;
  }

  private List<CheckString.DagNot> implicitNots(Diagnostics diags) {
    List<CheckString.DagNot> result = new ArrayList<>();
    String head = "-implicit-check-not='";
    for (String p : options.implicitCheckNot()) {
      String bytes = SourceText.toBytes(p);
      SourceText cmd = new SourceText("command line", head + bytes + "'");
      Cursor c = new Cursor(cmd, head.length(), head.length() + bytes.length());
      try {
        result.add(new CheckString.DagNot(
            PatternParser.parse(c, Directive.of(CheckKind.NOT), "IMPLICIT-CHECK", options, vars, null),
            "IMPLICIT-CHECK"));
      } catch (CheckFileError e) {
        e.print(diags);
      }
    }
    return result;
  }

  private int countNewlines(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  static boolean isPartOfWord(char c) {
    return NumericBlockParser.isAlnum(c) || c == '-' || c == '_';
  }

  private int skipWord(int at) {
    while (at < text.length() && isPartOfWord(text.charAt(at))) {
      at++;
    }
    return at;
  }

  private TypeMatch findCheckType(PrefixMatcher.Hit hit) {
    int rest = hit.at() + hit.prefix().length();
    if (rest >= text.length()) {
      return TypeMatch.NONE;
    }
    if (commentPrefixes.contains(hit.prefix())) {
      return text.charAt(rest) == ':' ? new TypeMatch(Outcome.COMMENT, null, rest + 1) : TypeMatch.NONE;
    }
    if (text.charAt(rest) == ':' || text.charAt(rest) == '{') {
      return modifiers(Directive.of(CheckKind.PLAIN), rest);
    }
    boolean misspelled = false;
    if (text.charAt(rest) == '_') {
      misspelled = true;
    } else if (text.charAt(rest) != '-') {
      return TypeMatch.NONE;
    }
    TypeMatch t = suffix(rest + 1);
    if (misspelled && t.outcome() != Outcome.NONE) {
      return new TypeMatch(Outcome.MISSPELLED, null, t.rest());
    }
    return t;
  }

  private TypeMatch suffix(int rest) {
    if (text.startsWith("COUNT-", rest)) {
      return count(rest + 6);
    }
    for (String combo : BAD_NOT_COMBOS) {
      if (text.startsWith(combo, rest)) {
        return new TypeMatch(Outcome.BAD_NOT, null, rest);
      }
    }
    for (CheckKind kind : new CheckKind[] {
      CheckKind.NEXT, CheckKind.SAME, CheckKind.NOT, CheckKind.DAG, CheckKind.LABEL, CheckKind.EMPTY}) {
      String word = kind.suffix.substring(1);
      if (text.startsWith(word, rest)) {
        return modifiers(Directive.of(kind), rest + word.length());
      }
    }
    return TypeMatch.NONE;
  }

  /** Parses the n of -COUNT-n as StringRef::consumeInteger(10, int64_t) does. */
  private TypeMatch count(int rest) {
    int i = rest;
    boolean negative = i < text.length() && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    int digits = i;
    while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
      i++;
    }
    if (i == digits || i - digits > 18) {
      return new TypeMatch(Outcome.BAD_COUNT, null, rest);
    }
    long value = Long.parseLong(text.substring(digits, i)) * (negative ? -1 : 1);
    if (value <= 0 || value > Integer.MAX_VALUE) {
      return new TypeMatch(Outcome.BAD_COUNT, null, i);
    }
    if (i >= text.length() || (text.charAt(i) != ':' && text.charAt(i) != '{')) {
      return new TypeMatch(Outcome.BAD_COUNT, null, i);
    }
    return modifiers(new Directive(CheckKind.PLAIN, (int) value, false), i);
  }

  /** After the directive name: ':' or a {LITERAL[, ...]} modifier list then ':'. */
  private TypeMatch modifiers(Directive directive, int rest) {
    if (rest < text.length() && text.charAt(rest) == ':') {
      return new TypeMatch(Outcome.DIRECTIVE, directive, rest + 1);
    }
    if (rest >= text.length() || text.charAt(rest) != '{') {
      return TypeMatch.NONE;
    }
    int i = rest + 1;
    while (true) {
      i = skipWhitespace(i);
      if (!text.startsWith("LITERAL", i)) {
        return TypeMatch.NONE;
      }
      directive = directive.withLiteral();
      i = skipWhitespace(i + "LITERAL".length());
      if (i >= text.length() || text.charAt(i) != ',') {
        break;
      }
      i++;
    }
    if (!text.startsWith("}:", i)) {
      return TypeMatch.NONE;
    }
    return new TypeMatch(Outcome.DIRECTIVE, directive, i + 2);
  }

  /** StringRef::ltrim(): all ASCII whitespace, newlines included. */
  private int skipWhitespace(int i) {
    while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}

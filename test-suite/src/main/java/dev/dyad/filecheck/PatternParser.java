package dev.dyad.filecheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the text after a directive into a {@link Pattern}, following FileCheck's Pattern::parsePattern. */
final class PatternParser {

  private final Directive directive;
  private final String prefix;
  private final FileCheckOptions options;
  private final Variables vars;
  private final Integer line;
  private final SourceText src;

  private final StringBuilder regex = new StringBuilder();
  private int nextGroup = 1;
  private final List<Substitution> substitutions = new ArrayList<>();
  private final Map<String, Integer> stringDefs = new LinkedHashMap<>();
  private final Map<String, Pattern.NumericDef> numericDefs = new LinkedHashMap<>();

  private PatternParser(Directive directive, String prefix, FileCheckOptions options, Variables vars,
             Integer line, SourceText src) {
    this.directive = directive;
    this.prefix = prefix;
    this.options = options;
    this.vars = vars;
    this.line = line;
    this.src = src;
  }

  /** Parses {@code text} (the rest of the directive's line, leading blanks already skipped). */
  static Pattern parse(Cursor text, Directive directive, String prefix, FileCheckOptions options,
             Variables vars, Integer line) throws CheckFileError {
    return new PatternParser(directive, prefix, options, vars, line, text.src).parse(text.copy());
  }

  private Pattern parse(Cursor p) throws CheckFileError {
    CheckKind kind = directive.kind();
    boolean fullLines = options.matchFullLines() && kind != CheckKind.NOT;
    boolean ignoreCase = options.ignoreCase();
    int loc = p.pos;
    if (!(options.strictWhitespace() && options.matchFullLines())) {
      p.rtrim();
    }
    if (p.isEmpty() && kind != CheckKind.EMPTY) {
      throw CheckFileError.at(src, loc, "found empty check string with prefix '" + prefix + ":'");
    }
    if (!p.isEmpty() && kind == CheckKind.EMPTY) {
      throw CheckFileError.at(src, loc,
          "found non-empty check string for empty check with prefix '" + prefix + ":'");
    }
    if (kind == CheckKind.EMPTY) {
      return build(loc, null, "(\n$)", ignoreCase);
    }
    String text = p.text();
    if (directive.literal()) {
      return build(loc, text, null, ignoreCase);
    }
    if (!fullLines && (text.length() < 2 || (!text.contains("{{") && !text.contains("[[")))) {
      return build(loc, text, null, ignoreCase);
    }
    if (fullLines) {
      regex.append('^');
      if (!options.strictWhitespace()) {
        regex.append(" *");
      }
    }
    while (!p.isEmpty()) {
      if (p.startsWith("{{")) {
        parseRegexBlock(p);
      } else if (p.startsWith("[[") && !p.startsWith("[[[")) {
        parseSubstitutionBlock(p);
      } else {
        int end = Math.min(indexFrom(p, "{{"), indexFrom(p, "[["));
        regex.append(PosixRegex.escape(src.text().substring(p.pos, end)));
        p.pos = end;
      }
    }
    if (fullLines) {
      if (!options.strictWhitespace()) {
        regex.append(" *");
      }
      regex.append('$');
    }
    return build(loc, null, regex.toString(), ignoreCase);
  }

  /** Position of {@code s} searching from p.pos + 1, or p.end. */
  private static int indexFrom(Cursor p, String s) {
    int at = TextSearch.indexOf(p.src.text(), s, p.pos + 1, p.end, false);
    return at < 0 ? p.end : at;
  }

  private Pattern build(int loc, String fixed, String llvmRegex, boolean ignoreCase) {
    List<Pattern.StringDef> defs = new ArrayList<>();
    stringDefs.forEach((name, group) -> defs.add(new Pattern.StringDef(name, group)));
    return new Pattern(directive, src, loc, line, fixed, llvmRegex, substitutions, defs,
        new ArrayList<>(numericDefs.values()), ignoreCase);
  }

  private void parseRegexBlock(Cursor p) throws CheckFileError {
    int close = TextSearch.indexOf(p.src.text(), "}}", p.pos, p.end, false);
    if (close < 0) {
      throw CheckFileError.at(src, p.pos, "found start of regex string with no end '}}'");
    }
    int start = p.pos + 2;
    String body = src.text().substring(start, close);
    // Wrap alternations so "a{{x|y}}b" cannot become "ax|yb".
    boolean alternation = body.indexOf('|') >= 0;
    if (alternation) {
      regex.append('(');
      nextGroup++;
    }
    addRegex(body, start);
    if (alternation) {
      regex.append(')');
    }
    p.pos = close + 2;
  }

  private void addRegex(String ere, int at) throws CheckFileError {
    try {
      nextGroup += PosixRegex.translate(ere, false).groupCount();
    } catch (PosixRegex.SyntaxError e) {
      throw CheckFileError.at(src, at, "invalid regex: " + e.getMessage());
    }
    regex.append(ere);
  }

  private void parseSubstitutionBlock(Cursor p) throws CheckFileError {
    int blockStart = p.pos;
    int bodyStart = p.pos + 2;
    int end = findBlockEnd(bodyStart, p.end);
    Cursor body = new Cursor(src, bodyStart, end < 0 ? p.end : end);
    boolean numeric = body.consume("#");
    if (end < 0) {
      throw CheckFileError.at(src, blockStart, "Invalid substitution block, no ]] found");
    }
    p.pos = end + 2;

    boolean definition = false;
    boolean substitute = false;
    boolean legacyLine = false;
    String defName = null;
    String substName = null;
    int substFrom = body.pos;
    String matchRegex = "";
    int matchRegexAt = -1;
    int insertAt = regex.length();
    NumericBlockParser.Block block = null;

    if (!numeric) {
      int colon = body.find(':');
      int nameEnd = colon < 0 ? body.end : body.pos + colon;
      for (int i = body.pos; i < nameEnd; i++) {
        if (Cursor.isSpace(src.text().charAt(i))) {
          throw CheckFileError.at(src, i, "unexpected whitespace");
        }
      }
      Cursor original = body.copy();
      int nameStart = body.pos;
      NumericBlockParser.parseVariable(body);
      String name = src.text().substring(nameStart, body.pos);
      boolean pseudo = name.startsWith("@");
      definition = colon >= 0;
      substitute = !definition;
      if (definition) {
        if (pseudo || !body.consume(":")) {
          throw CheckFileError.at(src, nameStart, "invalid name in string variable definition");
        }
        if (vars.numeric(name) != null) {
          throw CheckFileError.at(src, nameStart, "numeric variable with name '" + name + "' already exists");
        }
        defName = name;
        matchRegex = body.text();
        matchRegexAt = body.pos;
      } else if (pseudo) {
        body = original;
        legacyLine = true;
        numeric = true;
      } else {
        if (!body.isEmpty()) {
          throw CheckFileError.at(src, nameStart, "invalid name in string variable use");
        }
        substName = name;
      }
    }

    if (numeric) {
      block = NumericBlockParser.parse(body, legacyLine, line, vars);
      substitute = block.expr() != null;
      if (block.defined() != null) {
        definition = true;
        defName = block.defined().name;
      }
      if (!substitute) {
        matchRegex = block.format().wildcardRegex();
      }
    }

    if (definition) {
      regex.append('(');
      insertAt++;
      if (numeric) {
        numericDefs.put(defName, new Pattern.NumericDef(block.defined(), block.format(), nextGroup));
      } else {
        stringDefs.put(defName, nextGroup);
        vars.declareString(defName);
      }
      nextGroup++;
    }
    if (!matchRegex.isEmpty()) {
      addRegex(matchRegex, matchRegexAt < 0 ? substFrom : matchRegexAt);
    }
    if (definition) {
      regex.append(')');
    }
    if (!substitute) {
      return;
    }
    if (!numeric && stringDefs.containsKey(substName)) {
      // A variable defined earlier on this line is matched by back-reference.
      int group = stringDefs.get(substName);
      if (group < 1 || group > 9) {
        throw CheckFileError.at(src, substFrom, "Can't back-reference more than 9 variables");
      }
      regex.append('\\').append(group);
      return;
    }
    if (numeric) {
      String from = src.text().substring(substFrom, body.end);
      Located where = new Located(src, substFrom, body.end, from);
      substitutions.add(new Substitution.OfNumber(from, block.expr(), block.format(), where, insertAt));
    } else {
      Located where = new Located(src, substFrom, substFrom + substName.length(),
          "undefined variable: " + substName);
      substitutions.add(new Substitution.OfString(substName, where, insertAt));
    }
  }

  /** Finds the "]]" closing a substitution block, skipping bracket expressions and escapes. */
  private int findBlockEnd(int from, int to) throws CheckFileError {
    String t = src.text();
    int depth = 0;
    int i = from;
    while (i < to) {
      if (depth == 0 && i + 1 < to && t.charAt(i) == ']' && t.charAt(i + 1) == ']') {
        return i;
      }
      char c = t.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (depth == 0) {
          throw CheckFileError.fatal(src, i, "missing closing \"]\" for regex variable");
        }
        depth--;
      }
      i++;
    }
    return -1;
  }
}

package dev.dyad.parse;

import dev.dyad.grammar.CirLexer;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.text.StringEscapes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns ANTLR's syntax errors into MLIR's parser messages, and computes the source positions MLIR
 * reports errors at. ANTLR only tells which tokens it expected; MLIR's hand-written parser knows
 * what it was parsing. The common situations are recognised from the expected-token set (a type,
 * an attribute, a location, an operation...) and from the text around the offending token, and
 * get MLIR's wording; anything else reads {@code expected A, B or C}.
 */
final class SyntaxMessages {
  private SyntaxMessages() {}

  /** Readable names of the symbolic tokens, for messages that list what was expected. */
  private static final Map<String, String> TOKEN_NAMES = Map.ofEntries(
      Map.entry("<EOF>", "end of file"),
      Map.entry("VALUE_ID", "SSA value"),
      Map.entry("CARET_ID", "block name"),
      Map.entry("SYMBOL_ID", "symbol reference"),
      Map.entry("STRING", "string"),
      Map.entry("INTEGER", "integer"),
      Map.entry("FLOAT", "floating point literal"),
      Map.entry("BARE_ID", "identifier"),
      Map.entry("HASH_NUM", "'#' number"),
      Map.entry("ATTR_ALIAS_ID", "attribute alias"),
      Map.entry("TYPE_ALIAS_ID", "type alias"),
      Map.entry("DIALECT_ATTR_ID", "dialect attribute"),
      Map.entry("DIALECT_ATTR_BODY", "dialect attribute"),
      Map.entry("DIALECT_TYPE_ID", "dialect type"),
      Map.entry("DIALECT_TYPE_BODY", "dialect type"),
      Map.entry("INT_TYPE", "integer type"),
      Map.entry("FLOAT_TYPE", "float type"),
      Map.entry("TENSOR_OPEN", "tensor type"),
      Map.entry("UNRANKED_TENSOR_OPEN", "tensor type"),
      Map.entry("MEMREF_OPEN", "memref type"),
      Map.entry("UNRANKED_MEMREF_OPEN", "memref type"),
      Map.entry("VECTOR_OPEN", "vector type"));

  /** Rephrases the syntax error ANTLR reported as {@code antlr} at token {@code offending}. */
  static String rephrase(String antlr, Token offending) {
    if (offending != null) {
      String lexical = lexicalError(offending);
      if (lexical != null) {
        return lexical;
      }
    }
    Set<String> expected = expectedTokens(antlr);
    if (expected != null) {
      String known = knownSituation(expected, offending);
      return known != null ? known : "expected " + list(expected);
    }
    if (antlr.startsWith("token recognition error at: ")) {
      return "unexpected character";
    }
    if (antlr.startsWith("no viable alternative") && offending != null
        && previousToken(fullText(offending), offending.getStartIndex()).equals("-")) {
      // `-` not followed by a number (ANTLR needs two tokens to tell integers from floats).
      return "expected constant integer or floating point value";
    }
    if (antlr.startsWith("no viable alternative") || antlr.startsWith("extraneous input")
        || antlr.startsWith("mismatched input")) {
      return "unexpected " + (offending == null ? "input" : describe(offending));
    }
    return antlr;
  }

  // ---- characters the lexer could not turn into a token ---------------------------------------

  /** A lexical error: MLIR's message and the index of the character it points at. */
  private record Lexical(String message, int index) {}

  private static String lexicalError(Token t) {
    Lexical l = lexical(t);
    return l == null ? null : l.message();
  }

  /**
   * MLIR's lexer messages. Every character that starts no token becomes an UNEXPECTED_CHAR token;
   * for a quote that means a string literal that does not lex, for a sigil an invalid name.
   */
  private static Lexical lexical(Token t) {
    String text = fullText(t);
    int at = t.getStartIndex();
    if (t.getType() == CirLexer.LESS && isDialectSymbolEnd(text, at)) {
      return dialectBodyError(text, at);
    }
    if (t.getType() != CirLexer.UNEXPECTED_CHAR) {
      return null;
    }
    switch (t.getText()) {
      case "\"":
        return stringError(text, at);
      case "@":
        // MLIR points just past the '@'.
        return at + 1 < text.length() && text.charAt(at + 1) == '"'
            ? stringError(text, at + 1)
            : new Lexical("@ identifier expected to start with letter or '_'", at + 1);
      case "%":
        return new Lexical("invalid SSA name", at);
      case "^":
        return new Lexical("invalid block name", at);
      case "#":
        return new Lexical("invalid attribute name", at);
      case "!":
        return new Lexical("invalid type identifier", at);
      default:
        return new Lexical("unexpected character", at);
    }
  }

  /** Why the string literal starting at {@code start} does not lex, in MLIR's words and place. */
  private static Lexical stringError(String text, int start) {
    try {
      StringEscapes.scan(text, start);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      int offset = m.lastIndexOf(" at offset ");
      if (offset < 0) {
        return new Lexical(m, start);
      }
      return new Lexical(m.substring(0, offset), Integer.parseInt(m.substring(offset + " at offset ".length())));
    }
    return new Lexical("unexpected character", start);
  }

  /** Whether the {@code <} at {@code at} directly follows a {@code #dialect.name} or {@code !dialect.name}. */
  private static boolean isDialectSymbolEnd(String text, int at) {
    int i = at - 1;
    while (i >= 0 && isSuffixIdChar(text.charAt(i))) {
      i--;
    }
    return i >= 0 && i < at - 1 && (text.charAt(i) == '#' || text.charAt(i) == '!');
  }

  private static boolean isSuffixIdChar(char c) {
    return Character.isLetterOrDigit(c) || c == '$' || c == '.' || c == '_' || c == '-';
  }

  /**
   * A dialect symbol body that did not lex: MLIR's scan for the closing {@code >} (brackets must
   * balance, {@code ->} does not close, strings are skipped).
   */
  private static Lexical dialectBodyError(String text, int at) {
    List<Character> nested = new ArrayList<>();
    int i = at;
    do {
      if (i >= text.length()) {
        return new Lexical(nested.isEmpty() ? "unexpected nul or EOF in pretty dialect name" : unbalanced(nested), at);
      }
      char c = text.charAt(i++);
      switch (c) {
        case '<', '[', '(', '{' -> nested.add(c);
        case '-' -> {
          if (i < text.length() && text.charAt(i) == '>') {
            i++;
          }
        }
        case '>' -> {
          if (!closes(nested, '<')) {
            return new Lexical(unbalanced(nested, '<'), at);
          }
        }
        case ']' -> {
          if (!closes(nested, '[')) {
            return new Lexical(unbalanced(nested, '['), at);
          }
        }
        case ')' -> {
          if (!closes(nested, '(')) {
            return new Lexical(unbalanced(nested, '('), at);
          }
        }
        case '}' -> {
          if (!closes(nested, '{')) {
            return new Lexical(unbalanced(nested, '{'), at);
          }
        }
        case '"' -> {
          try {
            i = StringEscapes.scan(text, i - 1);
          } catch (IllegalArgumentException e) {
            return stringError(text, i - 1);
          }
        }
        default -> { }
      }
    } while (!nested.isEmpty());
    // The body balances, so the lexer rejected it for another reason; say so plainly.
    return new Lexical("invalid dialect symbol body", at);
  }

  private static boolean closes(List<Character> nested, char open) {
    if (nested.isEmpty() || nested.get(nested.size() - 1) != open) {
      return false;
    }
    nested.remove(nested.size() - 1);
    return true;
  }

  private static String unbalanced(List<Character> nested, char expected) {
    return nested.isEmpty() ? "unbalanced '" + expected + "' character in pretty dialect name" : unbalanced(nested);
  }

  private static String unbalanced(List<Character> nested) {
    return "unbalanced '" + nested.get(nested.size() - 1) + "' character in pretty dialect name";
  }

  // ---- expected tokens ----------------------------------------------------------------------

  /** The display names of the tokens ANTLR expected, or null if its message names none. */
  private static Set<String> expectedTokens(String antlr) {
    String what;
    int expecting = antlr.indexOf(" expecting ");
    if (expecting >= 0) {
      what = antlr.substring(expecting + " expecting ".length());
    } else if (antlr.startsWith("missing ") && antlr.lastIndexOf(" at ") > 0) {
      what = antlr.substring("missing ".length(), antlr.lastIndexOf(" at "));
    } else {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    if (what.startsWith("{") && what.endsWith("}")) {
      for (String s : what.substring(1, what.length() - 1).split(", ")) {
        out.add(s);
      }
    } else {
      out.add(what);
    }
    return out;
  }

  /**
   * MLIR's message for what the parser was in the middle of, recognised from the tokens that
   * could have come next and from the token before the offending one; null if not recognised.
   */
  private static String knownSituation(Set<String> expected, Token offending) {
    String previous = offending == null ? "" : previousToken(fullText(offending), offending.getStartIndex());
    // A type: the set of every token that starts one, without attribute-only tokens.
    if (expected.contains("TENSOR_OPEN") && !expected.contains("INTEGER")) {
      return "expected non-function type";
    }
    if (expected.contains("SYMBOL_ID") && expected.contains("INTEGER")) {
      return "expected attribute value";
    }
    if (expected.contains("'callsite'") && !expected.contains("BARE_ID")) {
      return "expected location instance";
    }
    if (expected.contains("BARE_ID") && expected.contains("INTEGER") && expected.contains("'-'")) {
      return affineExpressionError(offending, previous);
    }
    // Where an operation starts (a custom op name is a BARE_ID): the top level, a region, or
    // after the results.
    if (expected.contains("'{-#'") || expected.contains("CARET_ID") && expected.contains("'}'")
        || expected.equals(Set.of("STRING")) || expected.equals(Set.of("STRING", "BARE_ID"))) {
      return "expected operation name in quotes";
    }
    if (expected.contains("BARE_ID")) {
      if (expected.contains("'}'")) {
        return "expected attribute name";
      }
      return expected.contains("STRING") ? "expected identifier key for 'resource' entry" : "expected bare identifier";
    }
    if (expected.contains("'true'") && expected.contains("STRING")) {
      return "expected element literal of primitive type";
    }
    if (expected.contains("':'") && expected.contains("'{'")) {
      return "expected ':' followed by operation type";
    }
    if (expected.equals(Set.of("')'", "VALUE_ID"))) {
      return previous.equals("(") && previousToken(fullText(offending), previousStart(offending)).startsWith("\"")
          ? "expected ')' to end operand list"
          : "expected SSA operand";
    }
    if (Set.of("','", "')'").containsAll(expected) && expected.contains("')'")) {
      return previous.startsWith("%") ? "expected ')' to end operand list" : "expected ')'";
    }
    if (expected.equals(Set.of("':'")) && previous.startsWith("%")) {
      return "expected ':' and type for SSA operand";
    }
    if (expected.equals(Set.of("','", "']'"))) {
      return "expected ',' or ']'";
    }
    if (expected.equals(Set.of("','", "'}'"))) {
      return "expected '}' in attribute dictionary";
    }
    if (expected.equals(Set.of("','", "'>'"))) {
      return "expected '>'";
    }
    if (expected.equals(Set.of("','", "'='"))) {
      return "expected '=' after SSA name";
    }
    if (expected.equals(Set.of("':'", "'('")) && previous.startsWith("^")) {
      return "expected ':' after block name";
    }
    if (expected.equals(Set.of("'('")) && previous.startsWith("\"")) {
      return "expected '(' to start operand list";
    }
    if (expected.equals(Set.of("'('")) && previous.equals("loc")) {
      return "expected '(' in location";
    }
    if (expected.equals(Set.of("'at'"))) {
      return "expected 'at' in callsite location";
    }
    if (expected.equals(Set.of("'offset'"))) {
      return "expected 'offset' after comma";
    }
    if (expected.equals(Set.of("'->'"))) {
      return "expected '->' in function type";
    }
    return null;
  }

  private static final List<String> BINARY_OPERATORS = List.of("+", "-", "*", "floordiv", "ceildiv", "mod");

  private static String affineExpressionError(Token offending, String previous) {
    if (BINARY_OPERATORS.contains(previous)) {
      return "missing right operand of binary operator";
    }
    if (offending != null && BINARY_OPERATORS.contains(offending.getText())) {
      return "missing left operand of binary operator";
    }
    return "expected affine expression";
  }

  /** {@code A}, {@code A or B}, {@code A, B or C}, with readable names for symbolic tokens. */
  private static String list(Set<String> expected) {
    List<String> names = new ArrayList<>();
    for (String e : expected) {
      String name = TOKEN_NAMES.getOrDefault(e, e);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private static String describe(Token t) {
    if (t.getType() == Token.EOF) {
      return "end of file";
    }
    String text = t.getText();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return "'" + text.replace("\n", "\\n") + "'";
  }

  // ---- the text around a token ----------------------------------------------------------------

  /** The whole text the token was lexed from (only needed on error paths). */
  private static String fullText(Token t) {
    var in = t.getInputStream();
    return in == null || in.size() == 0 ? "" : in.getText(Interval.of(0, in.size() - 1));
  }

  /** Skips back over whitespace and (single-line) comments before {@code index}. */
  private static int endOfPrevious(String text, int index) {
    int i = Math.min(index, text.length());
    while (true) {
      while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
        i--;
      }
      int lineStart = text.lastIndexOf('\n', i - 1) + 1;
      int comment = text.indexOf("//", lineStart);
      if (comment < 0 || comment >= i) {
        return i;
      }
      i = comment;
    }
  }

  /** Start index of the token before {@code t} (approximately, for messages). */
  private static int previousStart(Token t) {
    String text = fullText(t);
    int end = endOfPrevious(text, t.getStartIndex());
    return end - previousToken(text, t.getStartIndex()).length();
  }

  /**
   * The token before {@code index}, approximately: a quoted string, an identifier with its sigil
   * ({@code %x}, {@code ^bb0}, {@code #a}), {@code ->}, or one punctuation character.
   */
  private static String previousToken(String text, int index) {
    int end = endOfPrevious(text, index);
    if (end == 0) {
      return "";
    }
    char last = text.charAt(end - 1);
    if (last == '"') {
      int open = text.lastIndexOf('"', end - 2);
      return open < 0 ? "\"" : text.substring(open, end);
    }
    if (isSuffixIdChar(last) || last == '#') {
      int start = end;
      while (start > 0 && (isSuffixIdChar(text.charAt(start - 1)) || text.charAt(start - 1) == '#')) {
        start--;
      }
      if (start > 0 && "%^!@".indexOf(text.charAt(start - 1)) >= 0) {
        start--;
      }
      return text.substring(start, end);
    }
    if (last == '>' && end >= 2 && text.charAt(end - 2) == '-') {
      return "->";
    }
    return String.valueOf(last);
  }

  // ---- positions ------------------------------------------------------------------------------

  /** Messages MLIR reports at the offending token itself rather than after the previous one. */
  private static final Set<String> AT_TOKEN = Set.of(
      "expected element literal of primitive type",
      "expected affine expression",
      "missing left operand of binary operator",
      "missing right operand of binary operator",
      "expected bare identifier");

  /**
   * The syntax error ANTLR reported as {@code antlr} at {@code offending} (null for lexer errors,
   * then at 1-based {@code line} and 0-based {@code column}), worded and placed as MLIR does.
   * This is what the parser's error listener should report.
   */
  static Diagnostic syntaxError(String fileName, String antlr, Token offending, int line, int column) {
    String message = rephrase(antlr, offending);
    Location loc = offending == null ? new Location.FileLineCol(fileName, line, column + 1)
        : syntaxErrorLocation(fileName, offending, message);
    return Diagnostic.error(loc, message);
  }

  /**
   * Where MLIR reports the syntax error {@code message} at {@code offending}: at the bad
   * character for lexical errors (inside a string literal: at the bad escape or where the closing
   * quote is missing), at the token for a few messages, otherwise where {@link #wrongToken} says.
   */
  static Location syntaxErrorLocation(String fileName, Token offending, String message) {
    Lexical l = lexical(offending);
    if (l != null) {
      return at(fileName, fullText(offending), l.index());
    }
    if (AT_TOKEN.contains(message)) {
      return at(fileName, fullText(offending), offending.getStartIndex());
    }
    return wrongToken(fileName, offending);
  }

  /**
   * Where MLIR reports an error about a missing or wrong token {@code t} (its
   * {@code emitWrongTokenError}): just after the previous token, walking back over blank lines and
   * comments, so that "expected ')'" points at the end of the unfinished line rather than at
   * whatever starts the next one. At the end of the file, one character back.
   */
  static Location wrongToken(String fileName, Token t) {
    String text = fullText(t);
    int loc = t.getType() == Token.EOF ? Math.max(0, text.length() - 1) : t.getStartIndex();
    int i = loc;
    while (true) {
      while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
        i--;
      }
      if (i == 0) {
        return at(fileName, text, loc);
      }
      char c = text.charAt(i - 1);
      if (c != '\n' && c != '\r') {
        return at(fileName, text, i);
      }
      i--;
      // MLIR assumes a `//` on the previous line starts a comment and backs up before it.
      int lineStart = Math.max(text.lastIndexOf('\n', i - 1), text.lastIndexOf('\r', i - 1)) + 1;
      int comment = text.indexOf("//", lineStart);
      if (comment >= 0 && comment < i) {
        i = comment;
      }
    }
  }

  /**
   * Where MLIR's parser stands once it has consumed {@code t}: the start of the next token
   * (after whitespace and comments). MLIR reports many semantic errors there, e.g. an undefined
   * alias or an attribute that does not fit its type.
   */
  static Location after(String fileName, Token t) {
    String text = fullText(t);
    int i = t.getStopIndex() + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else {
        break;
      }
    }
    return at(fileName, text, i);
  }

  /** The location of character {@code index} of the token's text, {@code offset} chars in. */
  static Location within(String fileName, Token t, int offset) {
    return at(fileName, fullText(t), t.getStartIndex() + offset);
  }

  private static Location at(String fileName, String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Location.FileLineCol(fileName, line, index - lineStart + 1);
  }
}

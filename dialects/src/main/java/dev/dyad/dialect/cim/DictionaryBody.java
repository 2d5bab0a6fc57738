package dev.dyad.dialect.cim;

import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.text.StringEscapes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the flat dictionary in a dialect attribute body, {@code {key = value, ...}}, in MLIR's
 * syntax: bare-identifier keys; string, integer, float and boolean values. Values come back as
 * {@link String}, {@link BigInteger}, {@link Double} or {@link Boolean}.
 */
final class DictionaryBody {
  private final String text;
  private final String what;
  private int pos;

  private DictionaryBody(String text, String what) {
    this.text = text;
    this.what = what;
  }

  /**
   * The entries of {@code text}, in order; {@code what} names the attribute in messages.
   *
   * @throws InvalidAttributeException on a syntax error or a repeated key
   */
  static Map<String, Object> parse(String text, String what) {
    DictionaryBody p = new DictionaryBody(text, what);
    Map<String, Object> entries = p.dictionary();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the dictionary");
    }
    return entries;
  }

  private Map<String, Object> dictionary() {
    Map<String, Object> entries = new LinkedHashMap<>();
    expect('{');
    skipSpace();
    if (peek() == '}') {
      pos++;
      return entries;
    }
    while (true) {
      skipSpace();
      int keyStart = pos;
      String key = identifier();
      skipSpace();
      expect('=');
      skipSpace();
      Object value = value();
      if (entries.put(key, value) != null) {
        pos = keyStart;
        throw error("key '" + key + "' appears twice");
      }
      skipSpace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}');
      return entries;
    }
  }

  private String identifier() {
    int start = pos;
    if (!isIdentifierStart(peek())) {
      throw error("expected a key");
    }
    while (isIdentifierStart(peek()) || isDigit(peek()) || peek() == '$' || peek() == '.') {
      pos++;
    }
    return text.substring(start, pos);
  }

  private Object value() {
    char c = peek();
    if (c == '"') {
      int start = pos;
      try {
        pos = StringEscapes.scan(text, pos);
      } catch (IllegalArgumentException e) {
        throw error("malformed string");
      }
      return new String(StringEscapes.decode(text, start, pos), StandardCharsets.UTF_8);
    }
    if (c == '-' || isDigit(c)) {
      return number();
    }
    if (isIdentifierStart(c)) {
      int start = pos;
      String word = identifier();
      if (word.equals("true") || word.equals("false")) {
        return Boolean.valueOf(word);
      }
      pos = start;
      throw error("expected a string, number, true or false, got '" + word + "'");
    }
    throw error("expected a value");
  }

  /** {@code -?[0-9]+} as a BigInteger, or {@code -?[0-9]+.[0-9]*([eE][+-]?[0-9]+)?} as a double. */
  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (!isDigit(peek())) {
      throw error("expected a digit");
    }
    digits();
    if (peek() != '.') {
      return new BigInteger(text.substring(start, pos));
    }
    pos++;
    digits();
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected an exponent");
      }
      digits();
    }
    return Double.parseDouble(text.substring(start, pos));
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return c < 0x80 && (Character.isLetter(c) || c == '_');
  }

  private InvalidAttributeException error(String message) {
    return new InvalidAttributeException(what + ": " + message + " at offset " + pos + " of its body");
  }
}

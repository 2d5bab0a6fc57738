package dev.dyad.dialect.cim;

import dev.dyad.ir.InvalidAttributeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small bodies of Dyad's CIM attributes ({@code alloc<tiles = 2, dup = 1>},
 * {@code place<arrays = [0, 1]>}): bare identifiers, integers, integer lists and punctuation,
 * with spaces anywhere between them. Errors are {@link InvalidAttributeException}s whose message
 * starts with the attribute's name, for the parser to report at the attribute.
 */
public final class BodyScanner {
  private final String text;
  private final String what;
  private int pos;

  /** Scans {@code text}; {@code what} (e.g. {@code #cim.alloc}) starts every error message. */
  public BodyScanner(String text, String what) {
    this.text = text;
    this.what = what;
  }

  /** Whether only spaces are left. */
  public boolean atEnd() {
    skipSpace();
    return pos == text.length();
  }

  /** Consumes {@code c} if it comes next. */
  public boolean consume(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** Consumes {@code c} or fails with "expected 'c' {@code context}". */
  public void expect(char c, String context) {
    if (!consume(c)) {
      throw error("expected '" + c + "' " + context + found());
    }
  }

  /** Consumes a bare identifier ({@code [A-Za-z_][A-Za-z0-9_]*}) or fails. */
  public String identifier(String context) {
    skipSpace();
    int start = pos;
    if (pos < text.length() && isIdentifierStart(text.charAt(pos))) {
      pos++;
      while (pos < text.length() && (isIdentifierStart(text.charAt(pos)) || Character.isDigit(text.charAt(pos)))) {
        pos++;
      }
    }
    if (start == pos) {
      throw error("expected " + context + found());
    }
    return text.substring(start, pos);
  }

  /** Consumes a decimal integer that fits a long, with an optional minus sign, or fails. */
  public long integer(String context) {
    skipSpace();
    int start = pos;
    if (pos < text.length() && text.charAt(pos) == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (digits == pos) {
      pos = start;
      throw error("expected an integer " + context + found());
    }
    String literal = text.substring(start, pos);
    try {
      return Long.parseLong(literal);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("integer " + literal + " " + context + " does not fit in 64 bits");
    }
  }

  /** Consumes {@code [i, j, ...]} (possibly empty) or fails. */
  public List<Long> integerList(String context) {
    expect('[', "to start " + context);
    List<Long> values = new ArrayList<>();
    if (consume(']')) {
      return values;
    }
    do {
      values.add(integer("in " + context));
    } while (consume(','));
    expect(']', "to end " + context);
    return values;
  }

  /** Fails unless only spaces are left. */
  public void expectEnd(String context) {
    if (!atEnd()) {
      throw error("unexpected '" + text.substring(pos) + "' " + context);
    }
  }

  /** An error about this attribute. */
  public InvalidAttributeException error(String message) {
    return new InvalidAttributeException(what + ": " + message);
  }

  private String found() {
    skipSpace();
    return pos == text.length() ? ", but the body ends" : ", but found '" + text.charAt(pos) + "'";
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isIdentifierStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.InvalidAttributeException;

/** Reads the bodies of the nn attributes ({@code keyword<...>}) handed over by the parser. */
final class AttrBodies {
  private AttrBodies() {}

  /** Whether {@code body} names the attribute {@code keyword} (and not a longer identifier). */
  static boolean names(String body, String keyword) {
    if (!body.startsWith(keyword)) {
      return false;
    }
    String rest = body.substring(keyword.length());
    return rest.isEmpty() || rest.charAt(0) == '<' || Character.isWhitespace(rest.charAt(0));
  }

  /**
   * The stripped text between {@code keyword<} and the final {@code >}.
   *
   * @throws InvalidAttributeException when the brackets are missing ({@code expected} says what
   *     belongs inside)
   */
  static String inner(String body, String keyword, String expected) {
    String rest = body.strip().substring(keyword.length()).strip();
    if (!rest.startsWith("<") || !rest.endsWith(">")) {
      throw invalid(keyword, "expected '<" + expected + ">' after '" + keyword + "'");
    }
    return rest.substring(1, rest.length() - 1).strip();
  }

  /** A decimal integer with an optional minus sign that fits a long, or null. */
  static Long parseLong(String text) {
    if (!text.matches("-?[0-9]+")) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static InvalidAttributeException invalid(String keyword, String message) {
    return new InvalidAttributeException("#" + NnDialect.NAMESPACE + "." + keyword + ": " + message);
  }
}

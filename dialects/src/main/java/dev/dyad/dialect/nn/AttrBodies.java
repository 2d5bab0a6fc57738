package dev.dyad.dialect.nn;

/** Reads the bodies of the nn attributes ({@code keyword<...>}) handed over by the parser. */
final class AttrBodies {
  private AttrBodies() {}

  /** The stripped text between {@code keyword<} and the final {@code >}, or null. */
  static String inner(String body, String keyword) {
    String s = body.strip();
    if (!s.startsWith(keyword) || !s.endsWith(">")) {
      return null;
    }
    String rest = s.substring(keyword.length()).strip();
    return rest.startsWith("<") ? rest.substring(1, rest.length() - 1).strip() : null;
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
}

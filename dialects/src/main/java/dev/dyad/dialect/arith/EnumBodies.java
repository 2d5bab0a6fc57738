package dev.dyad.dialect.arith;

import java.util.ArrayList;
import java.util.List;

/** Splits the bodies of arith's flag attributes ({@code keyword<a, b>}) into their flags. */
final class EnumBodies {
  private EnumBodies() {}

  /** The text between {@code keyword<} and the final {@code >}, or null when body is not that. */
  static String inner(String body, String keyword) {
    String s = body.strip();
    if (!s.startsWith(keyword) || !s.endsWith(">")) {
      return null;
    }
    String rest = s.substring(keyword.length()).strip();
    return rest.startsWith("<") ? rest.substring(1, rest.length() - 1) : null;
  }

  /** The comma-separated words of {@code inner}; empty words make the list invalid (null entry). */
  static List<String> flags(String inner) {
    List<String> out = new ArrayList<>();
    for (String part : inner.split(",", -1)) {
      out.add(part.strip());
    }
    return out;
  }
}

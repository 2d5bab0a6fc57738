package dev.dyad.pass;

/**
 * What every pass option has: a name as written in pipelines, a description, and the parsing and
 * printing of its value. {@link Option} holds one value, {@link ListOption} a list.
 */
public abstract sealed class OptionBase permits Option, ListOption {
  private final String name;
  private final String description;

  OptionBase(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** The key in {@code pass{key=value}}. */
  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The value type, for listings and error messages. */
  public abstract OptionType<?> type();

  /** The value as {@code --list-passes} shows the default (before any parse), or "" if none. */
  public abstract String defaultText();

  /**
   * Sets the value from pipeline text; {@code hasValue} is false for a bare {@code key}.
   *
   * @return null on success, otherwise the error message (without the option name)
   */
  abstract String parse(String text, boolean hasValue);

  /** Appends {@code key=value} as MLIR prints it; may append nothing (an empty list). */
  abstract void print(StringBuilder out);

  /**
   * Strips one pair of enclosing quotes or braces, the way MLIR unwraps option values and list
   * elements ({@code key="a b"}, {@code key={a b}}); only a pair that encloses the whole text
   * ({@code {a},{b}} stays as it is).
   */
  static String unwrap(String s) {
    String t = s.strip();
    if (t.length() < 2) {
      return t;
    }
    char first = t.charAt(0);
    boolean enclosed = switch (first) {
      case '"', '\'' -> t.indexOf(first, 1) == t.length() - 1;
      case '{' -> closingBrace(t) == t.length() - 1;
      default -> false;
    };
    return enclosed ? t.substring(1, t.length() - 1).strip() : t;
  }

  /** The index of the '}' matching the '{' at 0 (quoted text skipped), or -1. */
  private static int closingBrace(String t) {
    int depth = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '"' || c == '\'') {
        int close = t.indexOf(c, i + 1);
        if (close < 0) {
          return -1;
        }
        i = close;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}

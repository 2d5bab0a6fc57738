package dev.dyad.ir.text;

import java.nio.charset.StandardCharsets;

/**
 * MLIR's lexical rules for identifiers and names, as used by its printer and lexer.
 *
 * <p>All character classes are ASCII-only (MLIR uses C {@code isalpha}/{@code isalnum} on
 * bytes), so any non-ASCII character makes a name non-bare.
 */
public final class Identifiers {
  private Identifiers() {}

  /** Punctuation kept by {@link #sanitize} for SSA value and block names. */
  public static final String SSA_NAME_PUNCTUATION = "$._-";
  /** Punctuation kept by {@link #sanitize} for attribute/type alias names. */
  public static final String ALIAS_NAME_PUNCTUATION = "$_-";

  /** What MLIR prints for a symbol reference with an empty name. */
  public static final String INVALID_EMPTY_SYMBOL = "@<<INVALID EMPTY SYMBOL>>";

  /**
   * The printer's bare-identifier test, {@code [a-zA-Z_][a-zA-Z0-9_$.]*}: names passing it are
   * printed unquoted as symbol names and attribute-dictionary keys.
   */
  public static boolean isBareIdentifier(CharSequence name) {
    if (name.length() == 0 || !(isAlpha(name.charAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isAlnum(c) || c == '_' || c == '$' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The lexer's suffix-id, the part after {@code %}, {@code ^}, {@code #} or {@code !}:
   * {@code [0-9]+ | [a-zA-Z$._-][a-zA-Z0-9$._-]*}.
   */
  public static boolean isSuffixId(CharSequence id) {
    if (id.length() == 0) {
      return false;
    }
    char first = id.charAt(0);
    if (isDigit(first)) {
      for (int i = 1; i < id.length(); i++) {
        if (!isDigit(id.charAt(i))) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(isAlpha(c) || isSuffixPunct(c) || (i > 0 && isDigit(c)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code printKeywordOrString}: the name itself if it is a bare identifier, otherwise a
   * quoted, escaped string literal. Used for attribute-dictionary keys ({@code "my key" = 1})
   * and, after '@', symbol names.
   */
  public static String keywordOrString(CharSequence name) {
    return appendKeywordOrString(name, new StringBuilder(name.length() + 2)).toString();
  }

  /** Appends {@link #keywordOrString(CharSequence)}. */
  public static StringBuilder appendKeywordOrString(CharSequence name, StringBuilder out) {
    if (isBareIdentifier(name)) {
      return out.append(name);
    }
    out.append('"');
    return StringEscapes.appendEscaped(name, out).append('"');
  }

  /** A symbol reference: {@code @name} or {@code @"quoted name"}; see {@link #INVALID_EMPTY_SYMBOL}. */
  public static String symbolReference(CharSequence name) {
    return appendSymbolReference(name, new StringBuilder(name.length() + 3)).toString();
  }

  /** Appends {@link #symbolReference(CharSequence)}. */
  public static StringBuilder appendSymbolReference(CharSequence name, StringBuilder out) {
    if (name.length() == 0) {
      return out.append(INVALID_EMPTY_SYMBOL);
    }
    return appendKeywordOrString(name, out.append('@'));
  }

  /**
   * {@code isDialectSymbolSimpleEnoughForPrettyForm}: whether the body of an opaque dialect
   * type/attribute can be printed as {@code !dialect.body} rather than {@code !dialect<body>}.
   * True for {@code [a-zA-Z][a-zA-Z0-9._]*} optionally followed by a part that starts with
   * '<' and ends with '>' (the brackets in between are not checked).
   */
  public static boolean isDialectSymbolSimpleEnoughForPrettyForm(CharSequence body) {
    if (body.length() == 0 || !isAlpha(body.charAt(0))) {
      return false;
    }
    int i = 1;
    while (i < body.length() && (isAlnum(body.charAt(i)) || body.charAt(i) == '.' || body.charAt(i) == '_')) {
      i++;
    }
    if (i == body.length()) {
      return true;
    }
    return body.charAt(i) == '<' && body.charAt(body.length() - 1) == '>';
  }

  /**
   * {@code printDialectSymbol}: {@code prefix + dialect + "." + body} when the body is simple
   * enough, else {@code prefix + dialect + "<" + body + ">"}. The body is printed verbatim; an
   * opaque body that was written as a string ({@code !foo<"a b">}) contains its quotes.
   */
  public static String dialectSymbol(String prefix, String dialect, String body) {
    StringBuilder out = new StringBuilder(prefix.length() + dialect.length() + body.length() + 2);
    out.append(prefix).append(dialect);
    if (isDialectSymbolSimpleEnoughForPrettyForm(body)) {
      return out.append('.').append(body).toString();
    }
    return out.append('<').append(body).append('>').toString();
  }

  /** {@link #sanitize(CharSequence, String)} with the SSA value/block name punctuation. */
  public static String sanitize(CharSequence name) {
    return sanitize(name, SSA_NAME_PUNCTUATION);
  }

  /**
   * MLIR's {@code sanitizeIdentifier}, applied to suggested SSA value/block names (from
   * {@code getAsmResultNames} or name locations) and alias names. Works on the UTF-8 bytes:
   * ASCII letters, digits and {@code allowedPunctuation} are kept, a space becomes '_', any
   * other byte becomes its uppercase hex value without zero padding ('\n' -> "A", 'é' ->
   * "C3A9"). A '_' is prepended if the name starts with a digit or with a character that is
   * neither allowed nor a space. The result is not uniqued; MLIR appends "_N" to duplicates.
   *
   * @throws IllegalArgumentException for an empty name
   */
  public static String sanitize(CharSequence name, String allowedPunctuation) {
    if (name.length() == 0) {
      throw new IllegalArgumentException("empty name");
    }
    byte[] bytes = name.toString().getBytes(StandardCharsets.UTF_8);
    int first = bytes[0] & 0xFF;
    boolean prefix = isDigit((char) first) || (!isValidNameByte(first, allowedPunctuation) && first != ' ');
    boolean clean = !prefix;
    for (int i = 0; i < bytes.length && clean; i++) {
      clean = isValidNameByte(bytes[i] & 0xFF, allowedPunctuation);
    }
    if (clean) {
      return name.toString();
    }
    StringBuilder out = new StringBuilder(bytes.length + 8);
    if (prefix) {
      out.append('_');
    }
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isValidNameByte(c, allowedPunctuation)) {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('_');
      } else {
        out.append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT));
      }
    }
    return out.toString();
  }

  private static boolean isValidNameByte(int c, String allowedPunctuation) {
    return c < 0x80 && (isAlnum((char) c) || allowedPunctuation.indexOf(c) >= 0);
  }

  private static boolean isSuffixPunct(char c) {
    return c == '$' || c == '.' || c == '_' || c == '-';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlnum(char c) {
    return isAlpha(c) || isDigit(c);
  }
}

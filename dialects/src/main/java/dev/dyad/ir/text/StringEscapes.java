package dev.dyad.ir.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MLIR string literals. MLIR strings are byte strings; Java strings are converted to and from
 * them as UTF-8.
 *
 * <p>Printing follows {@code llvm::printEscapedString}: a backslash prints as {@code \\},
 * printable ASCII (0x20..0x7E) other than {@code "} prints as itself, and every other byte
 * (including {@code "}, control characters and each byte of a multi-byte UTF-8 sequence) prints
 * as {@code \XX} with two uppercase hex digits. So {@code "} prints as {@code \22} and newline as
 * {@code \0A}, never {@code \"} or {@code \n}.
 *
 * <p>Parsing follows MLIR's lexer: the only escapes are {@code \"}, {@code \\}, {@code \n},
 * {@code \t} and {@code \XX} (two hex digits of either case). Raw newline, vertical tab and form
 * feed end the literal with an error; any other raw byte, including NUL, tab and carriage
 * return, is taken as-is.
 */
public final class StringEscapes {
  private StringEscapes() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** {@code bytes} as a quoted MLIR string literal. */
  public static String quote(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
    return appendEscaped(bytes, out).append('"').toString();
  }

  /** The UTF-8 encoding of {@code s} as a quoted MLIR string literal. */
  public static String quote(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    return appendEscaped(s, out).append('"').toString();
  }

  /** {@code printEscapedString(bytes)} without the surrounding quotes. */
  public static String escape(byte[] bytes) {
    return appendEscaped(bytes, new StringBuilder(bytes.length)).toString();
  }

  /** {@code printEscapedString} of the UTF-8 encoding of {@code s}, without quotes. */
  public static String escape(CharSequence s) {
    return appendEscaped(s, new StringBuilder(s.length())).toString();
  }

  /** Appends the escaped form of {@code bytes} (no quotes). */
  public static StringBuilder appendEscaped(byte[] bytes, StringBuilder out) {
    for (byte b : bytes) {
      appendByte(b & 0xFF, out);
    }
    return out;
  }

  /**
   * Appends the escaped form of the UTF-8 encoding of {@code s} (no quotes), encoding on the
   * fly so the common all-ASCII case allocates nothing.
   */
  public static StringBuilder appendEscaped(CharSequence s, StringBuilder out) {
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        appendByte(c, out);
        continue;
      }
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = Character.toCodePoint(c, s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        // Unpaired surrogate: UTF-8 encoders (String.getBytes) substitute '?'.
        appendByte('?', out);
        continue;
      }
      if (cp < 0x800) {
        appendByte(0xC0 | (cp >> 6), out);
      } else if (cp < 0x10000) {
        appendByte(0xE0 | (cp >> 12), out);
        appendByte(0x80 | ((cp >> 6) & 0x3F), out);
      } else {
        appendByte(0xF0 | (cp >> 18), out);
        appendByte(0x80 | ((cp >> 12) & 0x3F), out);
        appendByte(0x80 | ((cp >> 6) & 0x3F), out);
      }
      appendByte(0x80 | (cp & 0x3F), out);
    }
    return out;
  }

  private static void appendByte(int b, StringBuilder out) {
    if (b == '\\') {
      out.append("\\\\");
    } else if (b >= 0x20 && b <= 0x7E && b != '"') {
      out.append((char) b);
    } else {
      out.append('\\').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
  }

  /**
   * Decodes a complete MLIR string literal, quotes included, to its bytes. Characters of
   * {@code literal} outside ASCII stand for their UTF-8 bytes (that is how they appear in a
   * UTF-8 source file).
   *
   * @throws IllegalArgumentException with MLIR's diagnostic if it is not exactly one literal
   */
  public static byte[] unquote(CharSequence literal) {
    int end = scan(literal, 0);
    if (end != literal.length()) {
      throw new IllegalArgumentException("unexpected text after string literal at offset " + end);
    }
    return decode(literal, 0, end);
  }

  /** {@link #unquote} decoded as UTF-8 (malformed sequences become U+FFFD). */
  public static String unquoteToString(CharSequence literal) {
    return new String(unquote(literal), StandardCharsets.UTF_8);
  }

  /**
   * Lexes the string literal starting at {@code start} (which must be {@code "}) and returns
   * the index just past its closing quote, like MLIR's {@code Lexer::lexString}.
   *
   * @throws IllegalArgumentException with MLIR's diagnostic and the offending offset
   */
  public static int scan(CharSequence text, int start) {
    if (start >= text.length() || text.charAt(start) != '"') {
      throw new IllegalArgumentException("expected string literal at offset " + start);
    }
    int i = start + 1;
    int len = text.length();
    while (true) {
      if (i >= len) {
        throw new IllegalArgumentException("expected '\"' in string literal at offset " + i);
      }
      char c = text.charAt(i++);
      switch (c) {
        case '"':
          return i;
        case '\n':
        case '\u000B':
        case '\f':
          throw new IllegalArgumentException("expected '\"' in string literal at offset " + (i - 1));
        case '\\':
          if (i < len && isSimpleEscape(text.charAt(i))) {
            i++;
          } else if (i + 1 < len && isHex(text.charAt(i)) && isHex(text.charAt(i + 1))) {
            i += 2;
          } else {
            throw new IllegalArgumentException("unknown escape in string literal at offset " + (i - 1));
          }
          break;
        default:
          break;
      }
    }
  }

  /**
   * Decodes the literal occupying {@code [start, end)} of {@code text} (as returned by
   * {@link #scan}) to bytes, like MLIR's {@code Token::getStringValue}.
   */
  public static byte[] decode(CharSequence text, int start, int end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
    int last = end - 1; // the closing quote
    for (int i = start + 1; i < last; i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        if (c < 0x80) {
          out.write(c);
          continue;
        }
        // Re-encode non-ASCII source characters as the UTF-8 bytes they came from.
        int cpEnd = Character.isHighSurrogate(c) && i + 1 < last ? i + 2 : i + 1;
        byte[] utf8 = text.subSequence(i, cpEnd).toString().getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        i = cpEnd - 1;
        continue;
      }
      char c1 = text.charAt(++i);
      switch (c1) {
        case '"':
        case '\\':
          out.write(c1);
          break;
        case 'n':
          out.write('\n');
          break;
        case 't':
          out.write('\t');
          break;
        default:
          out.write((Character.digit(c1, 16) << 4) | Character.digit(text.charAt(++i), 16));
          break;
      }
    }
    return out.toByteArray();
  }

  private static boolean isSimpleEscape(char c) {
    return c == '"' || c == '\\' || c == 'n' || c == 't';
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}

package dev.dyad.ir.text;

import java.nio.charset.StandardCharsets;

/** TEMPORARY placeholder. */
public final class StringEscapes {
  private StringEscapes() {}

  public static void appendEscaped(StringBuilder out, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c == '\\') {
        out.append("\\\\");
      } else if (c >= 0x20 && c < 0x7F && c != '"') {
        out.append((char) c);
      } else {
        out.append('\\').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
  }
}

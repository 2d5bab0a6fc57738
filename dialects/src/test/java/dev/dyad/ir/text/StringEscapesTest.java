package dev.dyad.ir.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringEscapesTest {

  @Test
  void printsAndParsesLikeMlirOpt() {
    Golden.Failures failures = new Golden.Failures();
    int printed = 0;
    for (String[] r : Golden.rows("string-golden.tsv", 3)) {
      if (r[0].equals("print")) {
        byte[] bytes = Golden.hexBytes(r[1]);
        printed++;
        check(failures, "quote " + r[1], r[2], StringEscapes.quote(bytes));
        String asString = new String(bytes, StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(asString.getBytes(StandardCharsets.UTF_8), bytes)) {
          check(failures, "quote(String) " + r[1], r[2], StringEscapes.quote(asString));
        }
        if (!java.util.Arrays.equals(bytes, StringEscapes.unquote(r[2]))) {
          failures.add("unquote " + r[2]);
        }
      } else {
        check(failures, "parse " + r[1], r[2], StringEscapes.quote(StringEscapes.unquote(r[1])));
      }
    }
    failures.check("string");
    assertEquals(true, printed >= 256);
  }

  private static void check(Golden.Failures f, String what, String expected, String got) {
    if (!expected.equals(got)) {
      f.add(what + ": expected " + expected + " got " + got);
    }
  }

  @Test
  void escapes() {
    assertEquals("\"a\\22b\\\\c\\0A\\09\\C3\\A9\"", StringEscapes.quote("a\"b\\c\n\t\u00e9"));
    assertEquals("\\F0\\9F\\98\\80", StringEscapes.escape("\uD83D\uDE00"));
    assertEquals("\\00\\7F\\FF", StringEscapes.escape(new byte[] {0, 0x7F, (byte) 0xFF}));
  }

  @Test
  void lexerRules() {
    assertArrayEquals(new byte[] {'"', '\\', '\n', '\t', (byte) 0xAB, 0x0A}, StringEscapes.unquote("\"\\\"\\\\\\n\\t\\ab\\0A\""));
    assertArrayEquals(new byte[] {'\t', '\r', 0}, StringEscapes.unquote("\"\t\r\0\""));
    assertEquals("h\u00e9", StringEscapes.unquoteToString("\"h\u00e9\""));
    assertEquals("\uD83D\uDE00", StringEscapes.unquoteToString("\"\uD83D\uDE00\""));
    for (String bad : new String[] {"\"\\r\"", "\"\\'\"", "\"\\x41\"", "\"\\0\"", "\"\\u0041\"", "\"a\nb\"",
      "\"a\u000Bb\"", "\"a\fb\"", "\"abc", "abc", "\"a\"b", "\"\\"}) {
      assertThrows(IllegalArgumentException.class, () -> StringEscapes.unquote(bad), bad);
    }
    assertEquals(5, StringEscapes.scan("x\"ab\" rest", 1));
  }
}

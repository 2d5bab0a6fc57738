package dev.dyad.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void matchesMlirOpt() {
    Golden.Failures failures = new Golden.Failures();
    int n = 0;
    for (String[] r : Golden.rows("ident-golden.tsv", 3)) {
      String name = new String(Golden.hexBytes(r[1]), StandardCharsets.UTF_8);
      String got;
      switch (r[0]) {
        case "symbol":
          got = Identifiers.symbolReference(name);
          break;
        case "key":
          got = Identifiers.keywordOrString(name);
          break;
        case "ssa":
          got = "%" + Identifiers.sanitize(name);
          if (!Identifiers.isSuffixId(got.substring(1))) {
            failures.add("sanitized name is not a suffix-id: " + got);
          }
          break;
        case "opaque-type":
          got = Identifiers.dialectSymbol("!", "foo", name);
          break;
        case "opaque-attr":
          got = Identifiers.dialectSymbol("#", "foo", name);
          break;
        default:
          throw new IllegalStateException(r[0]);
      }
      n++;
      if (!got.equals(r[2])) {
        failures.add(r[0] + " " + r[1] + ": expected " + r[2] + " got " + got);
      }
    }
    failures.check("identifier");
    assertTrue(n > 900);
  }

  @Test
  void rules() {
    assertTrue(Identifiers.isBareIdentifier("_a$b.c9"));
    assertFalse(Identifiers.isBareIdentifier("a-b"));
    assertFalse(Identifiers.isBareIdentifier("9a"));
    assertFalse(Identifiers.isBareIdentifier("$a"));
    assertFalse(Identifiers.isBareIdentifier(""));
    assertFalse(Identifiers.isBareIdentifier("\u00e9"));
    assertTrue(Identifiers.isSuffixId("123"));
    assertTrue(Identifiers.isSuffixId("-x.1$"));
    assertFalse(Identifiers.isSuffixId("12a"));
    assertFalse(Identifiers.isSuffixId(""));
    assertEquals("@\"foo bar\"", Identifiers.symbolReference("foo bar"));
    assertEquals("@<<INVALID EMPTY SYMBOL>>", Identifiers.symbolReference(""));
    assertEquals("\"my key\"", Identifiers.keywordOrString("my key"));
    assertEquals("!foo.bar<1>", Identifiers.dialectSymbol("!", "foo", "bar<1>"));
    assertEquals("!foo<\"bar baz\">", Identifiers.dialectSymbol("!", "foo", "\"bar baz\""));
    assertEquals("!foo<a<x>y>", Identifiers.dialectSymbol("!", "foo", "a<x>y"));
    assertEquals("a2FbAC3A9", Identifiers.sanitize("a/b\n\u00e9"));
    assertEquals("_9lives", Identifiers.sanitize("9lives"));
    assertEquals("_lead", Identifiers.sanitize(" lead"));
    assertEquals("_2Flead", Identifiers.sanitize("/lead"));
    assertEquals("a2Eb", Identifiers.sanitize("a.b", Identifiers.ALIAS_NAME_PUNCTUATION));
  }
}

package dev.dyad.dialect.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code #cim.alloc}: parsing (keys in any order, defaults), printing, and every error. */
class AllocAttrTest {
  private final CimDialect dialect = new CimDialect();

  @Test
  void parsesAndPrintsEveryKeyInCanonicalOrder() {
    AllocAttr a = (AllocAttr) dialect.parseAttribute(
        "alloc<reuse_in = 1, mem_out = 3, mem_in = 2, compute = 6, dup = 2, tiles = 3>");
    assertEquals(new AllocAttr(3, 2, 6, 2, 3, 1), a);
    assertEquals("#cim.alloc<tiles = 3, dup = 2, compute = 6, mem_in = 2, mem_out = 3, reuse_in = 1>",
        AsmPrinter.toString(a));
    assertEquals(a, dialect.parseAttribute(AsmPrinter.toString(a).substring("#cim.".length())));
    assertEquals(4, a.ownMemoryArrays());
  }

  @Test
  void computeDefaultsToDupTimesTilesAndMemoryCountsToZero() {
    assertEquals(AllocAttr.computeOnly(5, 3), dialect.parseAttribute("alloc<tiles=5,dup=3>"));
    assertEquals(new AllocAttr(5, 3, 15, 0, 0, 0), AllocAttr.computeOnly(5, 3));
    assertEquals(new AllocAttr(1, 1, 1, 4, 0, 0), dialect.parseAttribute("alloc < dup = 1 , mem_in = 4, tiles = 1 >"));
  }

  @Test
  void otherCimBodiesAreNotAllocations() {
    for (String body : List.of("allocation<1>", "other", "allocs")) {
      assertNull(dialect.parseAttribute(body), body);
    }
    assertNotEquals(AllocAttr.computeOnly(1, 2), AllocAttr.computeOnly(2, 1));
  }

  @Test
  void malformedBodiesAreReportedForUsers() {
    assertInvalid("alloc", "expected '<' after 'alloc', but the body ends");
    assertInvalid("alloc tiles = 1", "expected '<' after 'alloc', but found 't'");
    assertInvalid("alloc<>", "key 'tiles' is missing");
    assertInvalid("alloc<tiles = 1>", "key 'dup' is missing");
    assertInvalid("alloc<tiles = 1, dup = 1, tiles = 2>", "key 'tiles' appears twice");
    assertInvalid("alloc<tiles = 1, dup = 1, arrays = 3>",
        "unknown key 'arrays' (expected one of tiles, dup, compute, mem_in, mem_out, reuse_in)");
    assertInvalid("alloc<tiles 1>", "expected '=' after 'tiles', but found '1'");
    assertInvalid("alloc<tiles = >", "expected an integer for 'tiles', but found '>'");
    assertInvalid("alloc<tiles = 1.5, dup = 1>", "expected '>' to end the body, but found '.'");
    assertInvalid("alloc<tiles = -, dup = 1>", "expected an integer for 'tiles', but found '-'");
    assertInvalid("alloc<tiles = 9223372036854775808, dup = 1>",
        "integer 9223372036854775808 for 'tiles' does not fit in 64 bits");
    assertInvalid("alloc<tiles = 1, dup = 1", "expected '>' to end the body, but the body ends");
    assertInvalid("alloc<tiles = 1, dup = 1> x", "unexpected 'x' after the body");
    assertInvalid("alloc<, tiles = 1>",
        "expected a key (one of tiles, dup, compute, mem_in, mem_out, reuse_in), but found ','");
  }

  @Test
  void inconsistentCountsAreReported() {
    assertInvalid("alloc<tiles = 0, dup = 1>", "'tiles' must be at least 1, got 0");
    assertInvalid("alloc<tiles = 2, dup = 0>", "'dup' must be at least 1, got 0");
    assertInvalid("alloc<tiles = 2, dup = 3, compute = 5>", "'compute' (5) must equal dup * tiles (3 * 2 = 6)");
    assertInvalid("alloc<tiles = 3037000500, dup = 3037000500>",
        "dup * tiles (3037000500 * 3037000500) does not fit in 64 bits");
    assertInvalid("alloc<tiles = 1, dup = 1, mem_in = -1>", "'mem_in' must not be negative, got -1");
    assertInvalid("alloc<tiles = 1, dup = 1, mem_out = -1>", "'mem_out' must not be negative, got -1");
    assertInvalid("alloc<tiles = 1, dup = 1, reuse_in = -1>", "'reuse_in' must not be negative, got -1");
    assertInvalid("alloc<tiles = 1, dup = 1, mem_in = 2, reuse_in = 3>",
        "'reuse_in' (3) must not exceed 'mem_in' (2): reused arrays are input arrays");
  }

  @Test
  void theConstructorChecksTheSameRules() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AllocAttr(2, 2, 3, 0, 0, 0));
    assertEquals("'compute' (3) must equal dup * tiles (2 * 2 = 4)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AllocAttr(1, 1, 1, 0, 0, 1));
    assertThrows(ArithmeticException.class, () -> AllocAttr.computeOnly(Long.MAX_VALUE, 2));
  }

  private void assertInvalid(String body, String message) {
    InvalidAttributeException e = assertThrows(InvalidAttributeException.class, () -> dialect.parseAttribute(body));
    assertEquals("#cim.alloc: " + message, e.getMessage());
  }
}

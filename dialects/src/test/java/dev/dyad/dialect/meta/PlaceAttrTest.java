package dev.dyad.dialect.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code #meta.place}: the three kinds, printing, and every parse error. */
class PlaceAttrTest {
  private final MetaDialect dialect = new MetaDialect();

  @Test
  void parsesAndPrintsTheThreeKinds() {
    assertEquals(PlaceAttr.EXTERNAL, dialect.parseAttribute("place<external>"));
    assertEquals(PlaceAttr.BUFFER, dialect.parseAttribute("place< buffer >"));
    PlaceAttr arrays = (PlaceAttr) dialect.parseAttribute("place<arrays=[7,0, 3 ]>");
    assertEquals(PlaceAttr.ofArrays(7, 0, 3), arrays);
    assertEquals(List.of(7L, 0L, 3L), arrays.arrays());
    assertEquals("#meta.place<arrays = [7, 0, 3]>", AsmPrinter.toString(arrays));
    assertEquals("#meta.place<external>", AsmPrinter.toString(PlaceAttr.EXTERNAL));
    assertEquals("#meta.place<buffer>", AsmPrinter.toString(PlaceAttr.BUFFER));
    for (PlaceAttr p : List.of(PlaceAttr.EXTERNAL, PlaceAttr.BUFFER, arrays)) {
      assertEquals(p, dialect.parseAttribute(AsmPrinter.toString(p).substring("#meta.".length())));
    }
  }

  @Test
  void kindsAnswerWhereTheDataIs() {
    assertTrue(PlaceAttr.EXTERNAL.isExternal());
    assertFalse(PlaceAttr.EXTERNAL.isOnChip());
    assertTrue(PlaceAttr.BUFFER.isBuffer() && PlaceAttr.BUFFER.isOnChip());
    assertTrue(PlaceAttr.ofArrays(1).isArrays() && PlaceAttr.ofArrays(1).isOnChip());
  }

  @Test
  void otherMetaBodiesAreNotPlaces() {
    for (String body : List.of("placement<buffer>", "other", "places")) {
      assertNull(dialect.parseAttribute(body), body);
    }
  }

  @Test
  void malformedBodiesAreReportedForUsers() {
    assertInvalid("place", "expected '<' after 'place', but the body ends");
    assertInvalid("place<>", "expected 'external', 'buffer' or 'arrays', but found '>'");
    assertInvalid("place<dram>", "unknown place 'dram' (expected 'external', 'buffer' or 'arrays')");
    assertInvalid("place<arrays>", "expected '=' after 'arrays', but found '>'");
    assertInvalid("place<arrays = 1>", "expected '[' to start the array list, but found '1'");
    assertInvalid("place<arrays = []>", "'arrays' must list at least one array");
    assertInvalid("place<arrays = [2, -1]>", "array ids must not be negative, but one is -1");
    assertInvalid("place<arrays = [2, 2]>", "array 2 is listed twice");
    assertInvalid("place<arrays = [a]>", "expected an integer in the array list, but found 'a'");
    assertInvalid("place<arrays = [1,]>", "expected an integer in the array list, but found ']'");
    assertInvalid("place<arrays = [1 2]>", "expected ']' to end the array list, but found '2'");
    assertInvalid("place<arrays = [1]", "expected '>' to end the body, but the body ends");
    assertInvalid("place<buffer, external>", "expected '>' to end the body, but found ','");
    assertInvalid("place<buffer> more", "unexpected 'more' after the body");
  }

  @Test
  void theConstructorChecksTheSameRules() {
    assertThrows(IllegalArgumentException.class, () -> PlaceAttr.ofArrays());
    assertThrows(IllegalArgumentException.class, () -> PlaceAttr.ofArrays(1, 1));
    assertThrows(IllegalArgumentException.class, () -> new PlaceAttr(PlaceAttr.Kind.BUFFER, List.of(1L)));
  }

  private void assertInvalid(String body, String message) {
    InvalidAttributeException e = assertThrows(InvalidAttributeException.class, () -> dialect.parseAttribute(body));
    assertEquals("#meta.place: " + message, e.getMessage());
  }
}

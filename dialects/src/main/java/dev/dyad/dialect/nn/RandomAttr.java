package dev.dyad.dialect.nn;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.attr.Attribute;

/**
 * {@code #nn.random<42>}: the value of an {@code nn.constant} drawn by a seeded generator,
 * reproducible and within the element type's range; the runtime defines the generator. Lets
 * models with billions of weights be compiled and timed without their data.
 */
public record RandomAttr(long seed) implements Attribute {
  static final String KEYWORD = "random";

  /**
   * Parses the body {@code random<seed>}.
   *
   * @throws InvalidAttributeException when it is malformed
   */
  static RandomAttr parse(String body) {
    String inner = AttrBodies.inner(body, KEYWORD, "seed");
    Long seed = AttrBodies.parseLong(inner);
    if (seed == null) {
      throw AttrBodies.invalid(KEYWORD, "the seed must be a 64-bit integer, but is '" + inner + "'");
    }
    return new RandomAttr(seed);
  }

  @Override
  public void print(AsmPrinter p) {
    p.printDialectSymbol('#', NnDialect.NAMESPACE, KEYWORD + "<" + seed + ">");
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

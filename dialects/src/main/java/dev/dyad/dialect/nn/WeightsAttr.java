package dev.dyad.dialect.nn;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.text.StringEscapes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code #nn.weights<"file.bin", 1024>}: the value of an {@code nn.constant} stored as raw
 * little-endian data of the constant's type at byte {@code offset} of {@code file}. The path is
 * resolved by whoever reads the data (relative to the .cir file or a search path); the dialect
 * only checks the form.
 */
public record WeightsAttr(String file, long offset) implements Attribute {
  static final String KEYWORD = "weights";

  public WeightsAttr {
    Objects.requireNonNull(file);
    if (file.isEmpty()) {
      throw new IllegalArgumentException("#nn.weights needs a file name");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("#nn.weights offset must not be negative: " + offset);
    }
  }

  /**
   * Parses the body {@code weights<"file", offset>}.
   *
   * @throws InvalidAttributeException when it is malformed
   */
  static WeightsAttr parse(String body) {
    String inner = AttrBodies.inner(body, KEYWORD, "\"file\", offset");
    if (!inner.startsWith("\"")) {
      throw AttrBodies.invalid(KEYWORD, "expected a quoted file name");
    }
    int end;
    try {
      end = StringEscapes.scan(inner, 0);
    } catch (IllegalArgumentException e) {
      throw AttrBodies.invalid(KEYWORD, "invalid file name string: " + e.getMessage());
    }
    String file = new String(StringEscapes.decode(inner, 0, end), StandardCharsets.UTF_8);
    if (file.isEmpty()) {
      throw AttrBodies.invalid(KEYWORD, "the file name must not be empty");
    }
    String rest = inner.substring(end).strip();
    if (!rest.startsWith(",")) {
      throw AttrBodies.invalid(KEYWORD, "expected ', offset' after the file name");
    }
    String digits = rest.substring(1).strip();
    Long offset = AttrBodies.parseLong(digits);
    if (offset == null || offset < 0) {
      throw AttrBodies.invalid(KEYWORD, "the offset must be a non-negative 64-bit integer, but is '" + digits + "'");
    }
    return new WeightsAttr(file, offset);
  }

  @Override
  public void print(AsmPrinter p) {
    p.printDialectSymbol('#', NnDialect.NAMESPACE, KEYWORD + "<" + StringEscapes.quote(file) + ", " + offset + ">");
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

package dev.dyad.dialect.nn;

import dev.dyad.ir.AsmPrinter;
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

  /** Parses the body {@code weights<"file", offset>}, or returns null when it is not one. */
  static WeightsAttr parse(String body) {
    String inner = AttrBodies.inner(body, KEYWORD);
    if (inner == null || !inner.startsWith("\"")) {
      return null;
    }
    int end;
    try {
      end = StringEscapes.scan(inner, 0);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String file = new String(StringEscapes.decode(inner, 0, end), StandardCharsets.UTF_8);
    String rest = inner.substring(end).strip();
    if (!rest.startsWith(",")) {
      return null;
    }
    Long offset = AttrBodies.parseLong(rest.substring(1).strip());
    if (file.isEmpty() || offset == null || offset < 0) {
      return null;
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

package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.NoneType;
import dev.dyad.ir.type.Type;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A string constant. MLIR strings are byte sequences (not necessarily UTF-8), so the value is a
 * "byte string": one char per byte, 0-255. {@link #of} and {@link #text} convert from and to
 * Java text via UTF-8. The type is null when absent.
 */
public record StringAttr(String bytes, Type type) implements Attribute {
  public StringAttr {
    Objects.requireNonNull(bytes);
    // MLIR's untyped strings have type none, so "s" : none is "s" (and prints that way).
    if (type instanceof NoneType) {
      type = null;
    }
    for (int i = 0; i < bytes.length(); i++) {
      if (bytes.charAt(i) > 0xFF) {
        throw new IllegalArgumentException("not a byte string; use StringAttr.of for text");
      }
    }
  }

  /** The UTF-8 encoding of {@code text}, without type. */
  public static StringAttr of(String text) {
    return new StringAttr(toBytes(text), null);
  }

  public static String toBytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The value decoded as UTF-8 text. */
  public String text() {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  @Override
  public void print(AsmPrinter p) {
    p.printByteString(bytes);
    if (type != null) {
      p.append(" : ").printType(type);
    }
  }
}

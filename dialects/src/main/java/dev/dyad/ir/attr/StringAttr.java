package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.Type;
import java.util.Objects;

/** A string constant (arbitrary bytes, held as a Latin-1 string of UTF-8 bytes); type may be null. */
public record StringAttr(String value, Type type) implements Attribute {
  public StringAttr {
    Objects.requireNonNull(value);
  }

  public static StringAttr of(String value) {
    return new StringAttr(value, null);
  }

  @Override
  public void print(AsmPrinter p) {
    p.printString(value);
    if (type != null) {
      p.append(" : ").printType(type);
    }
  }
}

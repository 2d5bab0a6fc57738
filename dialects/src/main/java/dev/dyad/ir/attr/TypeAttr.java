package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.Type;
import java.util.Objects;

/** A type used as an attribute value. */
public record TypeAttr(Type type) implements Attribute {
  public TypeAttr {
    Objects.requireNonNull(type);
  }

  @Override
  public void print(AsmPrinter p) {
    p.printType(type);
  }
}

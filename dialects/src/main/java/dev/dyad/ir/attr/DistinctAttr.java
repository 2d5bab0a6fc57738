package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import java.util.Objects;

/**
 * {@code distinct[N]<attr>}: an attribute that is unique by identity, not by value. The number is
 * only a name in the text: the parser maps equal numbers of one file to one object, and the
 * printer renumbers them in print order.
 */
public final class DistinctAttr implements Attribute {
  private final Attribute referenced;

  public DistinctAttr(Attribute referenced) {
    this.referenced = Objects.requireNonNull(referenced);
  }

  public Attribute referenced() {
    return referenced;
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("distinct[").append(p.distinctId(this)).append("]<");
    if (!(referenced instanceof UnitAttr)) {
      p.printAttribute(referenced);
    }
    p.append('>');
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

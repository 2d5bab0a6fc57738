package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import java.util.List;

/** {@code [a, b, ...]}. */
public record ArrayAttr(List<Attribute> elements) implements Attribute {
  public static final ArrayAttr EMPTY = new ArrayAttr(List.of());

  public ArrayAttr {
    elements = List.copyOf(elements);
  }

  public int size() {
    return elements.size();
  }

  public Attribute get(int i) {
    return elements.get(i);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append('[');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        p.append(", ");
      }
      p.printAttributeElidingDefaultType(elements.get(i));
    }
    p.append(']');
  }
}

package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import java.util.List;

/** {@code @root::@nested::@leaf}: a reference to a symbol, resolved through symbol tables. */
public record SymbolRefAttr(String root, List<String> nested) implements Attribute {
  public SymbolRefAttr {
    nested = List.copyOf(nested);
  }

  public static SymbolRefAttr flat(String name) {
    return new SymbolRefAttr(name, List.of());
  }

  public String leaf() {
    return nested.isEmpty() ? root : nested.get(nested.size() - 1);
  }

  @Override
  public void print(AsmPrinter p) {
    p.printSymbolName(root);
    for (String n : nested) {
      p.append("::");
      p.printSymbolName(n);
    }
  }
}

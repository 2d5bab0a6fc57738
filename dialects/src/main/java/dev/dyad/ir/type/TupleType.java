package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import java.util.List;

/** {@code tuple<T, ...>}. */
public record TupleType(List<Type> types) implements Type {
  public TupleType {
    types = List.copyOf(types);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("tuple<");
    p.printTypeList(types);
    p.append('>');
  }
}

package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import java.util.Objects;

/** {@code complex<T>}. */
public record ComplexType(Type elementType) implements Type {
  public ComplexType {
    Objects.requireNonNull(elementType);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("complex<").printType(elementType).append('>');
  }
}

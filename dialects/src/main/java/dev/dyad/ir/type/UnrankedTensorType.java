package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import java.util.List;
import java.util.Objects;

/** {@code tensor<*xf32>}. */
public record UnrankedTensorType(Type elementType) implements ShapedType {
  public UnrankedTensorType {
    Objects.requireNonNull(elementType);
  }

  @Override
  public boolean hasRank() {
    return false;
  }

  @Override
  public List<Long> shape() {
    throw new UnsupportedOperationException("unranked tensor has no shape");
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("tensor<*x").printType(elementType).append('>');
  }
}

package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.attr.Attribute;
import java.util.List;
import java.util.Objects;

/** {@code tensor<2x?xf32>} with an optional encoding attribute (null when absent). */
public record RankedTensorType(List<Long> shape, Type elementType, Attribute encoding) implements ShapedType {
  public RankedTensorType {
    shape = List.copyOf(shape);
    ShapedType.checkDims(shape);
    Objects.requireNonNull(elementType);
  }

  public RankedTensorType(List<Long> shape, Type elementType) {
    this(shape, elementType, null);
  }

  @Override
  public boolean hasRank() {
    return true;
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("tensor<");
    p.printDimensions(shape);
    p.printType(elementType);
    if (encoding != null) {
      p.append(", ").printAttribute(encoding);
    }
    p.append('>');
  }
}

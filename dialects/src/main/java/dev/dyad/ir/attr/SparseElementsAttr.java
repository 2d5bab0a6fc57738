package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.ShapedType;
import java.util.Objects;

/**
 * {@code sparse<indices, values> : tensor<...>}: the listed elements, all others zero. Indices
 * are a dense i64 attribute of shape [N, rank]; values a dense attribute of N elements.
 */
public record SparseElementsAttr(ShapedType type, DenseElementsAttr indices, Attribute values) implements Attribute {
  public SparseElementsAttr {
    Objects.requireNonNull(type);
    Objects.requireNonNull(indices);
    if (!(values instanceof DenseElementsAttr || values instanceof DenseStringElementsAttr)) {
      throw new IllegalArgumentException("sparse values must be dense elements");
    }
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("sparse<");
    boolean empty = !indices.isSplat() && indices.numElements() == 0;
    if (!empty) {
      indices.printBody(p);
      p.append(", ");
      if (values instanceof DenseElementsAttr d) {
        d.printBody(p);
      } else {
        ((DenseStringElementsAttr) values).printBody(p);
      }
    }
    p.append("> : ").printType(type);
  }
}

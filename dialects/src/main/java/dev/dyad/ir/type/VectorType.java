package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** {@code vector<4x[8]xf32>}: static dimensions, each possibly scalable. */
public record VectorType(List<Long> shape, List<Boolean> scalableDims, Type elementType) implements ShapedType {
  public VectorType {
    shape = List.copyOf(shape);
    scalableDims = List.copyOf(scalableDims);
    if (scalableDims.size() != shape.size()) {
      throw new IllegalArgumentException("one scalable flag per dimension");
    }
    Objects.requireNonNull(elementType);
  }

  public VectorType(List<Long> shape, Type elementType) {
    this(shape, Collections.nCopies(shape.size(), false), elementType);
  }

  @Override
  public boolean hasRank() {
    return true;
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("vector<");
    for (int i = 0; i < shape.size(); i++) {
      if (scalableDims.get(i)) {
        p.append('[').append(shape.get(i)).append(']');
      } else {
        p.append(shape.get(i));
      }
      p.append('x');
    }
    p.printType(elementType).append('>');
  }
}

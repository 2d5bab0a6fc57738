package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.ShapedType;
import java.util.List;

/** {@code strided<[s0, s1], offset: o>}; {@link ShapedType#DYNAMIC} prints as {@code ?}. */
public record StridedLayoutAttr(long offset, List<Long> strides) implements Attribute {
  public StridedLayoutAttr {
    strides = List.copyOf(strides);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("strided<[");
    for (int i = 0; i < strides.size(); i++) {
      if (i > 0) {
        p.append(", ");
      }
      printDim(p, strides.get(i));
    }
    p.append(']');
    if (offset != 0) {
      p.append(", offset: ");
      printDim(p, offset);
    }
    p.append('>');
  }

  private static void printDim(AsmPrinter p, long v) {
    if (v == ShapedType.DYNAMIC) {
      p.append('?');
    } else {
      p.append(v);
    }
  }
}

package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.attr.Attribute;
import java.util.List;
import java.util.Objects;

/** {@code memref<2x3xf32, layout, memory-space>}; layout and memory space are null when absent. */
public record MemRefType(List<Long> shape, Type elementType, Attribute layout, Attribute memorySpace)
    implements ShapedType {
  public MemRefType {
    shape = List.copyOf(shape);
    ShapedType.checkDims(shape);
    Objects.requireNonNull(elementType);
  }

  @Override
  public boolean hasRank() {
    return true;
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("memref<");
    p.printDimensions(shape);
    p.printType(elementType);
    if (layout != null) {
      p.append(", ").printAttribute(layout);
    }
    if (memorySpace != null) {
      // MLIR elides the default i64 type of an integer memory space.
      p.append(", ").printAttributeElidingDefaultType(memorySpace);
    }
    p.append('>');
  }
}

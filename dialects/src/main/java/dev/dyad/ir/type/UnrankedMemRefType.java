package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.attr.Attribute;
import java.util.List;
import java.util.Objects;

/** {@code memref<*xf32, memory-space>}; the memory space is null when absent. */
public record UnrankedMemRefType(Type elementType, Attribute memorySpace) implements ShapedType {
  public UnrankedMemRefType {
    Objects.requireNonNull(elementType);
  }

  @Override
  public boolean hasRank() {
    return false;
  }

  @Override
  public List<Long> shape() {
    throw new UnsupportedOperationException("unranked memref has no shape");
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("memref<*x").printType(elementType);
    if (memorySpace != null) {
      // MLIR elides the default i64 type of an integer memory space.
      p.append(", ").printAttributeElidingDefaultType(memorySpace);
    }
    p.append('>');
  }
}

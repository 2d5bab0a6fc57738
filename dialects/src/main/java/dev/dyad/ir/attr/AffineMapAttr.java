package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.affine.AffineMap;
import java.util.Objects;

/** {@code affine_map<...>}; the printer gives these {@code #map} aliases as MLIR does. */
public record AffineMapAttr(AffineMap map) implements Attribute {
  public AffineMapAttr {
    Objects.requireNonNull(map);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("affine_map<").append(map.toString()).append('>');
  }
}

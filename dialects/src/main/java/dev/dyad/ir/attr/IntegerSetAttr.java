package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.affine.IntegerSet;
import java.util.Objects;

/** {@code affine_set<...>}; the printer gives these {@code #set} aliases as MLIR does. */
public record IntegerSetAttr(IntegerSet set) implements Attribute {
  public IntegerSetAttr {
    Objects.requireNonNull(set);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("affine_set<").append(set.toString()).append('>');
  }
}

package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.ShapedType;
import java.util.Objects;

/**
 * {@code dense_resource<handle> : type}: elements stored in a named resource blob outside the
 * attribute. Dyad keeps the handle only (the blob section of a file is not read).
 */
public record DenseResourceAttr(String handle, ShapedType type) implements Attribute {
  public DenseResourceAttr {
    Objects.requireNonNull(handle);
    Objects.requireNonNull(type);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("dense_resource<");
    p.printKeywordOrString(handle);
    p.append("> : ").printType(type);
  }
}

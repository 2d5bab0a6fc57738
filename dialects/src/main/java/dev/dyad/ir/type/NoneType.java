package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;

/** {@code none}: the unit type. */
public record NoneType() implements Type {
  public static final NoneType INSTANCE = new NoneType();

  @Override
  public void print(AsmPrinter p) {
    p.append("none");
  }
}

package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;

/** {@code unit}: presence is the information. */
public record UnitAttr() implements Attribute {
  public static final UnitAttr INSTANCE = new UnitAttr();

  @Override
  public void print(AsmPrinter p) {
    p.append("unit");
  }
}

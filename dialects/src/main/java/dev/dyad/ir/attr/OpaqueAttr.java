package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;

/** An attribute of an unregistered dialect, kept as its verbatim body: {@code #dialect.body}. */
public record OpaqueAttr(String dialect, String data) implements Attribute {
  @Override
  public void print(AsmPrinter p) {
    p.printDialectSymbol('#', dialect, data);
  }
}

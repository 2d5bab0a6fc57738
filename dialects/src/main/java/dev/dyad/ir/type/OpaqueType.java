package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;

/** A type of an unregistered dialect, kept as its verbatim body text: {@code !dialect.body}. */
public record OpaqueType(String dialect, String data) implements Type {
  @Override
  public void print(AsmPrinter p) {
    p.printDialectSymbol('!', dialect, data);
  }
}

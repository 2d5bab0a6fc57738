package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;

/** {@code index}: a target-sized integer, 64 bits wide for constant folding. */
public record IndexType() implements Type {
  public static final IndexType INSTANCE = new IndexType();
  public static final int STORAGE_WIDTH = 64;

  @Override
  public void print(AsmPrinter p) {
    p.append("index");
  }
}

package dev.dyad.dialect.arith;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.attr.Attribute;

/**
 * {@code #arith.overflow<...>}: the no-signed-wrap and no-unsigned-wrap promises of an integer
 * op. Printed as mlir-opt prints it: {@code none}, or the set flags in the order {@code nsw, nuw}.
 */
public record IntegerOverflowFlagsAttr(boolean nsw, boolean nuw) implements Attribute {
  public static final IntegerOverflowFlagsAttr NONE = new IntegerOverflowFlagsAttr(false, false);

  /** The flags both ops promise (what MLIR keeps when merging two ops into one). */
  public IntegerOverflowFlagsAttr and(IntegerOverflowFlagsAttr other) {
    return new IntegerOverflowFlagsAttr(nsw && other.nsw, nuw && other.nuw);
  }

  /** Parses the body {@code overflow<nsw, nuw>} (any order and spacing), or returns null. */
  static IntegerOverflowFlagsAttr parse(String body) {
    String inner = EnumBodies.inner(body, "overflow");
    if (inner == null) {
      return null;
    }
    boolean nsw = false;
    boolean nuw = false;
    for (String flag : EnumBodies.flags(inner)) {
      switch (flag) {
        case "none" -> { }
        case "nsw" -> nsw = true;
        case "nuw" -> nuw = true;
        default -> {
          return null;
        }
      }
    }
    return new IntegerOverflowFlagsAttr(nsw, nuw);
  }

  @Override
  public void print(AsmPrinter p) {
    String flags = !nsw && !nuw ? "none" : nsw && nuw ? "nsw, nuw" : nsw ? "nsw" : "nuw";
    p.printDialectSymbol('#', ArithDialect.NAMESPACE, "overflow<" + flags + ">");
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

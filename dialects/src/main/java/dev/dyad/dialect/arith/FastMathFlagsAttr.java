package dev.dyad.dialect.arith;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.attr.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code #arith.fastmath<...>}: the floating-point relaxations an op allows, as a bit set in
 * MLIR's flag order. Printed as mlir-opt prints it: {@code none}, {@code fast} when all are set,
 * else the flags joined by commas without spaces.
 */
public record FastMathFlagsAttr(int bits) implements Attribute {
  /** MLIR's flag names, by bit. */
  private static final List<String> NAMES = List.of("reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn");
  public static final int REASSOC = 1;
  public static final int NNAN = 2;
  public static final int NINF = 4;
  public static final int NSZ = 8;
  public static final int ARCP = 16;
  public static final int CONTRACT = 32;
  public static final int AFN = 64;
  public static final int ALL = 127;

  public static final FastMathFlagsAttr NONE = new FastMathFlagsAttr(0);
  public static final FastMathFlagsAttr FAST = new FastMathFlagsAttr(ALL);

  public FastMathFlagsAttr {
    if ((bits & ~ALL) != 0) {
      throw new IllegalArgumentException("unknown fastmath bits: " + bits);
    }
  }

  public boolean containsAll(int flags) {
    return (bits & flags) == flags;
  }

  /** Parses the body {@code fastmath<nnan,ninf>} (or {@code none}, {@code fast}), or returns null. */
  static FastMathFlagsAttr parse(String body) {
    String inner = EnumBodies.inner(body, "fastmath");
    if (inner == null) {
      return null;
    }
    int bits = 0;
    for (String flag : EnumBodies.flags(inner)) {
      int index = NAMES.indexOf(flag);
      if (flag.equals("fast")) {
        bits |= ALL;
      } else if (index >= 0) {
        bits |= 1 << index;
      } else if (!flag.equals("none")) {
        return null;
      }
    }
    return new FastMathFlagsAttr(bits);
  }

  @Override
  public void print(AsmPrinter p) {
    p.printDialectSymbol('#', ArithDialect.NAMESPACE, "fastmath<" + flagsText() + ">");
  }

  private String flagsText() {
    if (bits == 0) {
      return "none";
    }
    if (bits == ALL) {
      return "fast";
    }
    List<String> set = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      if ((bits & (1 << i)) != 0) {
        set.add(NAMES.get(i));
      }
    }
    return String.join(",", set);
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;

/** {@code iN}, {@code siN} and {@code uiN}. */
public record IntegerType(int width, Signedness signedness) implements Type {
  /** MLIR's limit on integer bit widths. */
  /** MLIR's IntegerType::kMaxWidth. */
  public static final int MAX_WIDTH = (1 << 24) - 1;

  public enum Signedness { SIGNLESS, SIGNED, UNSIGNED }

  public static final IntegerType I1 = signless(1);
  public static final IntegerType I8 = signless(8);
  public static final IntegerType I16 = signless(16);
  public static final IntegerType I32 = signless(32);
  public static final IntegerType I64 = signless(64);

  public IntegerType {
    if (width < 0 || width > MAX_WIDTH) {
      throw new IllegalArgumentException("integer bitwidth out of range: " + width);
    }
  }

  public static IntegerType signless(int width) {
    return new IntegerType(width, Signedness.SIGNLESS);
  }

  public boolean isSignless() {
    return signedness == Signedness.SIGNLESS;
  }

  public boolean isUnsigned() {
    return signedness == Signedness.UNSIGNED;
  }

  public boolean isSignlessI1() {
    return width == 1 && isSignless();
  }

  @Override
  public void print(AsmPrinter p) {
    p.append(switch (signedness) {
      case SIGNLESS -> "i";
      case SIGNED -> "si";
      case UNSIGNED -> "ui";
    }).append(width);
  }
}

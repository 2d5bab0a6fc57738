package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.type.ShapedType;
import java.util.List;
import java.util.Objects;

/**
 * {@code dense<["a", "b"]> : tensor<2x!t.str>}: string elements (byte strings, see StringAttr)
 * of a statically shaped type. A splat stores one element. MLIR never prints these as hex.
 */
public final class DenseStringElementsAttr implements Attribute {
  private final ShapedType type;
  private final List<String> values;

  private DenseStringElementsAttr(ShapedType type, List<String> values) {
    this.type = type;
    this.values = values;
  }

  /** Creates the attribute from one value (a splat) or all of them, detecting splats like MLIR. */
  public static DenseStringElementsAttr get(ShapedType type, List<String> values) {
    Objects.requireNonNull(type);
    long n = type.numElements();
    if (values.size() != 1 && values.size() != n) {
      throw new IllegalArgumentException("expected " + n + " string elements, got " + values.size());
    }
    if (n > 0 && values.stream().allMatch(v -> v.equals(values.get(0)))) {
      return new DenseStringElementsAttr(type, List.of(values.get(0)));
    }
    return new DenseStringElementsAttr(type, List.copyOf(values));
  }

  public ShapedType type() {
    return type;
  }

  public boolean isSplat() {
    return values.size() == 1;
  }

  public String get(long i) {
    return values.size() == 1 ? values.get(0) : values.get((int) i);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append("dense<");
    printBody(p);
    p.append("> : ").printType(type);
  }

  public void printBody(AsmPrinter p) {
    if (values.size() == 1) {
      p.printByteString(values.get(0));
      return;
    }
    if (values.isEmpty()) {
      return;
    }
    printNested(p, 0, new int[] {0});
  }

  private void printNested(AsmPrinter p, int dim, int[] next) {
    if (dim == type.rank()) {
      p.printByteString(values.get(next[0]++));
      return;
    }
    p.append('[');
    for (long i = 0; i < type.shape().get(dim); i++) {
      if (i > 0) {
        p.append(", ");
      }
      printNested(p, dim + 1, next);
    }
    p.append(']');
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseStringElementsAttr d && d.type.equals(type) && d.values.equals(values);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + values.hashCode();
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}

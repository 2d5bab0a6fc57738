package dev.dyad.ir.affine;

import java.util.List;

/** {@code (d0)[s0] : (e >= 0, e == 0)}: constraints, each an equality or a {@code >= 0}. */
public record IntegerSet(int numDims, int numSymbols, List<AffineExpr> constraints, List<Boolean> isEquality) {
  public IntegerSet {
    constraints = List.copyOf(constraints);
    isEquality = List.copyOf(isEquality);
    if (constraints.size() != isEquality.size()) {
      throw new IllegalArgumentException("one equality flag per constraint");
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    AffinePrinter.printSet(sb, this);
    return sb.toString();
  }
}

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

  /**
   * The set MLIR's parser builds for {@code (dims)[syms] : ()}: no constraint was written, so it
   * stores the trivially true {@code 0 == 0} (printed back as such).
   */
  public static IntegerSet unconstrained(int numDims, int numSymbols) {
    return new IntegerSet(numDims, numSymbols, List.of(new AffineExpr.Constant(0)), List.of(true));
  }

  /** MLIR's {@code IntegerSet::getEmptySet}: the unsatisfiable {@code 1 == 0}. */
  public static IntegerSet empty(int numDims, int numSymbols) {
    return new IntegerSet(numDims, numSymbols, List.of(new AffineExpr.Constant(1)), List.of(true));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    AffinePrinter.printSet(sb, this);
    return sb.toString();
  }
}

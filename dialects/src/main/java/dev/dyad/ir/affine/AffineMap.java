package dev.dyad.ir.affine;

import java.util.List;

/** {@code (d0, d1)[s0] -> (exprs)}. */
public record AffineMap(int numDims, int numSymbols, List<AffineExpr> results) {
  public AffineMap {
    results = List.copyOf(results);
  }

  /**
   * Whether this map is {@code (d0, ..., dn-1)[symbols] -> (d0, ..., dn-1)}. Like MLIR's
   * AffineMap::isIdentity, symbols are ignored: {@code (d0)[s0] -> (d0)} is an identity layout.
   */
  public boolean isIdentity() {
    if (results.size() != numDims) {
      return false;
    }
    for (int i = 0; i < numDims; i++) {
      if (!(results.get(i) instanceof AffineExpr.Dim d) || d.position() != i) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    AffinePrinter.printMap(sb, this);
    return sb.toString();
  }
}

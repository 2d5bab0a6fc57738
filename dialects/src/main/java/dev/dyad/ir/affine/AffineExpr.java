package dev.dyad.ir.affine;

/** An affine expression over dimensions {@code dN} and symbols {@code sN}, as in MLIR. */
public sealed interface AffineExpr
    permits AffineExpr.Dim, AffineExpr.Symbol, AffineExpr.Constant, AffineExpr.Binary {

  /** {@code dN}. */
  record Dim(int position) implements AffineExpr {}

  /** {@code sN}. */
  record Symbol(int position) implements AffineExpr {}

  /** An integer constant. */
  record Constant(long value) implements AffineExpr {}

  /** The binary operators, with their MLIR spelling. */
  enum Kind {
    ADD(" + "), MUL(" * "), MOD(" mod "), FLOOR_DIV(" floordiv "), CEIL_DIV(" ceildiv ");

    final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }
  }

  /** A binary expression; build through {@link AffineExprs} so that MLIR's simplifications apply. */
  record Binary(Kind kind, AffineExpr lhs, AffineExpr rhs) implements AffineExpr {}
}

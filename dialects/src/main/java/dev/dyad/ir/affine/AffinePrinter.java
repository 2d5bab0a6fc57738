package dev.dyad.ir.affine;

/** Prints affine maps, sets and expressions exactly as MLIR's AsmPrinter does. */
public final class AffinePrinter {
  private AffinePrinter() {}

  private enum Strength { WEAK, STRONG }

  public static void printMap(StringBuilder sb, AffineMap map) {
    printDimsAndSymbols(sb, map.numDims(), map.numSymbols());
    sb.append(" -> (");
    for (int i = 0; i < map.results().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      printExpr(sb, map.results().get(i));
    }
    sb.append(')');
  }

  public static void printSet(StringBuilder sb, IntegerSet set) {
    printDimsAndSymbols(sb, set.numDims(), set.numSymbols());
    sb.append(" : (");
    if (set.constraints().isEmpty()) {
      // MLIR prints the empty set's trivially true constraint.
      sb.append("0 == 0");
    }
    for (int i = 0; i < set.constraints().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      printExpr(sb, set.constraints().get(i));
      sb.append(set.isEquality().get(i) ? " == 0" : " >= 0");
    }
    sb.append(')');
  }

  private static void printDimsAndSymbols(StringBuilder sb, int dims, int symbols) {
    sb.append('(');
    for (int i = 0; i < dims; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('d').append(i);
    }
    sb.append(')');
    if (symbols > 0) {
      sb.append('[');
      for (int i = 0; i < symbols; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append('s').append(i);
      }
      sb.append(']');
    }
  }

  public static void printExpr(StringBuilder sb, AffineExpr e) {
    print(sb, e, Strength.WEAK);
  }

  private static void print(StringBuilder sb, AffineExpr e, Strength enclosing) {
    if (e instanceof AffineExpr.Dim d) {
      sb.append('d').append(d.position());
    } else if (e instanceof AffineExpr.Symbol s) {
      sb.append('s').append(s.position());
    } else if (e instanceof AffineExpr.Constant c) {
      sb.append(c.value());
    } else {
      printBinary(sb, (AffineExpr.Binary) e, enclosing);
    }
  }

  private static void printBinary(StringBuilder sb, AffineExpr.Binary b, Strength enclosing) {
    boolean paren = enclosing == Strength.STRONG;
    if (paren) {
      sb.append('(');
    }
    if (b.kind() != AffineExpr.Kind.ADD) {
      if (b.kind() == AffineExpr.Kind.MUL && b.rhs() instanceof AffineExpr.Constant c && c.value() == -1) {
        sb.append('-');
        print(sb, b.lhs(), Strength.STRONG);
      } else {
        print(sb, b.lhs(), Strength.STRONG);
        sb.append(b.kind().spelling);
        print(sb, b.rhs(), Strength.STRONG);
      }
    } else {
      printAdd(sb, b);
    }
    if (paren) {
      sb.append(')');
    }
  }

  /** Additions of negated products and negative constants print as subtractions. */
  private static void printAdd(StringBuilder sb, AffineExpr.Binary b) {
    if (b.rhs() instanceof AffineExpr.Binary r
        && r.kind() == AffineExpr.Kind.MUL
        && r.rhs() instanceof AffineExpr.Constant c) {
      if (c.value() == -1) {
        print(sb, b.lhs(), Strength.WEAK);
        sb.append(" - ");
        boolean addInside = r.lhs() instanceof AffineExpr.Binary rl && rl.kind() == AffineExpr.Kind.ADD;
        print(sb, r.lhs(), addInside ? Strength.STRONG : Strength.WEAK);
        return;
      }
      if (c.value() < -1) {
        print(sb, b.lhs(), Strength.WEAK);
        sb.append(" - ");
        print(sb, r.lhs(), Strength.STRONG);
        sb.append(" * ").append(-c.value());
        return;
      }
    }
    if (b.rhs() instanceof AffineExpr.Constant c && c.value() < 0) {
      print(sb, b.lhs(), Strength.WEAK);
      sb.append(" - ").append(-c.value());
      return;
    }
    print(sb, b.lhs(), Strength.WEAK);
    sb.append(" + ");
    print(sb, b.rhs(), Strength.WEAK);
  }
}

package dev.dyad.ir.affine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small parser for affine maps, sets and expressions, for the golden tests only. It builds
 * every expression through {@link AffineExprs} in the order MLIR's AffineParser does: binary
 * operators associate left to right, {@code a - b} is {@code a + b * -1}, {@code -a} binds
 * tighter than {@code *} and is {@code a * -1}, and a constraint {@code a >= b} / {@code a <= b} /
 * {@code a == b} is {@code a - b} / {@code b - a} / {@code a - b}.
 */
final class AffineTextParser {
  /** A parse error, with MLIR's message where the golden files record one. */
  static final class ParseException extends RuntimeException {
    ParseException(String message) {
      super(message);
    }
  }

  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final String text;
  private int pos;
  private final Map<String, AffineExpr> names = new HashMap<>();
  private int numDims;
  private int numSymbols;

  private AffineTextParser(String text) {
    this.text = text;
  }

  /** Parses one expression over {@code d0..d3} and {@code s0..s3}. */
  static AffineExpr parseExpr(String text) {
    AffineTextParser p = new AffineTextParser(text);
    for (int i = 0; i < 4; i++) {
      p.names.put("d" + i, AffineExprs.dim(i));
      p.names.put("s" + i, AffineExprs.symbol(i));
    }
    AffineExpr e = p.expr();
    p.expectEnd();
    return e;
  }

  /** Parses {@code (dims)[syms] -> (exprs)}. */
  static AffineMap parseMap(String text) {
    AffineTextParser p = new AffineTextParser(text);
    p.header();
    p.expect("->");
    List<AffineExpr> results = new ArrayList<>();
    p.expect("(");
    if (!p.accept(")")) {
      do {
        results.add(p.expr());
      } while (p.accept(","));
      p.expect(")");
    }
    p.expectEnd();
    return new AffineMap(p.numDims, p.numSymbols, results);
  }

  /** Parses {@code (dims)[syms] : (constraints)}. */
  static IntegerSet parseSet(String text) {
    AffineTextParser p = new AffineTextParser(text);
    p.header();
    p.expect(":");
    p.expect("(");
    if (p.accept(")")) {
      p.expectEnd();
      return IntegerSet.unconstrained(p.numDims, p.numSymbols);
    }
    List<AffineExpr> constraints = new ArrayList<>();
    List<Boolean> isEq = new ArrayList<>();
    do {
      AffineExpr lhs = p.expr();
      if (p.accept(">=")) {
        constraints.add(AffineExprs.ge(lhs, p.expr()));
        isEq.add(false);
      } else if (p.accept("<=")) {
        constraints.add(AffineExprs.le(lhs, p.expr()));
        isEq.add(false);
      } else {
        p.expect("==");
        constraints.add(AffineExprs.eq(lhs, p.expr()));
        isEq.add(true);
      }
    } while (p.accept(","));
    p.expect(")");
    p.expectEnd();
    return new IntegerSet(p.numDims, p.numSymbols, constraints, isEq);
  }

  private void header() {
    expect("(");
    if (!accept(")")) {
      do {
        names.put(identifier(), AffineExprs.dim(numDims++));
      } while (accept(","));
      expect(")");
    }
    if (accept("[")) {
      do {
        names.put(identifier(), AffineExprs.symbol(numSymbols++));
      } while (accept(","));
      expect("]");
    }
  }

  /** Low precedence: {@code +} and {@code -}, left to right. */
  private AffineExpr expr() {
    AffineExpr lhs = term();
    while (true) {
      if (accept("+")) {
        lhs = AffineExprs.add(lhs, term());
      } else if (acceptMinus()) {
        lhs = AffineExprs.sub(lhs, term());
      } else {
        return lhs;
      }
    }
  }

  /** High precedence: {@code *}, floordiv, ceildiv, mod, left to right. */
  private AffineExpr term() {
    AffineExpr lhs = operand();
    while (true) {
      AffineExpr.Kind kind;
      if (accept("*")) {
        kind = AffineExpr.Kind.MUL;
      } else if (acceptKeyword("floordiv")) {
        kind = AffineExpr.Kind.FLOOR_DIV;
      } else if (acceptKeyword("ceildiv")) {
        kind = AffineExpr.Kind.CEIL_DIV;
      } else if (acceptKeyword("mod")) {
        kind = AffineExpr.Kind.MOD;
      } else {
        return lhs;
      }
      AffineExpr rhs = operand();
      String error = AffineExprs.nonAffineError(kind, lhs, rhs);
      if (error != null) {
        throw new ParseException(error);
      }
      lhs = AffineExprs.binary(kind, lhs, rhs);
    }
  }

  private AffineExpr operand() {
    skipSpace();
    if (acceptMinus()) {
      return AffineExprs.neg(operand());
    }
    if (accept("(")) {
      AffineExpr e = expr();
      expect(")");
      return e;
    }
    skipSpace();
    if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      BigInteger v = new BigInteger(text.substring(start, pos));
      if (v.compareTo(INT64_MAX) > 0) {
        throw new ParseException("constant too large for index");
      }
      return AffineExprs.constant(v.longValueExact());
    }
    String name = identifier();
    AffineExpr e = names.get(name);
    if (e == null) {
      throw new ParseException("use of undeclared identifier " + name);
    }
    return e;
  }

  private String identifier() {
    skipSpace();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw error("expected identifier");
    }
    return text.substring(start, pos);
  }

  /** A {@code -} that is not the start of {@code ->}. */
  private boolean acceptMinus() {
    skipSpace();
    if (text.startsWith("-", pos) && !text.startsWith("->", pos)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String keyword) {
    skipSpace();
    int end = pos + keyword.length();
    if (text.startsWith(keyword, pos)
        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  private boolean accept(String token) {
    skipSpace();
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw error("expected '" + token + "'");
    }
  }

  private void expectEnd() {
    skipSpace();
    if (pos != text.length()) {
      throw error("unexpected trailing text");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  private ParseException error(String message) {
    return new ParseException(message + " at " + pos + " in: " + text);
  }
}

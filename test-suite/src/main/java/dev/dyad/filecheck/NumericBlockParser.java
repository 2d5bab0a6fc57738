package dev.dyad.filecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the inside of {@code [[#...]]} (and legacy {@code [[@LINE+n]]}) blocks into an expression and definition. */
final class NumericBlockParser {

  /** The parse result: the expression to substitute (may be null), its format, and the variable it defines. */
  record Block(NumericExpr expr, NumericFormat format, Variables.Numeric defined) {}

  /** A parsed variable name and whether it is a '@' pseudo variable. */
  private record Name(String text, int start, boolean pseudo) {}

  private enum Operand { ANY, LINE_VAR, LEGACY_LITERAL }

  private static final Set<String> FUNCTIONS = Set.of("add", "div", "max", "min", "mul", "sub");

  private final Variables vars;
  private final Integer line;
  private final boolean legacy;

  private NumericBlockParser(Variables vars, Integer line, boolean legacy) {
    this.vars = vars;
    this.line = line;
    this.legacy = legacy;
  }

  static Block parse(Cursor block, boolean legacy, Integer line, Variables vars) throws CheckFileError {
    return new NumericBlockParser(vars, line, legacy).parseBlock(block.copy());
  }

  private Block parseBlock(Cursor expr) throws CheckFileError {
    NumericFormat explicit = null;
    int precision = 0;
    int comma = expr.find(',');
    int paren = expr.find('(');
    if (comma >= 0 && (paren < 0 || comma < paren)) {
      Cursor spec = new Cursor(expr.src, expr.pos, expr.pos + comma).ltrim().rtrim();
      expr.pos += comma + 1;
      if (!spec.consume("%")) {
        throw spec.error("invalid matching format specification in expression");
      }
      int alternateAt = spec.pos;
      boolean alternate = spec.consume("#");
      if (spec.consume(".")) {
        int start = spec.pos;
        while (!spec.isEmpty() && Character.isDigit(spec.peek())) {
          spec.pos++;
        }
        if (spec.pos == start) {
          throw spec.error("invalid precision in format specifier");
        }
        precision = Integer.parseInt(spec.src.text().substring(start, spec.pos));
      }
      if (!spec.isEmpty()) {
        NumericFormat.Kind kind = switch (spec.peek()) {
          case 'u' -> NumericFormat.Kind.UNSIGNED;
          case 'd' -> NumericFormat.Kind.SIGNED;
          case 'x' -> NumericFormat.Kind.HEX_LOWER;
          case 'X' -> NumericFormat.Kind.HEX_UPPER;
          default -> throw CheckFileError.logged(spec.src, spec.pos, spec.pos,
              "invalid format specifier in expression");
        };
        spec.pos++;
        boolean hex = kind == NumericFormat.Kind.HEX_LOWER || kind == NumericFormat.Kind.HEX_UPPER;
        explicit = new NumericFormat(kind, precision, alternate && hex);
      }
      if (alternate && (explicit == null || !explicit.alternate())) {
        throw CheckFileError.logged(spec.src, alternateAt, alternateAt,
            "alternate form only supported for hex values");
      }
      if (!spec.ltrim().isEmpty()) {
        throw spec.error("invalid matching format specification in expression");
      }
    }

    Cursor definition = null;
    int colon = expr.find(':');
    if (colon >= 0) {
      definition = new Cursor(expr.src, expr.pos, expr.pos + colon);
      expr.pos += colon + 1;
    }

    expr.ltrim();
    boolean constraint = expr.consume("==");
    expr.ltrim();
    NumericExpr ast = null;
    if (expr.isEmpty()) {
      if (constraint) {
        throw expr.error("empty numeric expression should not have a constraint");
      }
    } else {
      expr.rtrim();
      int outerStart = expr.pos;
      ast = parseOperand(expr, legacy ? Operand.LINE_VAR : Operand.ANY, !constraint);
      while (!expr.isEmpty()) {
        ast = parseBinop(outerStart, expr, ast);
        if (legacy && !expr.isEmpty()) {
          throw expr.error("unexpected characters at end of expression '" + expr.text() + "'");
        }
      }
    }

    NumericFormat format = explicit;
    if (format == null && ast != null) {
      format = ast.implicitFormat();
    }
    if (format == null) {
      format = new NumericFormat(NumericFormat.Kind.UNSIGNED, precision, false);
    }

    Variables.Numeric defined = null;
    if (definition != null) {
      defined = parseDefinition(definition.ltrim(), format);
    }
    return new Block(ast, format, defined);
  }

  private Variables.Numeric parseDefinition(Cursor def, NumericFormat format) throws CheckFileError {
    Name name = parseVariable(def);
    if (name.pseudo()) {
      throw CheckFileError.logged(def.src, name.start(), name.start(),
          "definition of pseudo numeric variable unsupported");
    }
    if (vars.isStringName(name.text())) {
      throw CheckFileError.logged(def.src, name.start(), name.start(),
          "string variable with name '" + name.text() + "' already exists");
    }
    if (!def.ltrim().isEmpty()) {
      throw def.error("unexpected characters after numeric variable name");
    }
    Variables.Numeric existing = vars.numeric(name.text());
    if (existing == null) {
      Variables.Numeric created = new Variables.Numeric(name.text(), format, line);
      vars.putNumeric(created);
      return created;
    }
    if (!existing.format.equals(format)) {
      throw def.error("format different from previous variable definition");
    }
    return existing;
  }

  /** Parses a variable name: optional '$' or '@', then [A-Za-z_][A-Za-z0-9_]*. */
  static Name parseVariable(Cursor c) throws CheckFileError {
    if (c.isEmpty()) {
      throw c.error("empty variable name");
    }
    int start = c.pos;
    boolean pseudo = c.peek() == '@';
    int i = c.pos;
    if (c.peek() == '$' || pseudo) {
      i++;
    }
    String text = c.src.text();
    if (i == c.end) {
      throw CheckFileError.logged(c.src, i, i, "empty " + (pseudo ? "pseudo " : "global ") + "variable name");
    }
    char first = text.charAt(i++);
    if (!(isAlpha(first) || first == '_')) {
      throw CheckFileError.logged(c.src, start, c.end, "invalid variable name");
    }
    while (i < c.end && (text.charAt(i) == '_' || isAlnum(text.charAt(i)))) {
      i++;
    }
    c.pos = i;
    return new Name(text.substring(start, i), start, pseudo);
  }

  static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlnum(char c) {
    return isAlpha(c) || (c >= '0' && c <= '9');
  }

  private NumericExpr parseOperand(Cursor expr, Operand allowed, boolean maybeConstraint) throws CheckFileError {
    if (expr.startsWith("(")) {
      if (allowed != Operand.ANY) {
        throw expr.error("parenthesized expression not permitted here");
      }
      return parseParenthesized(expr);
    }
    if (allowed != Operand.LEGACY_LITERAL) {
      Cursor attempt = expr.copy();
      Name name = null;
      CheckFileError notAName = null;
      try {
        name = parseVariable(attempt);
      } catch (CheckFileError e) {
        notAName = e;
      }
      if (name != null) {
        expr.pos = attempt.pos;
        if (expr.copy().ltrim().startsWith("(")) {
          if (allowed != Operand.ANY) {
            throw CheckFileError.logged(expr.src, name.start(), name.start(), "unexpected function call");
          }
          return parseCall(expr, name);
        }
        return parseUse(name, expr.src);
      }
      if (allowed == Operand.LINE_VAR) {
        throw notAName;
      }
    }
    Cursor save = expr.copy();
    boolean negative = expr.consume("-");
    BigInteger value = consumeInteger(expr, allowed == Operand.LEGACY_LITERAL ? 10 : 0);
    if (value == null) {
      expr.pos = save.pos;
      throw save.error("invalid " + (maybeConstraint ? "matching constraint or " : "") + "operand format");
    }
    return new NumericExpr.Literal(negative ? value.negate() : value, save.src.text().substring(save.pos, expr.pos));
  }

  /** StringRef::consumeInteger: radix 0 auto-senses 0x, 0b, 0o and leading-0 octal. */
  private static BigInteger consumeInteger(Cursor c, int radix) {
    int start = c.pos;
    if (radix == 0) {
      radix = 10;
      if (c.startsWith("0x") || c.startsWith("0X")) {
        radix = 16;
        c.pos += 2;
      } else if (c.startsWith("0b") || c.startsWith("0B")) {
        radix = 2;
        c.pos += 2;
      } else if (c.startsWith("0o")) {
        radix = 8;
        c.pos += 2;
      } else if (c.startsWith("0") && c.end - c.pos > 1 && Character.isDigit(c.src.text().charAt(c.pos + 1))) {
        radix = 8;
        c.pos += 1;
      }
    }
    int digitsStart = c.pos;
    while (!c.isEmpty() && Character.digit(c.peek(), radix) >= 0 && c.peek() < 128) {
      c.pos++;
    }
    if (c.pos == digitsStart) {
      c.pos = start;
      return null;
    }
    return new BigInteger(c.src.text().substring(digitsStart, c.pos), radix);
  }

  private NumericExpr parseUse(Name name, SourceText src) throws CheckFileError {
    Located where = new Located(src, name.start(), name.start() + name.text().length(),
        "undefined variable: " + name.text());
    if (name.pseudo()) {
      if (!name.text().equals("@LINE")) {
        throw CheckFileError.logged(src, name.start(), name.start(),
            "invalid pseudo numeric variable '" + name.text() + "'");
      }
      return new NumericExpr.Use(null, where);
    }
    Variables.Numeric variable = vars.numericOrPlaceholder(name.text());
    if (variable.definitionLine != null && line != null && variable.definitionLine.equals(line)) {
      throw CheckFileError.logged(src, name.start(), name.start(),
          "numeric variable '" + name.text() + "' defined earlier in the same CHECK directive");
    }
    return new NumericExpr.Use(variable, where);
  }

  private NumericExpr parseBinop(int outerStart, Cursor rest, NumericExpr left) throws CheckFileError {
    rest.ltrim();
    if (rest.isEmpty()) {
      return left;
    }
    int opAt = rest.pos;
    char op = rest.peek();
    rest.pos++;
    if (op != '+' && op != '-') {
      throw CheckFileError.logged(rest.src, opAt, opAt, "unsupported operation '" + op + "'");
    }
    rest.ltrim();
    if (rest.isEmpty()) {
      throw rest.error("missing operand in expression");
    }
    NumericExpr right = parseOperand(rest, legacy ? Operand.LEGACY_LITERAL : Operand.ANY, false);
    Located text = new Located(rest.src, outerStart, rest.pos, rest.src.text().substring(outerStart, rest.pos));
    return new NumericExpr.Binary(String.valueOf(op), left, right, text);
  }

  private NumericExpr parseParenthesized(Cursor expr) throws CheckFileError {
    expr.ltrim();
    expr.consume("(");
    expr.ltrim();
    if (expr.isEmpty()) {
      throw expr.error("missing operand in expression");
    }
    NumericExpr sub = parseOperand(expr, Operand.ANY, false);
    expr.ltrim();
    while (!expr.isEmpty() && !expr.startsWith(")")) {
      sub = parseBinop(expr.pos, expr, sub);
      expr.ltrim();
    }
    if (!expr.consume(")")) {
      throw expr.error("missing ')' at end of nested expression");
    }
    return sub;
  }

  private NumericExpr parseCall(Cursor expr, Name function) throws CheckFileError {
    expr.ltrim();
    if (!FUNCTIONS.contains(function.text())) {
      throw CheckFileError.logged(expr.src, function.start(), function.start(),
          "call to undefined function '" + function.text() + "'");
    }
    expr.consume("(");
    expr.ltrim();
    List<NumericExpr> args = new ArrayList<>();
    while (!expr.isEmpty() && !expr.startsWith(")")) {
      if (expr.startsWith(",")) {
        throw expr.error("missing argument");
      }
      int outerStart = expr.pos;
      NumericExpr arg = parseOperand(expr, Operand.ANY, false);
      while (!expr.isEmpty()) {
        expr.ltrim();
        if (expr.startsWith(",") || expr.startsWith(")")) {
          break;
        }
        arg = parseBinop(outerStart, expr, arg);
      }
      args.add(arg);
      expr.ltrim();
      if (!expr.consume(",")) {
        break;
      }
      expr.ltrim();
      if (expr.startsWith(")")) {
        throw expr.error("missing argument");
      }
    }
    if (!expr.consume(")")) {
      throw expr.error("missing ')' at end of call expression");
    }
    if (args.size() != 2) {
      throw CheckFileError.logged(expr.src, function.start(), function.start(), "function '" + function.text()
          + "' takes 2 arguments but " + args.size() + " given");
    }
    // FileCheck locates a call by the text that follows it.
    Located text = new Located(expr.src, expr.pos, expr.end, expr.text());
    return new NumericExpr.Binary(function.text(), args.get(0), args.get(1), text);
  }
}

package dev.dyad.filecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The expression of a numeric substitution block: literals, variables, + and -, and function calls. */
sealed interface NumericExpr {

  /** Evaluation failed: the undefined variables (each located), or an arithmetic error. */
  final class EvalException extends Exception {
    final List<Located> undefined;

    EvalException(List<Located> undefined) {
      super("undefined variables", null, false, false);
      this.undefined = undefined;
    }

    EvalException(String message) {
      super(message, null, false, false);
      this.undefined = List.of();
    }
  }

  BigInteger eval(Variables vars, Integer line) throws EvalException;

  /** The expression's source text, as quoted in format-conflict messages. */
  String text();

  /** The format implied by the variables used, or null when none is implied. */
  NumericFormat implicitFormat() throws CheckFileError;

  record Literal(BigInteger value, String text) implements NumericExpr {
    public BigInteger eval(Variables vars, Integer line) {
      return value;
    }

    public NumericFormat implicitFormat() {
      return null;
    }
  }

  /** A use of a numeric variable, or of the @LINE pseudo variable ({@code variable == null}). */
  record Use(Variables.Numeric variable, Located name) implements NumericExpr {
    public BigInteger eval(Variables vars, Integer line) throws EvalException {
      BigInteger value = variable == null ? (line == null ? null : BigInteger.valueOf(line)) : variable.value;
      if (value == null) {
        throw new EvalException(List.of(name));
      }
      return value;
    }

    public NumericFormat implicitFormat() {
      return variable == null ? NumericFormat.UNSIGNED : variable.format;
    }

    public String text() {
      return name.source().text().substring(name.start(), name.end());
    }
  }

  /** A binary operator or a two-argument function; {@code where} locates it, its message is its text. */
  record Binary(String op, NumericExpr left, NumericExpr right, Located where) implements NumericExpr {
    public String text() {
      return where.message();
    }

    public BigInteger eval(Variables vars, Integer line) throws EvalException {
      BigInteger l = null;
      BigInteger r = null;
      List<Located> undefined = new ArrayList<>();
      try {
        l = left.eval(vars, line);
      } catch (EvalException e) {
        if (e.undefined.isEmpty()) {
          throw e;
        }
        undefined.addAll(e.undefined);
      }
      try {
        r = right.eval(vars, line);
      } catch (EvalException e) {
        if (e.undefined.isEmpty()) {
          throw e;
        }
        undefined.addAll(e.undefined);
      }
      if (!undefined.isEmpty()) {
        throw new EvalException(undefined);
      }
      return switch (op) {
        case "+", "add" -> l.add(r);
        case "-", "sub" -> l.subtract(r);
        case "mul" -> l.multiply(r);
        case "max" -> l.max(r);
        case "min" -> l.min(r);
        case "div" -> {
          if (r.signum() == 0) {
            throw new EvalException("division by zero");
          }
          yield l.divide(r);
        }
        default -> throw new IllegalStateException(op);
      };
    }

    public NumericFormat implicitFormat() throws CheckFileError {
      NumericFormat l = left.implicitFormat();
      NumericFormat r = right.implicitFormat();
      if (l != null && r != null && !l.equals(r)) {
        throw CheckFileError.logged(where.source(), where.start(), where.start(),
            "implicit format conflict between '" + left.text() + "' (" + l.spec() + ") and '"
                + right.text() + "' (" + r.spec() + "), need an explicit format specifier");
      }
      return l != null ? l : r;
    }
  }
}

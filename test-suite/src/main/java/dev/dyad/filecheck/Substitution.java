package dev.dyad.filecheck;

import java.math.BigInteger;
import java.util.List;

/** A value spliced into a pattern's regex at match time, at {@code index} of the unsubstituted regex. */
sealed interface Substitution {

  int index();

  /** The text FileCheck names in "with "X" equal to ..." notes. */
  String from();

  /** The value as inserted into the regex (escaped), or an exception listing what went wrong. */
  String regexValue(Variables vars, Integer line) throws NumericExpr.EvalException;

  /** The value as shown in diagnostics, quoted; null when it is unavailable. */
  String displayValue(Variables vars, Integer line);

  /** {@code [[NAME]]}: the escaped value of a string variable. */
  record OfString(String name, Located where, int index) implements Substitution {
    public String from() {
      return name;
    }

    public String regexValue(Variables vars, Integer line) throws NumericExpr.EvalException {
      String value = vars.stringValue(name);
      if (value == null) {
        throw new NumericExpr.EvalException(List.of(where));
      }
      return PosixRegex.escape(value);
    }

    public String displayValue(Variables vars, Integer line) {
      String value = vars.stringValue(name);
      if (value == null) {
        return null;
      }
      boolean escape = value.chars().anyMatch(c -> c < 0x20 || c >= 0x7F || c == '"');
      return escape ? "\"" + Escapes.escape(value) + "\" (escaped value)" : "\"" + value + "\"";
    }
  }

  /** {@code [[#EXPR]]}: the expression's value rendered in the block's format. */
  record OfNumber(String from, NumericExpr expr, NumericFormat format, Located where, int index)
      implements Substitution {
    public String regexValue(Variables vars, Integer line) throws NumericExpr.EvalException {
      BigInteger value;
      try {
        value = expr.eval(vars, line);
      } catch (NumericExpr.EvalException e) {
        if (e.undefined.isEmpty()) {
          throw overflow();
        }
        throw e;
      }
      String rendered = format.render(value);
      if (rendered == null) {
        throw overflow();
      }
      return rendered;
    }

    private NumericExpr.EvalException overflow() {
      return new NumericExpr.EvalException(List.of(new Located(where.source(), where.start(), where.end(),
          "unable to substitute variable or numeric expression: overflow error")));
    }

    public String displayValue(Variables vars, Integer line) {
      try {
        return "\"" + regexValue(vars, line) + "\"";
      } catch (NumericExpr.EvalException e) {
        return null;
      }
    }
  }
}

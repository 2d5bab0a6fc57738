package dev.dyad.parse;

import org.antlr.v4.runtime.Token;

/** Turns ANTLR's syntax error messages into short MLIR-style ones. */
final class SyntaxMessages {
  private SyntaxMessages() {}

  static String rephrase(String antlr, Token offending) {
    String found = offending == null ? null : describe(offending);
    int expecting = antlr.indexOf(" expecting ");
    if (expecting >= 0) {
      String what = antlr.substring(expecting + " expecting ".length());
      if (what.startsWith("{") && what.endsWith("}")) {
        what = "one of " + what.substring(1, what.length() - 1);
      }
      return "expected " + what + (found == null ? "" : ", found " + found);
    }
    if (antlr.startsWith("token recognition error at: ")) {
      return "unexpected character " + antlr.substring("token recognition error at: ".length());
    }
    if (antlr.startsWith("no viable alternative") || antlr.startsWith("extraneous input")
        || antlr.startsWith("mismatched input")) {
      return "unexpected " + (found == null ? "input" : found);
    }
    return antlr;
  }

  private static String describe(Token t) {
    if (t.getType() == Token.EOF) {
      return "end of file";
    }
    String text = t.getText();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return "'" + text.replace("\n", "\\n") + "'";
  }
}

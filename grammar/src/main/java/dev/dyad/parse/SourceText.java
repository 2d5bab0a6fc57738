package dev.dyad.parse;

import dev.dyad.ir.Location;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns token positions of one source buffer into file:line:col locations. */
final class SourceText {
  private final String fileName;

  SourceText(String fileName) {
    this.fileName = fileName;
  }

  String fileName() {
    return fileName;
  }

  Location at(Token t) {
    return new Location.FileLineCol(fileName, t.getLine(), t.getCharPositionInLine() + 1);
  }

  Location at(TerminalNode n) {
    return at(n.getSymbol());
  }

  Location at(ParserRuleContext ctx) {
    return at(ctx.getStart());
  }

  /** The location just after token {@code t} (where MLIR points for some errors). */
  Location after(Token t) {
    return new Location.FileLineCol(fileName, t.getLine(), t.getCharPositionInLine() + 1 + t.getText().length());
  }

  ParseError error(Token t, String message) {
    return new ParseError(at(t), message);
  }

  ParseError error(ParserRuleContext ctx, String message) {
    return new ParseError(at(ctx), message);
  }

  ParseError error(TerminalNode n, String message) {
    return new ParseError(at(n), message);
  }
}

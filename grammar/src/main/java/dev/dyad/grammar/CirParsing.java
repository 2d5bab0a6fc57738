package dev.dyad.grammar;

import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Two-stage parse of a {@code .cir} text: fast SLL prediction with a bail-out error strategy
 * first, and only if that fails full LL prediction with normal error reporting. The grammar is
 * designed so that every valid input succeeds in the first stage.
 */
public final class CirParsing {

  /**
   * A parse result.
   *
   * @param tree the parse tree (possibly partial when {@code errors} were reported)
   * @param tokens the token stream, e.g. for source positions
   * @param usedLlFallback whether the SLL stage failed and the LL stage was run; for valid input
   *     this is always false, for invalid input always true
   */
  public record Result(CirParser.ToplevelContext tree, CommonTokenStream tokens,
      boolean usedLlFallback) {}

  private CirParsing() {}

  /**
   * Parses {@code input}.
   *
   * @param errors receives the syntax errors of the LL stage (and lexer errors); may be null
   */
  public static Result parse(CharStream input, ANTLRErrorListener errors) {
    CirLexer lexer = new CirLexer(input);
    lexer.removeErrorListeners();
    if (errors != null) {
      lexer.addErrorListener(errors);
    }
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    CirParser parser = new CirParser(tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return new Result(parser.toplevel(), tokens, false);
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      if (errors != null) {
        parser.addErrorListener(errors);
      }
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return new Result(parser.toplevel(), tokens, true);
    }
  }
}

package dev.dyad.grammar;

import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
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
   * @param tree the parse tree; when there is a syntax error, the part before the first one (the
   *     parse stops there), possibly null
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
      FirstErrorStrategy strategy = new FirstErrorStrategy();
      parser.setErrorHandler(strategy);
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      try {
        return new Result(parser.toplevel(), tokens, true);
      } catch (ParseCancellationException stoppedAtFirstError) {
        return new Result(strategy.root, tokens, true);
      }
    }
  }

  /**
   * Reports the first syntax error exactly as {@link DefaultErrorStrategy} does (same messages,
   * including "missing X at Y" and "extraneous input") and then stops the parse. Only the first
   * error is ever shown, and recovering to parse on costs time quadratic in the nesting depth
   * of the input: every rule that unwinds recomputes its recovery set over the whole rule stack,
   * which took minutes on 10,000 unclosed regions.
   */
  private static final class FirstErrorStrategy extends DefaultErrorStrategy {
    /** The (partial) parse tree, recorded when the parse stops. */
    CirParser.ToplevelContext root;

    private ParseCancellationException stop(Parser recognizer, RecognitionException cause) {
      ParserRuleContext ctx = recognizer.getContext();
      while (ctx != null && ctx.getParent() != null) {
        ctx = ctx.getParent();
      }
      if (ctx instanceof CirParser.ToplevelContext top) {
        root = top;
      }
      return new ParseCancellationException(cause);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
      throw stop(recognizer, e);
    }

    @Override
    public Token recoverInline(Parser recognizer) throws RecognitionException {
      // Reports a missing or extraneous token (or throws, and the rule reports the mismatch);
      // either way there was an error, so stop.
      super.recoverInline(recognizer);
      throw stop(recognizer, null);
    }

    @Override
    public void sync(Parser recognizer) throws RecognitionException {
      super.sync(recognizer);
      if (inErrorRecoveryMode(recognizer)) {
        throw stop(recognizer, null);
      }
    }
  }
}

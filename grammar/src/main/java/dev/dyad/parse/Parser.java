package dev.dyad.parse;

import dev.dyad.grammar.CirLexer;
import dev.dyad.grammar.CirParser;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses {@code .cir} text (MLIR generic syntax) into IR. Errors are reported to the context's
 * diagnostics as {@code file:line:col} diagnostics; like MLIR, parsing stops at the first one.
 *
 * <p>The fast path streams: SLL prediction, tokens not buffered, IR built by a parse listener
 * as each operation ends. The grammar is SLL for all valid input, so SLL failing means a syntax
 * error, which a second, full-LL pass with error reporting then locates.
 */
public final class Parser {
  /** Inputs at least this long (in chars) are lexed on a separate thread. */
  static final int PIPELINE_THRESHOLD = 1 << 20;

  private Parser() {}

  /**
   * Parses {@code text}, read from {@code fileName}. Returns the top-level {@code builtin.module}
   * (created at {@code implicitModuleLoc} unless the text is a single module), or null after
   * reporting an error.
   */
  public static Operation parse(Context ctx, String text, String fileName, Location implicitModuleLoc) {
    SourceText src = new SourceText(fileName);
    CharStream chars = new StringCharStream(text, fileName);
    IrBuilder builder = new IrBuilder(ctx, src);
    // Big inputs lex on a second core while this one parses; small ones are not worth a thread.
    TokenSource tokens = text.length() >= PIPELINE_THRESHOLD
        ? new PipelinedTokenSource(lexer(chars, null)) : lexer(chars, null);
    try {
      UnbufferedTokenStream<Token> stream = new UnbufferedTokenStream<>(tokens);
      CirParser parser = fastParser(stream, builder);
      builder.readCustomBodiesWith(stream, () -> fastParser(stream, builder));
      return build(ctx, builder, parser::toplevel, implicitModuleLoc);
    } catch (ParseCancellationException syntaxError) {
      return reparseForError(ctx, text, fileName, implicitModuleLoc);
    } finally {
      if (tokens instanceof PipelinedTokenSource p) {
        p.close();
      }
    }
  }

  /** Parses with the implicit module located at {@code fileName:0:0}, as mlir-opt does. */
  public static Operation parse(Context ctx, String text, String fileName) {
    return parse(ctx, text, fileName, new Location.FileLineCol(fileName, 0, 0));
  }

  /** SLL prediction, giving up at the first syntax error, building with {@code builder}. */
  private static CirParser fastParser(TokenStream stream, IrBuilder builder) {
    CirParser parser = new CirParser(stream);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.addParseListener(builder);
    return parser;
  }

  /** Full LL prediction, reporting the first syntax error to {@code syntax} and stopping there. */
  private static CirParser slowParser(TokenStream stream, IrBuilder builder, FirstError syntax) {
    CirParser parser = new CirParser(stream);
    parser.removeErrorListeners();
    parser.addErrorListener(syntax);
    parser.setErrorHandler(new StopAtFirstError());
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    parser.addParseListener(builder);
    return parser;
  }

  private static CirLexer lexer(CharStream chars, FirstError errors) {
    CirLexer lexer = new CirLexer(chars);
    lexer.removeErrorListeners();
    if (errors != null) {
      lexer.addErrorListener(errors);
    }
    return lexer;
  }

  /**
   * The slow path after SLL gave up: full LL with error reporting finds the first syntax error.
   * Should there be none (SLL was merely too weak), the IR is built from this LL parse instead.
   * The builder listens while parsing, as on the fast path, because custom op bodies are read by
   * it; the parse stops at the first syntax error, which is reported (the IR is dropped).
   */
  private static Operation reparseForError(Context ctx, String text, String fileName, Location implicitModuleLoc) {
    SourceText src = new SourceText(fileName);
    FirstError syntax = new FirstError(src);
    CharStream chars = CharStreams.fromString(text, fileName);
    CommonTokenStream stream = new CommonTokenStream(lexer(chars, syntax));
    IrBuilder builder = new IrBuilder(ctx, src);
    CirParser parser = slowParser(stream, builder, syntax);
    builder.readCustomBodiesWith(stream, () -> slowParser(stream, builder, syntax));
    try {
      Operation module = build(ctx, builder, parser::toplevel, implicitModuleLoc);
      if (syntax.diagnostic != null) {
        // Only a lexical error is reported without stopping the parser.
        ctx.diagnostics().emit(syntax.diagnostic);
        return null;
      }
      return module;
    } catch (ParseCancellationException stoppedAtFirstError) {
      if (syntax.diagnostic == null) {
        throw new IllegalStateException("the parse stopped without a syntax error", stoppedAtFirstError);
      }
      ctx.diagnostics().emit(syntax.diagnostic);
      return null;
    }
  }

  /**
   * Reports the first syntax error as ANTLR's default strategy does (its messages are what
   * SyntaxMessages rephrases), then stops the parse like the bail-out strategy, marking every
   * enclosing rule as failed so that the builder ignores the rules the exception unwinds.
   */
  private static final class StopAtFirstError extends DefaultErrorStrategy {
    /** Set once an error has been reported; recovery (e.g. deleting a token in sync) may end the condition. */
    private boolean failed;

    @Override
    protected void beginErrorCondition(org.antlr.v4.runtime.Parser recognizer) {
      super.beginErrorCondition(recognizer);
      failed = true;
    }

    private static ParseCancellationException stop(org.antlr.v4.runtime.Parser recognizer, RecognitionException e) {
      RecognitionException cause = e != null ? e : new InputMismatchException(recognizer);
      for (ParserRuleContext c = recognizer.getContext(); c != null; c = c.getParent()) {
        c.exception = cause;
      }
      return new ParseCancellationException(cause);
    }

    @Override
    public void recover(org.antlr.v4.runtime.Parser recognizer, RecognitionException e) {
      throw stop(recognizer, e);
    }

    @Override
    public Token recoverInline(org.antlr.v4.runtime.Parser recognizer) {
      // Reports a missing or extraneous token, or throws and the rule reports the mismatch;
      // either way there was an error.
      super.recoverInline(recognizer);
      throw stop(recognizer, null);
    }

    @Override
    public void sync(org.antlr.v4.runtime.Parser recognizer) {
      super.sync(recognizer);
      if (failed) {
        throw stop(recognizer, null);
      }
    }
  }

  /** Runs {@code parse} feeding {@code builder}; returns the module, or null after reporting. */
  private static Operation build(Context ctx, IrBuilder builder, Runnable parse, Location implicitModuleLoc) {
    try {
      parse.run();
      return builder.finish(implicitModuleLoc);
    } catch (IrBuilder.Aborted aborted) {
      builder.rethrowInternalFailure();
      builder.error().diagnostics().forEach(ctx.diagnostics()::emit);
      return null;
    } catch (ParseError e) {
      e.diagnostics().forEach(ctx.diagnostics()::emit);
      return null;
    }
  }

  /** Keeps the first syntax error, phrased the way MLIR phrases its parser errors. */
  private static final class FirstError extends BaseErrorListener {
    private final SourceText src;
    Diagnostic diagnostic;

    FirstError(SourceText src) {
      this.src = src;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
        RecognitionException e) {
      if (diagnostic != null) {
        return;
      }
      diagnostic = SyntaxMessages.syntaxError(src.fileName(), msg, offending instanceof Token t ? t : null, line, col);
    }
  }
}

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
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTreeWalker;

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
      CirParser parser = new CirParser(new UnbufferedTokenStream<>(tokens));
      parser.removeErrorListeners();
      parser.setErrorHandler(new BailErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.addParseListener(builder);
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
   */
  private static Operation reparseForError(Context ctx, String text, String fileName, Location implicitModuleLoc) {
    SourceText src = new SourceText(fileName);
    FirstError syntax = new FirstError(src);
    CharStream chars = CharStreams.fromString(text, fileName);
    CirParser parser = new CirParser(new CommonTokenStream(lexer(chars, syntax)));
    parser.removeErrorListeners();
    parser.addErrorListener(syntax);
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    CirParser.ToplevelContext tree = parser.toplevel();
    if (syntax.diagnostic != null) {
      ctx.diagnostics().emit(syntax.diagnostic);
      return null;
    }
    IrBuilder builder = new IrBuilder(ctx, src);
    return build(ctx, builder, () -> ParseTreeWalker.DEFAULT.walk(builder, tree), implicitModuleLoc);
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

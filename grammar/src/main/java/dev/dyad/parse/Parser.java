package dev.dyad.parse;

import dev.dyad.grammar.CirParsing;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Parses {@code .cir} text (MLIR generic syntax) into IR. Errors are reported to the context's
 * diagnostics as {@code file:line:col} diagnostics; like MLIR, parsing stops at the first one.
 */
public final class Parser {
  private Parser() {}

  /**
   * Parses {@code text}, read from {@code fileName}. Returns the top-level {@code builtin.module}
   * (created at {@code implicitModuleLoc} unless the text is a single module), or null after
   * reporting an error.
   */
  public static Operation parse(Context ctx, String text, String fileName, Location implicitModuleLoc) {
    SourceText src = new SourceText(fileName);
    FirstError syntax = new FirstError(src);
    CirParsing.Result parsed = CirParsing.parse(CharStreams.fromString(text, fileName), syntax);
    if (syntax.diagnostic != null) {
      ctx.diagnostics().emit(syntax.diagnostic);
      return null;
    }
    try {
      return new IrBuilder(ctx, src).build(parsed.tree(), implicitModuleLoc);
    } catch (ParseError e) {
      ctx.diagnostics().emit(e.diagnostic());
      return null;
    }
  }

  /** Parses with the implicit module located at {@code fileName:0:0}, as mlir-opt does. */
  public static Operation parse(Context ctx, String text, String fileName) {
    return parse(ctx, text, fileName, new Location.FileLineCol(fileName, 0, 0));
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
      Location loc = new Location.FileLineCol(src.fileName(), line, col + 1);
      diagnostic = Diagnostic.error(loc, SyntaxMessages.rephrase(msg, offending instanceof Token t ? t : null));
    }
  }
}

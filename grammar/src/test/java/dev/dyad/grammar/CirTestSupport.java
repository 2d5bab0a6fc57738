package dev.dyad.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Shared helpers of the grammar tests. */
final class CirTestSupport {

  private CirTestSupport() {}

  /** Collects syntax errors of lexer and parser as readable lines. */
  static final class Errors extends BaseErrorListener {
    final List<String> messages = new ArrayList<>();

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
        int charPositionInLine, String msg, RecognitionException e) {
      messages.add(line + ":" + charPositionInLine + ": " + msg);
    }
  }

  /** A parser over {@code text} in SLL mode that throws on the first syntax error. */
  static CirParser sllParser(String text) {
    return sllParser(CharStreams.fromString(text));
  }

  static CirParser sllParser(CharStream input) {
    CirLexer lexer = new CirLexer(input);
    lexer.removeErrorListeners();
    CirParser parser = new CirParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    return parser;
  }

  /** All syntax errors of a full-LL parse of {@code text} with error recovery. */
  static List<String> errorsOf(String text) {
    Errors errors = new Errors();
    CirLexer lexer = new CirLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    CirParser parser = new CirParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    parser.toplevel();
    return errors.messages;
  }

  /** The symbolic names of the default-channel tokens of {@code text}, without EOF. */
  static List<String> tokenNames(String text) {
    CirLexer lexer = new CirLexer(CharStreams.fromString(text));
    List<String> names = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      names.add(CirLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText());
    }
    return names;
  }

  /**
   * A LISP-style dump of a parse tree that names each node by its context class, i.e. by the
   * alternative label where there is one ({@code affineAddExpr}) and the rule name otherwise.
   * Pass-through nodes with a single rule child are kept, terminals print their text.
   */
  static String dump(ParseTree tree) {
    if (tree instanceof TerminalNode t) {
      return t.getText();
    }
    ParserRuleContext ctx = (ParserRuleContext) tree;
    String name = ctx.getClass().getSimpleName().replaceFirst("Context$", "");
    name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
    StringBuilder sb = new StringBuilder("(").append(name);
    for (int i = 0; i < ctx.getChildCount(); i++) {
      sb.append(' ').append(dump(ctx.getChild(i)));
    }
    return sb.append(')').toString();
  }
}

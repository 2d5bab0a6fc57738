package dev.dyad.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import dev.dyad.grammar.CirTestSupport.Errors;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every file of the corpus under {@code grammar/valid} (must have no syntax error, and must
 * parse in pure SLL mode with a bail-out strategy, i.e. without LL fallback) and under
 * {@code grammar/invalid} (must report at least one syntax error).
 */
class CirCorpusTest {

  static Path corpusDir(String name) {
    try {
      return Path.of(CirCorpusTest.class.getResource("/grammar/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> corpus(String name) {
    try (Stream<Path> files = Files.list(corpusDir(name))) {
      return files.filter(p -> p.toString().endsWith(".mlir") || p.toString().endsWith(".cir"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CharStream read(Path file) {
    try {
      return CharStreams.fromPath(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses with full LL prediction and default error recovery, returning all errors. */
  static Errors parseLl(CharStream input) {
    Errors errors = new Errors();
    CirLexer lexer = new CirLexer(input);
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    CirParser parser = new CirParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    parser.toplevel();
    return errors;
  }

  @Test
  void corpusIsLargeEnough() {
    assertTrue(corpus("valid").size() >= 80, "valid corpus has " + corpus("valid").size());
    assertTrue(corpus("invalid").size() >= 20, "invalid corpus has " + corpus("invalid").size());
  }

  @TestFactory
  Stream<DynamicTest> validFilesParseWithoutErrors() {
    return corpus("valid").stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), file.toUri(), () -> {
          Errors errors = parseLl(read(file));
          assertEquals(List.of(), errors.messages, "syntax errors in " + file.getFileName());
        }));
  }

  @TestFactory
  Stream<DynamicTest> validFilesParseInSllModeWithoutFallback() {
    return corpus("valid").stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), file.toUri(), () -> {
          // BailErrorStrategy throws ParseCancellationException if SLL is not enough.
          CirTestSupport.sllParser(read(file)).toplevel();
          CirParsing.Result result = CirParsing.parse(read(file), null);
          assertFalse(result.usedLlFallback(), "LL fallback needed for " + file.getFileName());
          assertEquals(Token.EOF, result.tokens().LT(1).getType(), "input not fully consumed");
        }));
  }

  /**
   * Stronger than the SLL check: in LL mode ANTLR reports every decision where SLL prediction
   * hit a conflict and had to retry with full context, and every real ambiguity. There must be
   * none, i.e. all decisions on the corpus are resolved by SLL lookahead alone.
   */
  @TestFactory
  Stream<DynamicTest> validFilesNeedNoFullContextPrediction() {
    return corpus("valid").stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), file.toUri(), () -> {
          List<String> reports = new ArrayList<>();
          CirLexer lexer = new CirLexer(read(file));
          CirParser parser = new CirParser(new CommonTokenStream(lexer));
          parser.removeErrorListeners();
          parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void reportAttemptingFullContext(Parser recognizer, DFA dfa, int startIndex,
                int stopIndex, BitSet conflictingAlts, ATNConfigSet configs) {
              reports.add("full-context prediction at token " + startIndex + " in rule "
                  + recognizer.getRuleNames()[dfa.atnStartState.ruleIndex]);
            }

            @Override
            public void reportAmbiguity(Parser recognizer, DFA dfa, int startIndex,
                int stopIndex, boolean exact, BitSet ambigAlts, ATNConfigSet configs) {
              reports.add("ambiguity at token " + startIndex + " in rule "
                  + recognizer.getRuleNames()[dfa.atnStartState.ruleIndex]);
            }
          });
          parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
          parser.toplevel();
          assertEquals(List.of(), reports);
        }));
  }

  @TestFactory
  Stream<DynamicTest> invalidFilesReportSyntaxErrors() {
    return corpus("invalid").stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), file.toUri(), () -> {
          Errors errors = parseLl(read(file));
          assertFalse(errors.messages.isEmpty(), "expected a syntax error in "
              + file.getFileName());
          Errors viaHelper = new Errors();
          assertTrue(CirParsing.parse(read(file), viaHelper).usedLlFallback());
          assertFalse(viaHelper.messages.isEmpty());
        }));
  }
}

package dev.dyad.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.api.Test;

/**
 * Dialect type/attribute bodies are kept verbatim: the exact source text, whitespace included, is
 * recoverable from the parse tree through the token's start/stop indices on the CharStream.
 */
class CirOpaqueBodyTest {

  /** Collects the dialect symbol tokens of a parse tree. */
  static final class DialectTokens extends CirBaseVisitor<Void> {
    final List<Token> tokens = new ArrayList<>();

    @Override
    public Void visitDialectType(CirParser.DialectTypeContext ctx) {
      tokens.add(ctx.symbol);
      return null;
    }

    @Override
    public Void visitDialectAttribute(CirParser.DialectAttributeContext ctx) {
      tokens.add(ctx.symbol);
      return null;
    }

    @Override
    public Void visitDialectLocation(CirParser.DialectLocationContext ctx) {
      tokens.add(ctx.symbol);
      return null;
    }
  }

  static String source(CharStream input, Token token) {
    return input.getText(Interval.of(token.getStartIndex(), token.getStopIndex()));
  }

  @Test
  void bodiesAreRecoveredVerbatimFromTheCharStream() {
    String[] symbols = {
        "!t.ws<   spaced \t  out\n  >",
        "!t<\"opaque  \\\"body\\\" with > inside\">",
        "#t.nested<a<b<c>>,  (x ,y), [ y ], {z = 1}>",
        "#t.arrow<(i32)  ->  i32, ->>",
        "#sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 : compressed) }>",
        "!llvm.func<i32 (ptr, ...)>",
        "#t<{key = value}>",
        "!t.plain",
        "#t.plain",
    };
    StringBuilder text = new StringBuilder("\"t.x\"() {");
    for (int i = 0; i < symbols.length; i++) {
      text.append(i == 0 ? "" : ",\n   ").append("k").append(i).append(" =   ").append(symbols[i]);
    }
    text.append("} : () -> ()\n");
    CharStream input = CharStreams.fromString(text.toString());
    CirParser.ToplevelContext tree = CirTestSupport.sllParser(input).toplevel();

    DialectTokens collected = new DialectTokens();
    collected.visit(tree);
    assertEquals(symbols.length, collected.tokens.size());
    for (int i = 0; i < symbols.length; i++) {
      Token token = collected.tokens.get(i);
      assertEquals(symbols[i], source(input, token), "source interval of symbol " + i);
      assertEquals(symbols[i], token.getText(), "token text of symbol " + i);
    }
  }

  @Test
  void dialectSymbolsSplitLikeMlir() {
    CirTokens.DialectSymbol pretty = CirTokens.dialectSymbol("!llvm.struct< (i32,  f64) >");
    assertEquals('!', pretty.sigil());
    assertEquals("llvm", pretty.dialect());
    assertEquals("struct", pretty.name());
    assertEquals(" (i32,  f64) ", pretty.body());
    assertEquals("struct< (i32,  f64) >", pretty.symbolData());
    assertTrue(pretty.isPretty());

    CirTokens.DialectSymbol opaque = CirTokens.dialectSymbol("#foo<\"a > b\">");
    assertEquals('#', opaque.sigil());
    assertEquals("foo", opaque.dialect());
    assertNull(opaque.name());
    assertEquals("\"a > b\"", opaque.body());
    assertEquals("\"a > b\"", opaque.symbolData());
    assertFalse(opaque.isPretty());

    CirTokens.DialectSymbol bare = CirTokens.dialectSymbol("#gpu.a.b");
    assertEquals("gpu", bare.dialect());
    assertEquals("a.b", bare.name());
    assertNull(bare.body());
    assertEquals("a.b", bare.symbolData());
  }

  @Test
  void everyBodyTokenOfTheCorpusIsVerbatimAndBalanced() throws IOException {
    int bodies = 0;
    for (Path file : CirCorpusTest.corpus("valid")) {
      CharStream input = CharStreams.fromPath(file, StandardCharsets.UTF_8);
      DialectTokens collected = new DialectTokens();
      collected.visit(CirTestSupport.sllParser(input).toplevel());
      for (Token token : collected.tokens) {
        String text = source(input, token);
        assertEquals(token.getText(), text);
        if (token.getType() == CirLexer.DIALECT_TYPE_BODY
            || token.getType() == CirLexer.DIALECT_ATTR_BODY) {
          bodies++;
          assertTrue(text.endsWith(">"), text);
          assertBalanced(CirTokens.dialectSymbol(text).body(), file + ": " + text);
        }
      }
    }
    assertTrue(bodies > 50, "only " + bodies + " dialect bodies in the corpus");
  }

  /** Checks MLIR's body rule: balanced brackets outside strings, `->` does not close. */
  private static void assertBalanced(String body, String what) {
    StringBuilder stack = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      switch (c) {
        case '"' -> {
          i++;
          while (body.charAt(i) != '"') {
            i += body.charAt(i) == '\\' ? 2 : 1;
          }
        }
        case '-' -> i += i + 1 < body.length() && body.charAt(i + 1) == '>' ? 1 : 0;
        case '<', '(', '[', '{' -> stack.append(c);
        case '>', ')', ']', '}' -> {
          assertFalse(stack.isEmpty(), what);
          char open = stack.charAt(stack.length() - 1);
          assertEquals("<([{".indexOf(open), ">)]}".indexOf(c), what);
          stack.setLength(stack.length() - 1);
        }
        default -> { }
      }
    }
    assertTrue(stack.isEmpty(), what);
  }
}

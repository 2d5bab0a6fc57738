package dev.dyad.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineParserTest {
  private final PassRegistry registry = new PassRegistry()
      .registerPass(WithOptions::new)
      .registerPass(() -> new TestSupport.RecordingPass("a", Pass.ANY, List.of()))
      .registerPass(() -> new TestSupport.RecordingPass("fn", "func.func", List.of()))
      .registerPipeline(() -> PassPipeline.ofText("twice", "a twice", "a,a"));

  /** A pass with one option. */
  static final class WithOptions extends Pass {
    final Option<Long> limit = options.longOption("limit", 10, "a limit");

    @Override
    public String argument() {
      return "opt";
    }

    @Override
    public String summary() {
      return "has an option";
    }

    @Override
    public void run(dev.dyad.ir.Operation op, PassContext ctx) {}
  }

  private String roundTrip(String text) throws PipelineException {
    return PipelineParser.parse(text, registry).toPipelineText();
  }

  @Test
  void nestedPipelinesAndOptions() throws PipelineException {
    assertEquals("builtin.module(func.func(a,fn),opt{limit=5},a)",
        roundTrip("builtin.module(func.func(a,fn),opt{limit=5},a)"));
  }

  @Test
  void whitespaceAroundNamesOptionsAndCommas() throws PipelineException {
    assertEquals("builtin.module(opt{limit=3},func.func(a))",
        roundTrip("  builtin.module ( opt {limit=3} , func.func (a) )  "));
  }

  @Test
  void emptyPipelines() throws PipelineException {
    assertEquals("builtin.module()", roundTrip("builtin.module()"));
    assertEquals("any(a)", roundTrip("any(a)"));
  }

  @Test
  void namelessNestedPipelineIsOpAgnostic() throws PipelineException {
    assertEquals("builtin.module(any(a))", roundTrip("builtin.module((a))"));
  }

  @Test
  void namedPipelinesExpandInPlace() throws PipelineException {
    assertEquals("builtin.module(a,a,opt{limit=10})", roundTrip("builtin.module(twice,opt)"));
  }

  @Test
  void parseIntoTakesElementsWithoutAnAnchor() throws PipelineException {
    OpPassManager pm = new OpPassManager("func.func");
    PipelineParser.parseInto(pm, "a, fn", registry);
    assertEquals("func.func(a,fn)", pm.toPipelineText());
  }

  @Test
  void prettyTextMatchesMlirDump() throws PipelineException {
    OpPassManager pm = PipelineParser.parse("builtin.module(func.func(a),opt)", registry);
    assertEquals("builtin.module(\n  func.func(\n    a\n  ),\n  opt{limit=10}\n)", pm.toPrettyPipelineText());
    assertEquals("builtin.module(\n\n)", new OpPassManager("builtin.module").toPrettyPipelineText());
  }

  @Test
  void syntaxErrors() {
    String wrap = PipelineParser.WRAP_ERROR;
    assertError(wrap, 0, "cse");
    assertError(wrap, 0, "(a)");
    assertError(wrap, 0, "builtin.module(a");
    assertError(wrap, 2, "  builtin.module(a)x");
    assertError("'nope' does not refer to a registered pass or pass pipeline", 15, "builtin.module(nope)");
    assertError("'a fn' does not refer to a registered pass or pass pipeline", 15, "builtin.module(a fn)");
    assertError("'' does not refer to a registered pass or pass pipeline", 15, "builtin.module(,a)");
    assertError("'' does not refer to a registered pass or pass pipeline", 17, "builtin.module(a,)");
    assertError("'' does not refer to a registered pass or pass pipeline", 25, "builtin.module(func.func())");
    assertError("'' does not refer to a registered pass or pass pipeline", 16, "builtin.module( )");
    assertError("encountered extra closing ')' creating unbalanced parentheses while parsing pipeline", 16,
        "builtin.module(a))");
    assertError("encountered extra closing ')' creating unbalanced parentheses while parsing pipeline", 16,
        "builtin.module(a)(a)");
    assertError("encountered unbalanced parentheses while parsing pipeline", 24, "builtin.module(func.func(a)");
    assertError("missing closing '}' while processing pass options", 18, "builtin.module(opt{limit=1)");
    assertError("expected ',' after parsing pipeline", 20, "builtin.module(opt{}(a))");
    assertError("expected ',' after parsing pipeline", 27, "builtin.module(func.func(a)(a))");
    assertError("expected ',' after parsing pipeline", 20, "builtin.module(opt{}{})");
  }

  @Test
  void unknownNamesAreReportedBeforeOptionErrors() {
    assertError("'nope' does not refer to a registered pass or pass pipeline", 38,
        "builtin.module(opt{bogus=1},func.func(nope))");
  }

  @Test
  void optionErrorsCarryANoteAtThePass() {
    PipelineException e = assertThrows(PipelineException.class,
        () -> PipelineParser.parse("builtin.module(a,opt{limit=x})", registry));
    assertEquals("for the --limit option: 'x' value invalid for long argument!", e.getMessage());
    assertEquals(27, e.offset());
    assertEquals(List.of(new PipelineException.Note("failed to add `opt` with options `limit=x`", 17)), e.notes());
  }

  @Test
  void wrongAnchorIsAnError() {
    assertError("Can't add pass 'Recording' restricted to 'func.func' on a PassManager intended to run on "
        + "'builtin.module', did you intend to nest?", 15, "builtin.module(fn)");
  }

  @Test
  void anchoredPassesAreAllowedUnderAny() throws PipelineException {
    assertEquals("builtin.module(any(fn))", roundTrip("builtin.module(any(fn))"));
  }

  @Test
  void renderShowsTheTextAndACaret() {
    PipelineException e = assertThrows(PipelineException.class,
        () -> PipelineParser.parse("builtin.module(nope)", registry));
    assertEquals("""
        MLIR Textual PassPipeline Parser:1:16: error: 'nope' does not refer to a registered pass or pass pipeline
        builtin.module(nope)
                       ^
        """, e.render("builtin.module(nope)"));
  }

  @Test
  void renderFindsTheLineOfMultiLineText() {
    PipelineException e = new PipelineException("bad", 8);
    assertEquals("MLIR Textual PassPipeline Parser:2:3: error: bad\nxxyy\n  ^\n", e.render("abcde\nxxyy\n"));
  }

  private void assertError(String message, int offset, String text) {
    PipelineException e = assertThrows(PipelineException.class, () -> PipelineParser.parse(text, registry), text);
    assertEquals(message, e.getMessage(), text);
    assertEquals(offset, e.offset(), text);
  }
}

package dev.dyad.roundtrip;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.quicktheories.core.Gen;

/**
 * Random ops of the {@code fmt} test dialect (see {@link RandomFmtIr}) round-trip in both forms:
 * the custom form parses back to the same custom text, and to the same IR as the generic form
 * (custom → IR → generic equals the generic print, generic → IR → custom equals the custom
 * print), with and without locations.
 */
class FormatRoundTripPropertyTest {
  record Case(long seed, int size) {
    Operation build(Context ctx) {
      return new RandomFmtIr(ctx, seed, size).module();
    }

    @Override
    public String toString() {
      return "RandomFmtIr(seed=" + seed + "L, size=" + size + ")";
    }
  }

  static Gen<Case> cases(int maxSize) {
    return longs().all().zip(integers().between(1, maxSize), Case::new);
  }

  private static final PrintOptions CUSTOM = PrintOptions.DEFAULT;
  private static final PrintOptions GENERIC = PrintOptions.GENERIC;

  @Test
  void customAndGenericFormsRoundTrip() {
    check(CUSTOM, GENERIC, 600);
  }

  @Test
  void customAndGenericFormsRoundTripWithLocations() {
    check(CUSTOM.withDebugInfo(true), GENERIC.withDebugInfo(true), 300);
  }

  @Test
  void customAndGenericFormsRoundTripInLocalScope() {
    check(CUSTOM.withLocalScope(true), GENERIC.withLocalScope(true), 150);
  }

  private static void check(PrintOptions custom, PrintOptions generic, int examples) {
    qt().withFixedSeed(Long.getLong("QT_SEED", 0xf0_4a7L)).withExamples(Integer.getInteger("QT_EXAMPLES", examples))
        .forAll(cases(40)).checkAssert(c -> roundTrip(c, custom, generic));
  }

  static void roundTrip(Case c, PrintOptions custom, PrintOptions generic) {
    Context genCtx = RandomFmtIr.context();
    Operation module = c.build(genCtx);
    if (!new Verifier(genCtx).run(module)) {
      throw new AssertionFailedError(c + ": the generator made invalid IR: " + genCtx.diagnostics().takeAll()
          + "\n" + OperationPrinter.printTopLevel(module, generic));
    }
    String customText = OperationPrinter.printTopLevel(module, custom);
    String genericText = OperationPrinter.printTopLevel(module, generic);
    expectSame(c, "custom → IR → custom", customText, reprint(c, customText, custom));
    expectSame(c, "custom → IR → generic", genericText, reprint(c, customText, generic));
    expectSame(c, "generic → IR → custom", customText, reprint(c, genericText, custom));
  }

  private static void expectSame(Case c, String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new AssertionFailedError(c + ": " + what + " differs\n---- expected ----\n" + expected
          + "---- actual ----\n" + actual, expected, actual);
    }
  }

  private static String reprint(Case c, String text, PrintOptions options) {
    Context ctx = RandomFmtIr.context();
    ctx.sources().add("case.cir", text);
    Operation module = Parser.parse(ctx, text, "case.cir");
    if (module == null || !new Verifier(ctx).run(module)) {
      StringBuilder sb = new StringBuilder(c + (module == null ? ": parse failed:\n" : ": verification failed:\n"));
      for (Diagnostic d : ctx.diagnostics().takeAll()) {
        sb.append(ctx.sources().render(d));
      }
      throw new AssertionFailedError(sb + "---- text ----\n" + text);
    }
    return OperationPrinter.printTopLevel(module, options);
  }
}

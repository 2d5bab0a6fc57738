package dev.dyad.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.rewrite.GreedyRewriteConfig.RegionSimplification;
import dev.dyad.rewrite.GreedyRewriteResult;
import dev.dyad.rewrite.TestIr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options and edge cases of canonicalize, cse, dce and symbol-dce. */
class TransformsTest {
  private final Context ctx = TestIr.context();

  private static final String CHAIN = """
      "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
      ^bb0(%a: i32):
        %c1 = "arith.constant"() <{value = 1 : i32}> : () -> i32
        %0 = "arith.addi"(%a, %c1) : (i32, i32) -> i32
        %1 = "arith.addi"(%0, %c1) : (i32, i32) -> i32
        %2 = "arith.addi"(%1, %c1) : (i32, i32) -> i32
        "func.return"(%2) : (i32) -> ()
      }) : () -> ()
      """;

  private static List<String> names(Operation m) {
    List<String> out = new ArrayList<>();
    m.walk(op -> out.add(op.getNameString()));
    return out;
  }

  private static Canonicalizer.Options options(int maxIterations, boolean testConvergence, List<String> disabled) {
    return new Canonicalizer.Options(true, RegionSimplification.NORMAL, maxIterations, -1, testConvergence, disabled,
        List.of());
  }

  @Test
  void canonicalizeFoldsChains() {
    Operation m = TestIr.parse(ctx, CHAIN);
    GreedyRewriteResult r = new Canonicalizer(ctx).runWithResult(m);
    assertTrue(r.converged());
    assertEquals(2, r.rewrites());
    assertEquals(List.of("arith.constant", "arith.addi", "func.return", "func.func", "builtin.module"), names(m));
  }

  @Test
  void testConvergenceTurnsTheWarningIntoAnError() {
    // One iteration is never enough to see that nothing changes any more (as with mlir-opt).
    Operation m = TestIr.parse(ctx, CHAIN);
    GreedyRewriteResult r = new Canonicalizer(ctx, options(1, true, List.of())).runWithResult(m);
    assertFalse(r.converged());
    List<Diagnostic> diags = ctx.diagnostics().takeAll();
    assertEquals(1, diags.size());
    assertEquals(Diagnostic.Severity.ERROR, diags.get(0).severity());
    assertTrue(diags.get(0).message().startsWith("greedy pattern rewrite did not converge after 1 iterations"));
  }

  @Test
  void withoutTestConvergenceItIsAWarning() {
    Operation m = TestIr.parse(ctx, CHAIN);
    new Canonicalizer(ctx, options(1, false, List.of())).run(m);
    assertEquals(Diagnostic.Severity.WARNING, ctx.diagnostics().takeAll().get(0).severity());
  }

  @Test
  void disabledPatternsAreNotApplied() {
    Operation m = TestIr.parse(ctx, CHAIN);
    new Canonicalizer(ctx, options(10, false, List.of("AddIAddConstant"))).run(m);
    assertEquals(3, names(m).stream().filter(n -> n.equals("arith.addi")).count());
  }

  @Test
  void regionSimplificationErasesDeadCyclesOfGraphRegions() {
    String text = """
        "builtin.module"() ({
          %0 = "arith.addi"(%1, %1) : (i32, i32) -> i32
          %1 = "arith.muli"(%0, %0) : (i32, i32) -> i32
        }) : () -> ()
        """;
    Operation m = TestIr.parse(ctx, text);
    Canonicalizer.Options off = new Canonicalizer.Options(true, RegionSimplification.DISABLED, 10, -1, false,
        List.of(), List.of());
    new Canonicalizer(ctx, off).run(m);
    assertEquals(3, names(m).size(), "each op of the cycle has a use: not trivially dead");
    new Canonicalizer(ctx).run(m);
    assertEquals(List.of("builtin.module"), names(m));
  }

  @Test
  void dceErasesDeadChainsButKeepsEffects() {
    Operation m = TestIr.parse(ctx, """
        "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
        ^bb0(%a: i32):
          %0 = "arith.addi"(%a, %a) : (i32, i32) -> i32
          %1 = "arith.muli"(%0, %0) : (i32, i32) -> i32
          %2 = "xx.effect"(%a) : (i32) -> i32
          %3 = "arith.divsi"(%a, %a) : (i32, i32) -> i32
          "func.return"(%a) : (i32) -> ()
        }) : () -> ()
        """);
    assertTrue(new Dce(ctx).run(m));
    assertEquals(List.of("xx.effect", "func.return", "func.func", "builtin.module"), names(m));
    assertFalse(new Dce(ctx).run(m));
  }

  @Test
  void cseCountsWhatItDid() {
    Operation m = TestIr.parse(ctx, """
        "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
        ^bb0(%a: i32):
          %0 = "arith.addi"(%a, %a) : (i32, i32) -> i32
          %1 = "arith.addi"(%a, %a) : (i32, i32) -> i32
          %2 = "arith.muli"(%a, %a) : (i32, i32) -> i32
          %3 = "xx.use"(%0, %1) : (i32, i32) -> i32
          "func.return"(%3) : (i32) -> ()
        }) : () -> ()
        """);
    Cse cse = new Cse(ctx);
    assertTrue(cse.run(m));
    assertEquals(new Cse.Statistics(1, 1), cse.statistics());
    TestIr.check(ctx, m);
  }

  @Test
  void symbolDceNeedsASymbolTable() {
    Operation m = TestIr.parse(ctx, CHAIN);
    Operation func = m.getRegion(0).front().front();
    assertFalse(new SymbolDce(ctx).run(func));
    assertEquals("'func.func' op  was scheduled to run under SymbolDCE, but does not define a symbol table",
        ctx.diagnostics().takeAll().get(0).message());
  }

  /** A live op holding an unregistered one-region op: MLIR gives up as well (not if @f were private). */
  @Test
  void symbolDceGivesUpOnPotentiallyUnknownSymbolTables() {
    Operation m = TestIr.parse(ctx, """
        "func.func"() <{function_type = () -> (), sym_name = "f"}> ({
          "xx.table"() ({
            "xx.ref"() {callee = @f} : () -> ()
          }) : () -> ()
          "func.return"() : () -> ()
        }) : () -> ()
        "xx.keep"() : () -> ()
        """);
    assertFalse(new SymbolDce(ctx).run(m));
    assertEquals(1, ctx.diagnostics().takeAll().size());
    assertTrue(names(m).contains("func.func"));
  }
}

package dev.dyad.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.arith.AddIOp;
import dev.dyad.dialect.arith.ConstantOp;
import dev.dyad.dialect.arith.MulIOp;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.transforms.CanonicalizationPatterns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The greedy driver: worklist order, folding, dead-op erasure, limits and non-convergence. */
class GreedyPatternRewriteDriverTest {
  private final Context ctx = TestIr.context();

  private static String func(String body) {
    return """
        "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
        ^bb0(%a: i32):
        """ + body + """
        }) : () -> ()
        """;
  }

  /** Turns {@code xx.ping} into {@code xx.pong} and back: never converges. */
  private static PatternSet pingPong() {
    return new PatternSet().add(rename("xx.ping", "xx.pong"), rename("xx.pong", "xx.ping"));
  }

  private static RewritePattern rename(String from, String to) {
    return RewritePattern.of(from + "->" + to, from, 1, (op, r) -> {
      OperationState st = r.state(to, op.getLoc());
      st.addOperands(op.getOperands()).addTypes(op.getResultTypes());
      r.replaceOpWithNewOp(op, st);
      return true;
    });
  }

  /** The expected text is mlir-opt-22's output for the same input, empty pattern set or not. */
  @Test
  void foldsAndErasesDeadOpsToAFixpoint() {
    Operation m = TestIr.parse(ctx, func("""
          %c0 = "arith.constant"() <{value = 0 : i32}> : () -> i32
          %c2 = "arith.constant"() <{value = 2 : i32}> : () -> i32
          %0 = "arith.addi"(%a, %c0) : (i32, i32) -> i32
          %1 = "arith.muli"(%c2, %c2) : (i32, i32) -> i32
          %dead = "arith.subi"(%a, %a) : (i32, i32) -> i32
          %2 = "arith.addi"(%0, %1) : (i32, i32) -> i32
          "func.return"(%2) : (i32) -> ()
        """));
    GreedyRewriteResult r = GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, new PatternSet());
    assertTrue(r.converged());
    assertTrue(r.changed());
    assertEquals(2, r.iterations());
    assertEquals("""
        "builtin.module"() ({
          "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
          ^bb0(%arg0: i32):
            %0 = "arith.constant"() <{value = 4 : i32}> : () -> i32
            %1 = "arith.addi"(%arg0, %0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
            "func.return"(%1) : (i32) -> ()
          }) : () -> ()
        }) : () -> ()

        """, TestIr.print(m));
    TestIr.check(ctx, m);
  }

  @Test
  void foldingCanBeTurnedOff() {
    Operation m = TestIr.parse(ctx, func("""
          %c0 = "arith.constant"() <{value = 0 : i32}> : () -> i32
          %0 = "arith.addi"(%a, %c0) : (i32, i32) -> i32
          "func.return"(%0) : (i32) -> ()
        """));
    GreedyRewriteConfig noFold = GreedyRewriteConfig.DEFAULT.withFold(false);
    GreedyRewriteResult r = GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, new PatternSet(), noFold);
    assertFalse(r.changed());
    assertTrue(TestIr.print(m).contains("arith.addi"));
  }

  @Test
  void keepsOpsThatMayHaveEffects() {
    Operation m = TestIr.parse(ctx, func("""
          %0 = "xx.effect"(%a) : (i32) -> i32
          %1 = "arith.addi"(%a, %a) : (i32, i32) -> i32
          "func.return"(%a) : (i32) -> ()
        """));
    GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, new PatternSet());
    String out = TestIr.print(m);
    assertTrue(out.contains("xx.effect"));
    assertFalse(out.contains("arith.addi"));
  }

  @Test
  void hoistsConstantsInReverseOrderLikeMlirOpt() {
    // mlir-opt-22 --canonicalize gives exactly this (constants hoisted one by one to the front).
    Operation m = TestIr.parse(ctx, func("""
          %c1 = "arith.constant"() <{value = 1 : i32}> : () -> i32
          %0 = "arith.addi"(%a, %c1) : (i32, i32) -> i32
          %c2 = "arith.constant"() <{value = 2 : i32}> : () -> i32
          %1 = "arith.muli"(%0, %c2) : (i32, i32) -> i32
          %c3 = "arith.constant"() <{value = 3 : i32}> : () -> i32
          %2 = "xx.use"(%1, %c3) : (i32, i32) -> i32
          "func.return"(%2) : (i32) -> ()
        """));
    GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, CanonicalizationPatterns.forContext(ctx));
    List<String> values = new ArrayList<>();
    m.walk(op -> {
      if (ConstantOp.isa(op)) {
        values.add(new ConstantOp(op).value().toString());
      }
    });
    assertEquals(List.of("3 : i32", "2 : i32", "1 : i32"), values);
  }

  @Test
  void visitsTopDownByDefaultAndBottomUpOnRequest() {
    String text = func("""
          %0 = "xx.a"(%a) : (i32) -> i32
          %1 = "xx.b"(%0) : (i32) -> i32
          "func.return"(%1) : (i32) -> ()
        """);
    assertEquals(List.of("func.func", "xx.a", "xx.b", "func.return"), visitOrder(text, true));
    // Bottom-up seeds in post-order, but (as in MLIR) adding a nested op adds its ancestors too.
    assertEquals(List.of("func.return", "xx.b", "func.func", "xx.a"), visitOrder(text, false));
  }

  private List<String> visitOrder(String text, boolean topDown) {
    Operation m = TestIr.parse(ctx, text);
    List<String> seen = new ArrayList<>();
    RewritePattern record = RewritePattern.of("record", null, 1, (op, r) -> {
      seen.add(op.getNameString());
      return false;
    });
    GreedyRewriteConfig config = GreedyRewriteConfig.DEFAULT.withTopDown(topDown);
    GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, new PatternSet().add(record), config);
    return seen;
  }

  @Test
  void higherBenefitWinsAndAnyOpPatternsInterleave() {
    Operation m = TestIr.parse(ctx, func("""
          %0 = "xx.a"(%a) : (i32) -> i32
          "func.return"(%0) : (i32) -> ()
        """));
    List<String> tried = new ArrayList<>();
    PatternSet set = new PatternSet().add(
        RewritePattern.of("low", "xx.a", 1, (op, r) -> tried.add("low") && false),
        RewritePattern.of("any-mid", null, 2,
            (op, r) -> op.getNameString().equals("xx.a") && tried.add("any") && false),
        RewritePattern.of("high", "xx.a", 3, (op, r) -> tried.add("high") && false),
        RewritePattern.of("tie", "xx.a", 2, (op, r) -> tried.add("tie") && false));
    GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, set);
    assertEquals(List.of("high", "tie", "any", "low"), tried);
  }

  @Test
  void oscillatingPatternsStopAndWarn() {
    Operation m = TestIr.parse(ctx, func("""
          %0 = "xx.ping"(%a) : (i32) -> i32
          "func.return"(%0) : (i32) -> ()
        """));
    GreedyRewriteResult r = GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, pingPong(),
        GreedyRewriteConfig.DEFAULT.withMaxIterations(3));
    assertFalse(r.converged());
    assertEquals(3, r.iterations());
    assertTrue(r.rewrites() > 0);
    List<Diagnostic> diags = ctx.diagnostics().takeAll();
    assertEquals(1, diags.size());
    assertEquals(Diagnostic.Severity.WARNING, diags.get(0).severity());
    assertTrue(diags.get(0).message().startsWith("greedy pattern rewrite did not converge after 3 iterations ("),
        diags.get(0).message());
    TestIr.check(ctx, m);
  }

  @Test
  void rewriteLimitEndsAnIterationEarly() {
    Operation m = TestIr.parse(ctx, func("""
          %0 = "xx.ping"(%a) : (i32) -> i32
          %1 = "xx.ping"(%0) : (i32) -> i32
          %2 = "xx.ping"(%1) : (i32) -> i32
          "func.return"(%2) : (i32) -> ()
        """));
    PatternSet once = new PatternSet().add(rename("xx.ping", "xx.done"));
    GreedyRewriteConfig oneAtATime = GreedyRewriteConfig.DEFAULT.withMaxNumRewrites(1);
    GreedyRewriteResult r = GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, once, oneAtATime);
    assertTrue(r.converged());
    assertEquals(4, r.iterations());
    assertEquals(3, r.rewrites());
  }

  /** x + x = x * 2, written against the typed wrapper. */
  private static final class DoubleToMul extends OpPattern<AddIOp> {
    DoubleToMul() {
      super(AddIOp.NAME, AddIOp::new);
    }

    @Override
    public boolean matchAndRewrite(AddIOp add, PatternRewriter r) {
      if (add.lhs() != add.rhs()) {
        return r.notifyMatchFailure(add.op(), "operands differ");
      }
      Value two = ConstantOp.create(r, add.op().getLoc(), 2, add.lhs().getType()).result();
      r.replaceOpWithNewOp(add.op(), () -> MulIOp.create(r, add.op().getLoc(), add.lhs(), two).op());
      return true;
    }
  }

  @Test
  void typedPatternsSeeTheirWrapper() {
    Operation m = TestIr.parse(ctx, func("""
          %0 = "arith.addi"(%a, %a) : (i32, i32) -> i32
          %1 = "arith.addi"(%0, %a) : (i32, i32) -> i32
          "func.return"(%1) : (i32) -> ()
        """));
    RecordingListener listener = new RecordingListener();
    GreedyRewriteResult r = GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m,
        new PatternSet().add(new DoubleToMul()), GreedyRewriteConfig.DEFAULT.withListener(listener));
    assertEquals(1, r.rewrites());
    assertTrue(listener.events.contains("failure operands differ"));
    String out = TestIr.print(m);
    assertTrue(out.contains("\"arith.muli\"(%arg0, %0)"), out);
    TestIr.check(ctx, m);
  }

  @Test
  void constantCseCanBeTurnedOff() {
    Operation m = TestIr.parse(ctx, func("""
          %c1 = "arith.constant"() <{value = 1 : i32}> : () -> i32
          %c1b = "arith.constant"() <{value = 1 : i32}> : () -> i32
          %0 = "xx.use"(%c1, %c1b) : (i32, i32) -> i32
          "func.return"(%0) : (i32) -> ()
        """));
    GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, new PatternSet(),
        GreedyRewriteConfig.DEFAULT.withCseConstants(false));
    assertEquals(2, countConstants(m));
    GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, new PatternSet());
    assertEquals(1, countConstants(m));
  }

  private static int countConstants(Operation m) {
    int[] n = {0};
    m.walk(op -> n[0] += ConstantOp.isa(op) ? 1 : 0);
    return n[0];
  }

  @Test
  void listenerHearsTheDriversChanges() {
    Operation m = TestIr.parse(ctx, func("""
          %0 = "arith.subi"(%a, %a) : (i32, i32) -> i32
          "func.return"(%0) : (i32) -> ()
        """));
    RecordingListener listener = new RecordingListener();
    GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, new PatternSet(),
        GreedyRewriteConfig.DEFAULT.withListener(listener));
    assertEquals(List.of("inserted arith.constant", "replaced arith.subi", "modified func.return",
        "erased arith.subi"), listener.events);
  }

  @Test
  void materializesFoldedConstantsOfTheRightType() {
    Operation m = TestIr.parse(ctx, func("""
          %c = "arith.constant"() <{value = 127 : i8}> : () -> i8
          %0 = "arith.addi"(%c, %c) : (i8, i8) -> i8
          %1 = "xx.use"(%0) : (i8) -> i32
          "func.return"(%1) : (i32) -> ()
        """));
    GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m, new PatternSet());
    List<IntegerAttr> values = new ArrayList<>();
    m.walk(op -> {
      if (ConstantOp.isa(op)) {
        values.add((IntegerAttr) new ConstantOp(op).value());
      }
    });
    assertEquals(List.of(IntegerAttr.of(-2, IntegerType.I8)), values);
  }
}

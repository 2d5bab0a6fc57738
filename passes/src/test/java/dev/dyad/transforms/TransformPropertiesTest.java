package dev.dyad.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.rewrite.GreedyPatternRewriteDriver;
import dev.dyad.rewrite.GreedyRewriteConfig;
import dev.dyad.rewrite.GreedyRewriteResult;
import dev.dyad.rewrite.PatternSet;
import dev.dyad.rewrite.RewritePattern;
import dev.dyad.rewrite.TestIr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/** Properties of the transforms on random arith programs, checked with an evaluator. */
class TransformPropertiesTest {
  /** Fixed for reproducible builds; set -Dqt.seed=N to explore other programs. */
  private static QuickTheory theory() {
    return qt().withFixedSeed(Long.getLong("qt.seed", 20260101L)).withExamples(150);
  }

  @Test
  void canonicalizeIsIdempotent() {
    theory().forAll(longs().all()).checkAssert(seed -> {
      Context ctx = TestIr.context();
      Operation m = ArithPrograms.generate(ctx, seed, ArithPrograms.Options.EVERYTHING);
      new Canonicalizer(ctx).run(m);
      String once = TestIr.print(m);
      assertFalse(new Canonicalizer(ctx).run(m), "a second canonicalization changed " + once);
      assertEquals(once, TestIr.print(m));
      TestIr.check(ctx, m);
      assertTrue(ctx.diagnostics().takeAll().isEmpty());
    });
  }

  @Test
  void canonicalizePreservesValues() {
    preservesValues((ctx, m) -> new Canonicalizer(ctx).run(m));
  }

  @Test
  void csePreservesValues() {
    preservesValues((ctx, m) -> new Cse(ctx).run(m));
  }

  @Test
  void dcePreservesValues() {
    preservesValues((ctx, m) -> new Dce(ctx).run(m));
  }

  @Test
  void cseIsIdempotentAndNeverGrowsTheProgram() {
    theory().forAll(longs().all()).checkAssert(seed -> {
      Context ctx = TestIr.context();
      Operation m = ArithPrograms.generate(ctx, seed, ArithPrograms.Options.EVERYTHING);
      int before = ArithPrograms.size(m);
      new Cse(ctx).run(m);
      String once = TestIr.print(m);
      assertTrue(ArithPrograms.size(m) <= before);
      assertFalse(new Cse(ctx).run(m));
      assertEquals(once, TestIr.print(m));
      TestIr.check(ctx, m);
    });
  }

  private static void preservesValues(BiConsumer<Context, Operation> transform) {
    theory().forAll(longs().all()).checkAssert(seed -> {
      Context ctx = TestIr.context();
      Operation m = ArithPrograms.generate(ctx, seed, ArithPrograms.Options.VALUE_PRESERVING);
      Random random = new Random(seed);
      List<List<Long>> inputs = new ArrayList<>();
      List<List<ArithEvaluator.Result>> expected = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        List<Long> args = ArithPrograms.randomInputs(m, random);
        try {
          expected.add(ArithEvaluator.run(m, args));
          inputs.add(args);
        } catch (ArithEvaluator.Undefined undefined) {
          // Nothing to preserve on these arguments.
        }
      }
      String before = TestIr.print(m);
      transform.accept(ctx, m);
      TestIr.check(ctx, m);
      for (int i = 0; i < inputs.size(); i++) {
        assertEquals(expected.get(i), ArithEvaluator.run(m, inputs.get(i)),
            "on " + inputs.get(i) + "\nbefore:\n" + before + "after:\n" + TestIr.print(m));
      }
    });
  }

  /** A ring of renames a -> b -> ... -> a: every rewrite undoes convergence. */
  private static PatternSet ring(int size) {
    PatternSet set = new PatternSet();
    for (int i = 0; i < size; i++) {
      String from = "xx.r" + i;
      String to = "xx.r" + ((i + 1) % size);
      set.add(RewritePattern.of(from, from, 1, (op, r) -> {
        OperationState st = r.state(to, op.getLoc());
        st.addOperands(op.getOperands()).addTypes(op.getResultTypes());
        r.replaceOpWithNewOp(op, st);
        return true;
      }));
    }
    return set;
  }

  @Test
  void greedyDriverTerminatesAndReportsNonConvergenceOfOscillatingPatterns() {
    theory().withExamples(40).forAll(integers().between(1, 4), integers().between(1, 6), integers().between(1, 5))
        .checkAssert((ringSize, ops, maxIterations) -> {
          Context ctx = TestIr.context();
          StringBuilder body = new StringBuilder();
          for (int i = 0; i < ops; i++) {
            body.append("  %").append(i).append(" = \"xx.r0\"() : () -> i32\n");
          }
          Operation m = TestIr.parse(ctx, "\"xx.holder\"() ({\n" + body + "}) : () -> ()\n");
          GreedyRewriteConfig config = GreedyRewriteConfig.DEFAULT.withMaxIterations(maxIterations);
          GreedyRewriteResult r = GreedyPatternRewriteDriver.applyPatternsGreedily(ctx, m.getRegion(0).front().front(),
              ring(ringSize), config);
          assertFalse(r.converged());
          assertEquals(maxIterations, r.iterations());
          List<Diagnostic> diags = ctx.diagnostics().takeAll();
          assertEquals(1, diags.size());
          assertTrue(diags.get(0).message().startsWith(
              "greedy pattern rewrite did not converge after " + maxIterations + " iterations"));
          TestIr.checkUseLists(m);
        });
  }
}

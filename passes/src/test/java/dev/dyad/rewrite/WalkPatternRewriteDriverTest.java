package dev.dyad.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk driver visits each op once, in post-order, and never what the patterns create. */
class WalkPatternRewriteDriverTest {
  private final Context ctx = TestIr.context();

  private final String text = """
      "xx.outer"() ({
        %0 = "xx.a"() : () -> i32
        %1 = "xx.b"(%0) : (i32) -> i32
        "xx.c"(%1) : (i32) -> ()
      }) : () -> ()
      """;

  @Test
  void visitsEachOpOnceInPostOrder() {
    Operation m = TestIr.parse(ctx, text);
    List<String> seen = new ArrayList<>();
    PatternSet record = new PatternSet().add(RewritePattern.of("record", null, 1, (op, r) -> {
      seen.add(op.getNameString());
      return false;
    }));
    assertEquals(0, WalkPatternRewriteDriver.walkAndApplyPatterns(ctx, m, record));
    assertEquals(List.of("xx.a", "xx.b", "xx.c", "xx.outer"), seen);
  }

  @Test
  void doesNotRevisitWhatPatternsCreate() {
    Operation m = TestIr.parse(ctx, text);
    // a -> b -> c -> a ...: a fixpoint driver would never stop; one sweep renames each op once.
    PatternSet rotate = new PatternSet().add(rename("xx.a", "xx.b"), rename("xx.b", "xx.c"), rename("xx.c", "xx.a"));
    assertEquals(3, WalkPatternRewriteDriver.walkAndApplyPatterns(ctx, m, rotate));
    List<String> names = new ArrayList<>();
    m.getRegion(0).front().front().getRegion(0).front().getOperations().forEach(op -> names.add(op.getNameString()));
    assertEquals(List.of("xx.b", "xx.c", "xx.a"), names);
    TestIr.checkUseLists(m);
  }

  @Test
  void skipsErasedOps() {
    Operation m = TestIr.parse(ctx, text);
    List<String> seen = new ArrayList<>();
    PatternSet set = new PatternSet().add(
        RewritePattern.of("erase-c-from-a", "xx.b", 2, (op, r) -> {
          Operation c = op.getResult(0).getUsers().get(0);
          r.eraseOp(c);
          return true;
        }),
        RewritePattern.of("record", null, 1, (op, r) -> {
          seen.add(op.getNameString());
          return false;
        }));
    WalkPatternRewriteDriver.walkAndApplyPatterns(ctx, m, set);
    assertEquals(List.of("xx.a", "xx.outer"), seen);
  }

  private static RewritePattern rename(String from, String to) {
    return RewritePattern.of(from, from, 1, (op, r) -> {
      OperationState st = r.state(to, op.getLoc());
      st.addOperands(op.getOperands()).addTypes(op.getResultTypes());
      r.replaceOpWithNewOp(op, st);
      return true;
    });
  }
}

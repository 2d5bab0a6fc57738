package dev.dyad.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.arith.AddIOp;
import dev.dyad.dialect.arith.ConstantOp;
import dev.dyad.dialect.arith.MulIOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.IntegerType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rewriter keeps use lists right and tells its listeners about every change. */
class PatternRewriterTest {
  private static final String FUNC = """
      "func.func"() <{function_type = (i32, i32) -> i32, sym_name = "f"}> ({
      ^bb0(%a: i32, %b: i32):
        %0 = "arith.addi"(%a, %b) : (i32, i32) -> i32
        %1 = "arith.muli"(%0, %0) : (i32, i32) -> i32
        %2 = "xx.use"(%0, %1) : (i32, i32) -> i32
        "func.return"(%2) : (i32) -> ()
      }) : () -> ()
      """;

  private final Context ctx = TestIr.context();
  private final Operation module = TestIr.parse(ctx, FUNC);
  private final Block body = module.getRegion(0).front().front().getRegion(0).front();
  private final RecordingListener listener = new RecordingListener();
  private final PatternRewriter rewriter = new PatternRewriter(ctx).addListener(listener);

  private Operation op(int index) {
    return body.getOpsList().get(index);
  }

  @Test
  void createdOpsAreInsertedAtTheInsertionPointAndReported() {
    rewriter.setInsertionPoint(op(1));
    ConstantOp c = ConstantOp.create(rewriter, op(0).getLoc(), 7, IntegerType.I32);
    assertSame(op(1), c.op());
    assertEquals(List.of("inserted arith.constant"), listener.events);
    TestIr.check(ctx, module);
  }

  @Test
  void detachedBuilderCreatesWithoutNotifying() {
    rewriter.clearInsertionPoint();
    ConstantOp c = ConstantOp.create(rewriter, op(0).getLoc(), IntegerAttr.of(1, IntegerType.I32));
    assertNull(c.op().getBlock());
    assertTrue(listener.events.isEmpty());
  }

  @Test
  void replaceOpMovesEveryUseThenErases() {
    Operation add = op(0);
    Value a = body.getArgument(0);
    int usesOfA = a.getNumUses();
    rewriter.replaceOp(add, List.of(a));
    assertNull(add.getBlock());
    // The add's three uses now use %a; the add's own use of %a is gone.
    assertEquals(usesOfA - 1 + 3, a.getNumUses());
    assertEquals(List.of("replaced arith.addi", "modified xx.use", "modified arith.muli", "modified arith.muli",
        "erased arith.addi"), listener.events);
    TestIr.check(ctx, module);
  }

  @Test
  void replaceOpWithNewOpCreatesBeforeAndReplaces() {
    Operation mul = op(1);
    rewriter.setInsertionPoint(mul);
    Operation add = rewriter.replaceOpWithNewOp(mul,
        () -> AddIOp.create(rewriter, mul.getLoc(), mul.getOperand(0), mul.getOperand(1)).op());
    assertSame(add, op(1));
    assertSame(add.getResult(0), op(2).getOperand(1));
    assertEquals("inserted arith.addi", listener.events.get(0));
    assertEquals("erased arith.muli", listener.events.get(listener.events.size() - 1));
    TestIr.check(ctx, module);
  }

  @Test
  void erasingAnOpWithUsesIsAnError() {
    assertThrows(IllegalStateException.class, () -> rewriter.eraseOp(op(0)));
    assertTrue(listener.events.isEmpty());
  }

  @Test
  void erasingReportsNestedOpsUsersFirst() {
    String text = """
        "xx.outer"() ({
          %0 = "arith.constant"() <{value = 1 : i32}> : () -> i32
          %1 = "arith.addi"(%0, %0) : (i32, i32) -> i32
          "xx.sink"(%1) : (i32) -> ()
        }) : () -> ()
        """;
    Operation m = TestIr.parse(ctx, text);
    Operation outer = m.getRegion(0).front().front();
    rewriter.eraseOp(outer);
    assertEquals(List.of("erased xx.sink", "erased arith.addi", "erased arith.constant", "block erased",
        "erased xx.outer"), listener.events);
    assertTrue(m.getRegion(0).front().isEmpty());
  }

  @Test
  void modifyInPlaceReportsTheOp() {
    Operation mul = op(1);
    rewriter.modifyInPlace(mul, () -> mul.setOperand(1, body.getArgument(1)));
    assertEquals(List.of("modified arith.muli"), listener.events);
    TestIr.check(ctx, module);
  }

  @Test
  void replaceUsesWithIfOnlyTouchesSelectedUses() {
    Operation add = op(0);
    rewriter.replaceUsesWithIf(add.getResult(0), body.getArgument(1), use -> use.getOwner() == op(2));
    assertEquals(2, add.getResult(0).getNumUses());
    assertEquals(List.of("modified xx.use"), listener.events);
    TestIr.check(ctx, module);
  }

  @Test
  void inlineRegionAndMergeBlocksMoveOpsAndArguments() {
    String text = """
        "xx.host"() ({
        ^bb0(%x: i32):
          "xx.use"(%x) : (i32) -> ()
        }, {
          %c = "arith.constant"() <{value = 5 : i32}> : () -> i32
          "xx.keep"(%c) : (i32) -> ()
        }) : () -> ()
        """;
    Operation m = TestIr.parse(ctx, text);
    Operation host = m.getRegion(0).front().front();
    Region first = host.getRegion(0);
    Region second = host.getRegion(1);
    Block source = first.front();
    rewriter.inlineRegionBefore(first, second, null);
    assertTrue(first.isEmpty());
    assertEquals(2, second.getBlocks().size());
    Block dest = second.front();
    Value five = dest.front().getResult(0);
    rewriter.mergeBlocks(source, dest, List.of(five));
    assertEquals(1, second.getBlocks().size());
    assertEquals(List.of("arith.constant", "xx.keep", "xx.use"),
        dest.getOpsList().stream().map(Operation::getNameString).toList());
    assertSame(five, dest.back().getOperand(0));
    assertEquals(List.of("block inserted", "modified xx.use", "inserted xx.use", "block erased"), listener.events);
    TestIr.checkUseLists(m);
  }

  @Test
  void moveAndMatchFailureAreReported() {
    rewriter.moveOpBefore(op(1), op(0));
    assertEquals(MulIOp.NAME, op(0).getNameString());
    assertFalse(rewriter.notifyMatchFailure(op(0), "not today"));
    assertEquals(List.of("inserted arith.muli", "failure not today"), listener.events);
  }
}

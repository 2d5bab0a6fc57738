package dev.dyad.ir;

import static dev.dyad.ir.IrFixture.errors;
import static dev.dyad.ir.IrFixture.fn;
import static dev.dyad.ir.IrFixture.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dominance: the verifier's messages and notes, and DominanceInfo on its own. */
class DominanceTest {
  private static final Type I32 = IntegerType.I32;
  private static final Type I1 = IntegerType.I1;

  private final IrFixture ir = new IrFixture();
  private final ModuleOp m = ir.module();

  private FuncOp func(Type... inputs) {
    return ir.func(m, "f", fn(List.of(inputs), List.of()));
  }

  @Test
  void useBeforeDefinitionInTheSameBlock() {
    FuncOp f = func();
    Block b = f.entryBlock();
    Operation def = ir.op("test.b").results(I32).build();
    ir.op("test.a").operands(def.getResult(0)).results(I32).in(b);
    b.append(def);
    ir.ret(b);
    assertEquals("4: error: operand #0 does not dominate this use\n"
        + "4: note: see current operation: %0 = \"test.a\"(%1) : (i32) -> i32\n"
        + "3: note: operand defined here (op in the same block)\n", render(ir.verify(m.op())));
  }

  /** ^bb0 branches to ^bb2 directly and through ^bb1, so ^bb1's value is not available in ^bb2. */
  @Test
  void acrossBlocksOfADiamond() {
    FuncOp f = func(I1);
    Block entry = f.entryBlock();
    Block left = f.body().addBlock();
    Block join = f.body().addBlock();
    ir.op("test.cond_br").operands(entry.getArgument(0)).successors(left, join).in(entry);
    Operation def = ir.op("test.b").results(I32).in(left);
    ir.op("test.br").successors(join).in(left);
    ir.op("test.use").operands(def.getResult(0)).in(join);
    ir.ret(join);
    assertEquals("6: error: operand #0 does not dominate this use\n"
        + "6: note: see current operation: \"test.use\"(%0) : (i32) -> ()\n"
        + "4: note: operand defined here (op in the same region)\n", render(ir.verify(m.op())));
  }

  @Test
  void entryValuesDominateEveryReachableBlock() {
    FuncOp f = func(I1);
    Block entry = f.entryBlock();
    Block left = f.body().addBlock();
    Block join = f.body().addBlock();
    Operation def = ir.op("test.b").results(I32).in(entry);
    ir.op("test.cond_br").operands(entry.getArgument(0)).successors(left, join).in(entry);
    ir.op("test.use").operands(def.getResult(0)).in(left);
    ir.op("test.br").successors(join).in(left);
    ir.op("test.use").operands(def.getResult(0)).in(join);
    ir.ret(join);
    assertEquals("", render(ir.verify(m.op())));
  }

  /** ^bb1 is a loop header: values of the body do not dominate it, its values dominate the body. */
  @Test
  void loops() {
    FuncOp f = func(I1);
    Block entry = f.entryBlock();
    Block header = f.body().addBlock();
    Block body = f.body().addBlock();
    Block exit = f.body().addBlock();
    ir.op("test.br").successors(header).in(entry);
    Operation h = ir.op("test.h").results(I32).build();
    Operation bodyDef = ir.op("test.d").results(I32).build();
    header.append(h);
    ir.op("test.cond_br").operands(entry.getArgument(0)).successors(body, exit).in(header);
    ir.op("test.use").operands(h.getResult(0)).in(body);
    body.append(bodyDef);
    ir.op("test.br").successors(header).in(body);
    ir.ret(exit);
    assertEquals("", render(ir.verify(m.op())));

    Operation bad = ir.op("test.use").operands(bodyDef.getResult(0)).build();
    header.insertBefore(header.back(), bad);
    assertEquals(List.of("operand #0 does not dominate this use"), errors(ir.verify(m.op())));
  }

  @Test
  void usesInNestedRegionsNeedTheAncestorToBeDominated() {
    FuncOp f = func();
    Block b = f.entryBlock();
    Operation def = ir.op("test.b").results(I32).build();
    Operation r = ir.op("test.r").regions(1).in(b);
    ir.op("test.use").operands(def.getResult(0)).in(r.getRegion(0).front());
    b.append(def);
    ir.ret(b);
    assertEquals("3: note: operand defined here (op in a parent region)\n",
        render(ir.verify(m.op())).lines().skip(2).findFirst().orElse("") + "\n");

    def.moveBefore(r);
    assertEquals("", render(ir.verify(m.op())));
  }

  @Test
  void anOpCannotUseItsOwnResultInItsRegions() {
    FuncOp f = func();
    Block b = f.entryBlock();
    Operation r = ir.op("test.r").regions(1).results(I32).in(b);
    ir.op("test.use").operands(r.getResult(0)).in(r.getRegion(0).front());
    ir.ret(b);
    List<Diagnostic> d = ir.verify(m.op());
    assertEquals(List.of("operand #0 does not dominate this use"), errors(d));
    assertEquals("operand defined here (op in a parent region)", d.get(0).notes().get(1).message());
  }

  @Test
  void siblingAndChildRegionNotes() {
    FuncOp f = func();
    Block b = f.entryBlock();
    Operation r = ir.op("test.r").regions(2).in(b);
    Operation user = ir.op("test.use").results().build();
    r.getRegion(0).front().append(user);
    Operation def = ir.op("test.b").results(I32).in(r.getRegion(1).front());
    user.insertOperands(0, List.of(def.getResult(0)));
    ir.ret(b);
    assertEquals("operand defined here (op is neither in a parent nor in a child region)",
        ir.verify(m.op()).get(0).notes().get(1).message());

    Operation outerUser = ir.op("test.use").build();
    outerUser.insertOperands(0, List.of(def.getResult(0)));
    r.getRegion(0).front().erase();
    r.getRegion(0).addBlock();
    b.insertBefore(r, outerUser);
    assertEquals("operand defined here (op in a child region)", ir.verify(m.op()).get(0).notes().get(1).message());
  }

  @Test
  void blockArgumentNotes() {
    FuncOp f = func(I1);
    Block entry = f.entryBlock();
    Block left = f.body().addBlock();
    Block right = f.body().addBlock();
    Block join = f.body().addBlock();
    BlockArgument joinArg = join.addArgument(I32, ir.loc());
    ir.op("test.cond_br").operands(entry.getArgument(0)).successors(left, right).in(entry);
    ir.op("test.br").successors(join).in(left);
    ir.op("test.use").operands(joinArg).in(right);
    ir.op("test.br").successors(join).in(right);
    ir.ret(join);
    List<Diagnostic> d = ir.verify(m.op());
    assertEquals("2: note: operand defined as a block argument (block #3 in the same region)\n",
        render(d).lines().skip(2).findFirst().orElse("") + "\n");

    FuncOp g = ir.func(m, "g", fn(List.of(), List.of()));
    Operation r = ir.op("test.r").regions(1).build();
    BlockArgument inner = r.getRegion(0).front().addArgument(I32, ir.loc());
    ir.op("test.use").operands(inner).in(g.entryBlock());
    g.entryBlock().append(r);
    ir.ret(g.entryBlock());
    f.op().erase();
    d = ir.verify(m.op());
    assertEquals("operand defined as a block argument (block #0 in a child region)", d.get(0).notes().get(1).message());
    assertEquals(r.getLoc(), d.get(0).notes().get(1).location());
  }

  @Test
  void graphRegionsAllowAnyOrder() {
    Operation def = ir.op("test.b").results(I32).build();
    ir.op("test.use").operands(def.getResult(0)).in(m.body());
    m.body().append(def);
    assertEquals("", render(ir.verify(m.op())));
  }

  @Test
  void singleBlockRegionsOfUnregisteredOpsAreTreatedAsGraphs() {
    FuncOp f = func();
    Operation r = ir.op("test.r").regions(1).in(f.entryBlock());
    Block inner = r.getRegion(0).front();
    Operation def = ir.op("test.b").results(I32).build();
    ir.op("test.use").operands(def.getResult(0)).in(inner);
    inner.append(def);
    ir.ret(f.entryBlock());
    assertEquals("", render(ir.verify(m.op())));

    // With a second block the region has SSA dominance, as every multi-block region does.
    Block second = r.getRegion(0).addBlock();
    ir.op("test.br").successors(second).in(inner);
    ir.op("test.c").in(second);
    assertEquals(List.of("operand #0 does not dominate this use"), errors(ir.verify(m.op())));
  }

  @Test
  void usesInUnreachableBlocksAreNotChecked() {
    FuncOp f = func();
    Block entry = f.entryBlock();
    Block dead = f.body().addBlock();
    Block exit = f.body().addBlock();
    ir.op("test.br").successors(exit).in(entry);
    Operation late = ir.op("test.b").results(I32).build();
    ir.op("test.use").operands(late.getResult(0)).in(dead);
    ir.op("test.br").successors(exit).in(dead);
    exit.append(late);
    ir.ret(exit);
    assertEquals("", render(ir.verify(m.op())));
  }

  @Test
  void valuesOfUnreachableBlocksDoNotDominateReachableOnes() {
    FuncOp f = func();
    Block entry = f.entryBlock();
    Block dead = f.body().addBlock();
    Block exit = f.body().addBlock();
    ir.op("test.br").successors(exit).in(entry);
    Operation def = ir.op("test.b").results(I32).in(dead);
    ir.op("test.br").successors(exit).in(dead);
    Operation r = ir.op("test.r").regions(1).in(exit);
    ir.op("test.use").operands(def.getResult(0)).in(r.getRegion(0).front());
    ir.ret(exit);
    List<Diagnostic> d = ir.verify(m.op());
    assertEquals("operand defined here (op in a parent region)", d.get(0).notes().get(1).message());
  }

  @Test
  void dominanceInfoQueries() {
    FuncOp f = func(I1);
    Block entry = f.entryBlock();
    Block left = f.body().addBlock();
    Block right = f.body().addBlock();
    Block join = f.body().addBlock();
    Block dead = f.body().addBlock();
    ir.op("test.cond_br").operands(entry.getArgument(0)).successors(left, right).in(entry);
    ir.op("test.br").successors(join).in(left);
    ir.op("test.br").successors(join).in(right);
    Operation r = ir.op("test.r").regions(1).in(join);
    Operation nested = ir.op("test.n").in(r.getRegion(0).front());
    ir.ret(join);
    ir.op("test.br").successors(join).in(dead);

    DominanceInfo dom = new DominanceInfo();
    assertTrue(dom.properlyDominates(entry, join));
    assertFalse(dom.properlyDominates(left, join));
    assertFalse(dom.properlyDominates(join, join));
    assertTrue(dom.dominates(join, join));
    assertTrue(dom.properlyDominates(join, r.getRegion(0).front()));
    assertTrue(dom.properlyDominates(left, dead));
    assertFalse(dom.isReachableFromEntry(dead));
    assertTrue(dom.isReachableFromEntry(join));
    assertTrue(dom.properlyDominates(entry.front(), nested, false));
    assertTrue(dom.properlyDominates(r, nested, true));
    assertFalse(dom.properlyDominates(r, nested, false));
    assertTrue(dom.properlyDominates(entry.getArgument(0), nested));
    assertTrue(dom.hasSSADominance(f.body()));
    assertFalse(dom.hasSSADominance(r.getRegion(0)));
    assertFalse(dom.hasSSADominance(m.op().getRegion(0)));
  }
}

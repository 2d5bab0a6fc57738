package dev.dyad.ir;

import static dev.dyad.ir.IrFixture.errors;
import static dev.dyad.ir.IrFixture.fn;
import static dev.dyad.ir.IrFixture.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.builtin.UnrealizedConversionCastOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraints;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's walk and its block, region, dialect, isolation and symbol-table checks. */
class VerifierTest {
  private static final Type I32 = IntegerType.I32;
  private static final Type I64 = IntegerType.I64;

  /** A registered op with a type constraint: the stand-in for arith.addi. */
  static final OpDefinition ADDI = OpDefinition.builder("ods.addi")
      .operand("lhs", TypeConstraints.signlessIntegerLike())
      .operand("rhs", TypeConstraints.signlessIntegerLike())
      .result("result", TypeConstraints.signlessIntegerLike())
      .build();
  static final OpDefinition BR = OpDefinition.builder("ods.br").successor("dest").trait(Trait.TERMINATOR).build();
  static final OpDefinition GRAPH = OpDefinition.builder("ods.graph")
      .region("body", dev.dyad.ir.ods.RegionConstraint.anyRegion())
      .trait(Trait.GRAPH_REGION, Trait.NO_TERMINATOR)
      .build();

  static final Dialect ODS = new Dialect() {
    @Override
    public String namespace() {
      return "ods";
    }

    @Override
    public List<OpDef> ops() {
      return List.of(ADDI, BR, GRAPH);
    }
  };

  private final IrFixture ir = new IrFixture(ODS);

  @Test
  void validModuleVerifies() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(I32), List.of(I32)));
    Block entry = f.entryBlock();
    Operation add = ir.op("ods.addi").operands(entry.getArgument(0), entry.getArgument(0)).results(I32).in(entry);
    ir.ret(entry, add.getResult(0));
    assertEquals("", render(ir.verify(m.op())));
  }

  @Test
  void returnOutsideFunctionWithCurrentOperationNote() {
    ModuleOp m = ir.module();
    ir.ret(m.body());
    assertEquals("2: error: 'func.return' op expects parent op 'func.func'\n"
        + "2: note: see current operation: \"func.return\"() : () -> ()\n", render(ir.verify(m.op())));
  }

  @Test
  void multiLineOpsInNotesStartOnTheirOwnLine() {
    ModuleOp m = ir.module();
    m.op().setAttr("foo", dev.dyad.ir.attr.IntegerAttr.i64(1));
    assertEquals("1: error: 'builtin.module' op can only contain attributes with dialect-prefixed names, found: 'foo'\n"
        + "1: note: see current operation: \n\"builtin.module\"() ({\n^bb0:\n}) {foo = 1 : i64} : () -> ()\n",
        render(ir.verify(m.op())));
  }

  @Test
  void noteCanBeTurnedOffAsUnderVerifyDiagnostics() {
    ModuleOp m = ir.module();
    ir.ret(m.body());
    assertEquals("2: error: 'func.return' op expects parent op 'func.func'\n", render(ir.verifyQuietly(m.op())));
  }

  @Test
  void terminatorMustBeLast() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    ir.ret(f.entryBlock());
    ir.op("test.a").in(f.entryBlock());
    assertEquals(List.of("'func.return' op must be the last operation in the parent block"), errors(ir.verify(m.op())));
  }

  @Test
  void emptyBlockNeedsATerminatorAndIsReportedAtTheRegionOwner() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    ir.ret(f.entryBlock());
    f.body().addBlock();
    assertEquals("2: error: empty block: expect at least a terminator\n", render(ir.verify(m.op())));
  }

  @Test
  void blockWithoutTerminatorShowsTheLastOp() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(I32), List.of()));
    UnrealizedConversionCastOp cast = UnrealizedConversionCastOp.create(ir.ctx, ir.loc(),
        List.of(f.entryBlock().getArgument(0)), List.of(I64));
    f.entryBlock().append(cast.op());
    String op = "%0 = \"builtin.unrealized_conversion_cast\"(%arg0) : (i32) -> i64";
    assertEquals("3: error: block with no terminator, has " + op + "\n3: note: see current operation: " + op + "\n",
        render(ir.verify(m.op())));
  }

  @Test
  void unregisteredOpsMayEndABlockAndOwnBlocksWithoutTerminator() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(I32), List.of()));
    Operation r = ir.op("test.r").regions(1).in(f.entryBlock());
    Value a = f.entryBlock().getArgument(0);
    ir.op("ods.addi").operands(a, a).results(I32).in(r.getRegion(0).front());
    ir.op("test.a").in(f.entryBlock());
    assertEquals("", render(ir.verify(m.op())));
  }

  @Test
  void successorsOnlyOnTheLastOp() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Block next = f.body().addBlock();
    ir.op("test.br").successors(next).in(f.entryBlock());
    ir.op("test.a").in(f.entryBlock());
    ir.ret(next);
    assertEquals(List.of("operation with block successors must terminate its parent block"), errors(ir.verify(m.op())));
  }

  @Test
  void entryBlockMayNotHavePredecessors() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Operation r = ir.op("test.r").regions(1).in(f.entryBlock());
    Block inner = r.getRegion(0).front();
    ir.op("test.br").successors(inner).in(inner);
    ir.ret(f.entryBlock());
    assertEquals("3: error: entry block of region may not have predecessors\n", render(ir.verify(m.op())));
  }

  @Test
  void branchingIntoAnotherRegion() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Operation r = ir.op("test.r").regions(1).in(f.entryBlock());
    Block second = r.getRegion(0).addBlock();
    ir.op("test.a").in(r.getRegion(0).front());
    ir.op("test.a").in(second);
    ir.op("test.br").successors(second).in(f.entryBlock());
    assertEquals(List.of("'test.br' op branching to block of a different region"), errors(ir.verify(m.op())));
  }

  @Test
  void registeredSuccessorOutsideItsRegion() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Operation r = ir.op("test.r").regions(1).in(f.entryBlock());
    Block second = r.getRegion(0).addBlock();
    ir.op("test.a").in(r.getRegion(0).front());
    ir.op("test.a").in(second);
    ir.op("ods.br").successors(second).in(f.entryBlock());
    assertEquals(List.of("reference to block defined in another region"), errors(ir.verify(m.op())));
  }

  @Test
  void graphRegionsHaveAtMostOneBlock() {
    ModuleOp m = ir.module();
    Operation g = ir.op("ods.graph").regions(1).in(m.body());
    g.getRegion(0).addBlock();
    assertEquals(List.of("'ods.graph' op expects graph region #0 to have 0 or 1 blocks"), errors(ir.verify(m.op())));
  }

  @Test
  void moduleBodyIsOneBlock() {
    ModuleOp m = ir.module();
    m.op().getRegion(0).addBlock();
    assertEquals(List.of("'builtin.module' op expects region #0 to have 0 or 1 blocks"), errors(ir.verify(m.op())));
  }

  @Test
  void unregisteredDialectNeedsPermission() {
    ir.ctx.setAllowUnregisteredDialects(false);
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    ir.op("foo.bar").in(f.entryBlock());
    ir.ret(f.entryBlock());
    assertEquals(List.of("'foo.bar' op created with unregistered dialect. If this is intended, please call "
        + "allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool "
        + "used"), errors(ir.verify(m.op())));
  }

  @Test
  void unknownOpOfARegisteredDialectIsAlwaysAnError() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    ir.op("func.bogus").in(f.entryBlock());
    ir.ret(f.entryBlock());
    assertEquals("3: error: unregistered operation 'func.bogus' found in dialect ('func') that does not allow unknown "
        + "operations\n3: note: see current operation: \"func.bogus\"() : () -> ()\n", render(ir.verify(m.op())));
  }

  @Test
  void isolatedRegionsCannotUseOuterValues() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(I32), List.of()));
    ModuleOp inner = ir.module();
    f.entryBlock().append(inner.op());
    ir.op("test.use").operands(f.entryBlock().getArgument(0)).in(inner.body());
    ir.ret(f.entryBlock());
    assertEquals("4: error: 'test.use' op using value defined outside the region\n"
        + "4: note: see current operation: \"test.use\"(<<UNKNOWN SSA VALUE>>) : (i32) -> ()\n"
        + "3: note: required by region isolation constraints\n", render(ir.verify(m.op())));
  }

  @Test
  void isolationLooksThroughNestedNonIsolatedRegions() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(I32), List.of()));
    Operation r = ir.op("test.r").regions(1).in(f.entryBlock());
    FuncOp g = FuncOp.create(ir.ctx, ir.loc(), "g", fn(List.of(), List.of()));
    r.getRegion(0).front().append(g.op());
    Operation r2 = ir.op("test.r2").regions(1).in(g.entryBlock());
    ir.op("test.use").operands(f.entryBlock().getArgument(0)).in(r2.getRegion(0).front());
    ir.ret(g.entryBlock());
    ir.ret(f.entryBlock());
    List<Diagnostic> d = ir.verify(m.op());
    assertEquals(List.of("'test.use' op using value defined outside the region"), errors(d));
    assertEquals(4, d.get(0).notes().get(1).location().filePosition().line());
  }

  @Test
  void redefinedSymbolPointsAtTheFirstDefinition() {
    ModuleOp m = ir.module();
    FuncOp a = FuncOp.declare(ir.ctx, ir.loc(), "a", fn(List.of(), List.of()));
    a.setVisibility("private");
    m.push(a.op());
    FuncOp b = FuncOp.declare(ir.ctx, ir.loc(), "a", fn(List.of(), List.of()));
    b.setVisibility("private");
    m.push(b.op());
    assertEquals("3: error: redefinition of symbol named 'a'\n"
        + "3: note: see current operation: \n\"func.func\"() <{function_type = () -> (), sym_name = \"a\", "
        + "sym_visibility = \"private\"}> ({\n}) : () -> ()\n"
        + "2: note: see existing symbol definition here\n", render(ir.verify(m.op())));
  }

  @Test
  void unregisteredOpsWithSymbolNamesAreSymbolsToo() {
    ModuleOp m = ir.module();
    ir.op("test.sym").attr("sym_name", dev.dyad.ir.attr.StringAttr.of("a")).in(m.body());
    ir.op("test.sym").attr("sym_name", dev.dyad.ir.attr.StringAttr.of("a")).in(m.body());
    assertEquals(List.of("redefinition of symbol named 'a'"), errors(ir.verify(m.op())));
  }

  @Test
  void oneErrorPerIsolatedOpAndTheirParentStops() {
    ModuleOp m = ir.module();
    FuncOp g = ir.func(m, "g", fn(List.of(FloatType.F32), List.of()));
    Value a = g.entryBlock().getArgument(0);
    ir.op("ods.addi").operands(a, a).results(FloatType.F32).in(g.entryBlock());
    ir.ret(g.entryBlock());
    FuncOp h = ir.func(m, "h", fn(List.of(FloatType.F32), List.of()));
    Value b = h.entryBlock().getArgument(0);
    ir.op("ods.addi").operands(b, b).results(FloatType.F32).in(h.entryBlock());
    ir.op("ods.addi").operands(b, b).results(FloatType.F32).in(h.entryBlock());
    ir.ret(h.entryBlock());
    // A duplicate symbol would be found by the module's region verifier, which failures skip.
    FuncOp dup = ir.func(m, "g", fn(List.of(), List.of()));
    ir.ret(dup.entryBlock());
    List<Diagnostic> d = ir.verify(m.op());
    assertEquals(List.of("'ods.addi' op operand #0 must be signless-integer-like, but got 'f32'",
        "'ods.addi' op operand #0 must be signless-integer-like, but got 'f32'"), errors(d));
    assertEquals(3, d.get(0).location().filePosition().line());
    assertEquals(6, d.get(1).location().filePosition().line());
  }

  @Test
  void failingNestedIsolatedOpStopsItsParentRightThere() {
    ModuleOp m = ir.module();
    FuncOp k = ir.func(m, "k", fn(List.of(FloatType.F32), List.of()));
    Operation r = ir.op("test.r").regions(1).in(k.entryBlock());
    FuncOp h = FuncOp.create(ir.ctx, ir.loc(), "h", fn(List.of(FloatType.F32), List.of()));
    r.getRegion(0).front().append(h.op());
    Value b = h.entryBlock().getArgument(0);
    ir.op("ods.addi").operands(b, b).results(FloatType.F32).in(h.entryBlock());
    ir.ret(h.entryBlock());
    Value a = k.entryBlock().getArgument(0);
    ir.op("ods.addi").operands(a, a).results(FloatType.F32).in(k.entryBlock());
    ir.ret(k.entryBlock());
    List<Diagnostic> d = ir.verify(m.op());
    assertEquals(1, d.size());
    assertEquals(5, d.get(0).location().filePosition().line());
    assertEquals("see current operation: %0 = \"ods.addi\"(%arg0, %arg0) : (f32, f32) -> f32",
        d.get(0).notes().get(0).message());
  }

  @Test
  void moduleLevelOpsAreVerifiedBeforeTheFunctions() {
    ModuleOp m = ir.module();
    FuncOp g = ir.func(m, "g", fn(List.of(FloatType.F32), List.of()));
    Value a = g.entryBlock().getArgument(0);
    ir.op("ods.addi").operands(a, a).results(FloatType.F32).in(g.entryBlock());
    ir.ret(g.entryBlock());
    ir.ret(m.body());
    assertEquals(List.of("'func.return' op expects parent op 'func.func'"), errors(ir.verify(m.op())));
  }

  @Test
  void verifyingANestedOpDirectlyWorks() {
    ModuleOp m = ir.module();
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    ir.ret(f.entryBlock());
    assertTrue(Verifier.verify(ir.ctx, f.op()));
  }
}

package dev.dyad.dialect.func;

import static dev.dyad.ir.IrFixture.errors;
import static dev.dyad.ir.IrFixture.fn;
import static dev.dyad.ir.IrFixture.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.builtin.UnrealizedConversionCastOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.Operation;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.SymbolRefAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** func.func, func.return, func.call and the builtin ops, with mlir-opt-22's messages. */
class FuncDialectTest {
  private static final Type I32 = IntegerType.I32;
  private static final Type I64 = IntegerType.I64;

  private final IrFixture ir = new IrFixture();
  private final ModuleOp m = ir.module();

  private FuncOp declare(String name, List<Type> in, List<Type> out) {
    FuncOp f = FuncOp.declare(ir.ctx, ir.loc(), name, fn(in, out));
    f.setVisibility("private");
    m.push(f.op());
    return f;
  }

  private List<String> verify() {
    return errors(ir.verify(m.op()));
  }

  @Test
  void printsLikeMlirOpt() {
    FuncOp f = ir.func(m, "f", fn(List.of(I32), List.of(I32)));
    ir.ret(f.entryBlock(), f.entryBlock().getArgument(0));
    declare("g", List.of(), List.of());
    assertEquals("""
        "builtin.module"() ({
          "func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
          ^bb0(%arg0: i32):
            "func.return"(%arg0) : (i32) -> ()
          }) : () -> ()
          "func.func"() <{function_type = () -> (), sym_name = "g", sym_visibility = "private"}> ({
          }) : () -> ()
        }) : () -> ()

        """, OperationPrinter.printTopLevel(m.op(), PrintOptions.DEFAULT));
    assertEquals(List.of(), verify());
  }

  // ---- func.func ------------------------------------------------------------------------------

  @Test
  void entryBlockMustMatchTheSignature() {
    FuncOp f = FuncOp.declare(ir.ctx, ir.loc(), "f", fn(List.of(I32), List.of()));
    m.push(f.op());
    ir.ret(f.body().addBlock());
    assertEquals(List.of("'func.func' op entry block must have 1 arguments to match function signature"), verify());

    f.entryBlock().addArgument(I64, ir.loc());
    assertEquals(List.of("'func.func' op type of entry block argument #0('i64') must match the type of the "
        + "corresponding argument in function signature('i32')"), verify());
  }

  @Test
  void externalFunctionsHaveNoBodyAndMayNotBePublic() {
    FuncOp f = FuncOp.declare(ir.ctx, ir.loc(), "a", fn(List.of(), List.of()));
    m.push(f.op());
    assertEquals(List.of("'func.func' op symbol declaration cannot have public visibility"), verify());
    f.setVisibility("private");
    assertEquals(List.of(), verify());
    f.setVisibility("bogus");
    assertEquals(List.of("'func.func' op visibility expected to be one of [\"public\", \"private\", \"nested\"], but "
        + "got \"bogus\""), verify());
  }

  @Test
  void argumentAndResultAttributes() {
    FuncOp f = declare("f", List.of(I32), List.of(I32));
    f.op().setProperty("arg_attrs", new ArrayAttr(List.of(DictionaryAttr.EMPTY, DictionaryAttr.EMPTY)));
    assertEquals(List.of("'func.func' op expects argument attribute array to have the same number of elements as the "
        + "number of function arguments, got 2, but expected 1"), verify());
    f.op().setProperty("arg_attrs", new ArrayAttr(List.of(DictionaryAttr.EMPTY.with("a", IntegerAttr.i64(1)))));
    assertEquals(List.of("'func.func' op arguments may only have dialect attributes"), verify());
    f.op().setProperty("arg_attrs", new ArrayAttr(List.of(DictionaryAttr.EMPTY.with("foo.a", UnitAttr.INSTANCE))));
    f.op().setProperty("res_attrs", new ArrayAttr(List.of()));
    assertEquals(List.of("'func.func' op expects result attribute array to have the same number of elements as the "
        + "number of function results, got 0, but expected 1"), verify());
    f.op().setProperty("res_attrs", new ArrayAttr(List.of(DictionaryAttr.EMPTY.with("a", UnitAttr.INSTANCE))));
    assertEquals(List.of("'func.func' op results may only have dialect attributes"), verify());
    f.op().setProperty("res_attrs", new ArrayAttr(List.of(IntegerAttr.i64(1))));
    assertEquals(List.of("'func.func' op attribute 'res_attrs' failed to satisfy constraint: Array of dictionary "
        + "attributes"), verify());
  }

  @Test
  void requiredPropertiesAndTheirConstraints() {
    FuncOp f = declare("f", List.of(), List.of());
    f.op().setProperty("function_type", new TypeAttr(I32));
    assertEquals(List.of("'func.func' op attribute 'function_type' failed to satisfy constraint: type attribute of "
        + "function type"), verify());
    f.op().setProperties(DictionaryAttr.EMPTY.with("sym_visibility", StringAttr.of("private")));
    assertEquals(List.of("'func.func' op requires attribute 'function_type'"), verify());
    f.op().setProperty("function_type", new TypeAttr(fn(List.of(), List.of())));
    assertEquals(List.of("'func.func' op requires attribute 'sym_name'"), verify());
  }

  @Test
  void functionsNeedOneRegionAndASymbolTableParent() {
    Operation noRegion = ir.op("func.func").prop("sym_name", StringAttr.of("f"))
        .prop("function_type", new TypeAttr(fn(List.of(), List.of()))).in(m.body());
    assertEquals(List.of("'func.func' op requires one region"), verify());
    noRegion.erase();

    FuncOp outer = ir.func(m, "outer", fn(List.of(), List.of()));
    FuncOp inner = FuncOp.declare(ir.ctx, ir.loc(), "inner", fn(List.of(), List.of()));
    inner.setVisibility("private");
    outer.entryBlock().append(inner.op());
    ir.ret(outer.entryBlock());
    assertEquals(List.of("'func.func' op symbol's parent must have the SymbolTable trait"), verify());
  }

  // ---- func.return ----------------------------------------------------------------------------

  @Test
  void returnMatchesTheFunctionResults() {
    FuncOp f = ir.func(m, "f", fn(List.of(I32), List.of()));
    Value a = f.entryBlock().getArgument(0);
    Operation ret = ir.ret(f.entryBlock(), a, a);
    assertEquals(List.of("'func.return' op has 2 operands, but enclosing function (@f) returns 0"), verify());

    ret.erase();
    FuncOp g = ir.func(m, "g", fn(List.of(I64), List.of(I32)));
    ir.ret(g.entryBlock(), g.entryBlock().getArgument(0));
    ir.ret(f.entryBlock());
    assertEquals("5: error: type of return operand 0 ('i64') doesn't match function result type ('i32') in function "
        + "@g\n5: note: see current operation: \"func.return\"(%arg0) : (i64) -> ()\n", render(ir.verify(m.op())));
  }

  @Test
  void returnInsideANestedRegionHasTheWrongParent() {
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Operation r = ir.op("test.r").regions(1).in(f.entryBlock());
    ir.ret(r.getRegion(0).front());
    ir.ret(f.entryBlock());
    assertEquals(List.of("'func.return' op expects parent op 'func.func'"), verify());
  }

  // ---- func.call ------------------------------------------------------------------------------

  private Operation call(Block b, String callee, List<Value> args, List<Type> results) {
    Operation op = CallOp.create(ir.ctx, ir.loc(), callee, args, results).op();
    b.append(op);
    return op;
  }

  /** A call inserted before the block's terminator. */
  private Operation callBeforeEnd(Block b, String callee, List<Value> args, List<Type> results) {
    Operation op = CallOp.create(ir.ctx, ir.loc(), callee, args, results).op();
    b.insertBefore(b.back(), op);
    return op;
  }

  @Test
  void callsAreCheckedAgainstTheCallee() {
    declare("g", List.of(I32), List.of(I32, FloatType.F32));
    FuncOp f = ir.func(m, "f", fn(List.of(I32, I64), List.of()));
    Block b = f.entryBlock();
    Value a = b.getArgument(0);
    Value wide = b.getArgument(1);
    ir.ret(b);
    Operation c = callBeforeEnd(b, "nope", List.of(), List.of());
    assertEquals(List.of("'func.call' op 'nope' does not reference a valid function"), verify());
    c.erase();

    c = callBeforeEnd(b, "g", List.of(), List.of(I32, FloatType.F32));
    assertEquals(List.of("'func.call' op incorrect number of operands for callee"), verify());
    c.erase();

    c = callBeforeEnd(b, "g", List.of(wide), List.of(I32, FloatType.F32));
    assertEquals(List.of("'func.call' op operand type mismatch: expected operand type 'i32', but provided 'i64' for "
        + "operand number 0"), verify());
    c.erase();

    c = callBeforeEnd(b, "g", List.of(a), List.of());
    assertEquals(List.of("'func.call' op incorrect number of results for callee"), verify());
    c.erase();

    c = callBeforeEnd(b, "g", List.of(a), List.of(I32, I64));
    List<Diagnostic> d = ir.verify(m.op());
    assertEquals(List.of("'func.call' op result type mismatch at index 1"), errors(d));
    assertEquals("see current operation: %0:2 = \"func.call\"(%arg0) <{callee = @g}> : (i32) -> (i32, i64)\n"
        + "      op result types: 'i32', 'i64'\n"
        + "function result types: 'i32', 'f32'",
        String.join("\n", d.get(0).notes().stream().map(Diagnostic::message).toList()));
    c.erase();

    c = callBeforeEnd(b, "g", List.of(a), List.of(I32, FloatType.F32));
    assertEquals(List.of(), verify());
  }

  @Test
  void calleesResolveInTheNearestSymbolTableOnly() {
    declare("inner", List.of(), List.of());
    ModuleOp nested = ir.module();
    m.push(nested.op());
    FuncOp g = FuncOp.create(ir.ctx, ir.loc(), "g", fn(List.of(), List.of()));
    nested.push(g.op());
    call(g.entryBlock(), "inner", List.of(), List.of());
    ir.ret(g.entryBlock());
    assertEquals(List.of("'func.call' op 'inner' does not reference a valid function"), verify());
  }

  @Test
  void unregisteredSingleRegionOpsMightBeSymbolTables() {
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Operation sym = ir.op("test.sym").regions(1).attr("sym_name", StringAttr.of("s")).in(f.entryBlock());
    FuncOp inner = FuncOp.declare(ir.ctx, ir.loc(), "inner", fn(List.of(), List.of()));
    inner.setVisibility("private");
    sym.getRegion(0).front().append(inner.op());
    Operation r = ir.op("test.r").regions(1).in(sym.getRegion(0).front());
    call(r.getRegion(0).front(), "inner", List.of(), List.of());
    ir.ret(f.entryBlock());
    assertEquals(List.of("'func.call' op 'inner' does not reference a valid function"), verify());
  }

  /** mlir-opt-22: a call inside a one-region op of an unknown dialect is not resolved... */
  @Test
  void lookupStopsAtOneRegionUnregisteredOps() {
    declare("inner", List.of(), List.of());
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Operation r = ir.op("xx.r").regions(1).in(f.entryBlock());
    call(r.getRegion(0).front(), "inner", List.of(), List.of());
    ir.ret(f.entryBlock());
    assertEquals(List.of("'func.call' op 'inner' does not reference a valid function"), verify());
  }

  /** ...while in a two-region one it is (such an op cannot be a symbol table). */
  @Test
  void lookupPassesMultiRegionUnregisteredOps() {
    declare("inner", List.of(), List.of());
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Operation r = ir.op("xx.r").regions(2).in(f.entryBlock());
    call(r.getRegion(0).front(), "inner", List.of(), List.of());
    ir.ret(f.entryBlock());
    assertEquals(List.of(), verify());
  }

  @Test
  void calleeMustBeAFunction() {
    ModuleOp named = ir.module();
    named.op().setProperty("sym_name", StringAttr.of("mod"));
    m.push(named.op());
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    call(f.entryBlock(), "mod", List.of(), List.of());
    ir.ret(f.entryBlock());
    assertEquals(List.of("'func.call' op 'mod' does not reference a valid function"), verify());
  }

  @Test
  void symbolUsesAreCheckedInStackOrderAfterAllFunctions() {
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    call(f.entryBlock(), "b", List.of(), List.of());
    call(f.entryBlock(), "c", List.of(), List.of());
    ir.ret(f.entryBlock());
    assertEquals(List.of("'func.call' op 'b' does not reference a valid function"), verify());

    Operation r1 = ir.op("test.r").regions(1).in(m.body());
    call(r1.getRegion(0).front(), "x", List.of(), List.of());
    Operation r2 = ir.op("test.r").regions(1).in(m.body());
    call(r2.getRegion(0).front(), "y", List.of(), List.of());
    f.op().erase();
    assertEquals(List.of("'func.call' op 'y' does not reference a valid function"), verify());
  }

  @Test
  void calleeMustBeAFlatReference() {
    FuncOp f = ir.func(m, "f", fn(List.of(), List.of()));
    Operation c = call(f.entryBlock(), "g", List.of(), List.of());
    c.setProperty("callee", new SymbolRefAttr("m", List.of("g")));
    ir.ret(f.entryBlock());
    assertEquals(List.of("'func.call' op attribute 'callee' failed to satisfy constraint: flat symbol reference "
        + "attribute"), verify());
  }

  // ---- builtin --------------------------------------------------------------------------------

  @Test
  void moduleChecks() {
    m.body().addArgument(I32, ir.loc());
    assertEquals(List.of("'builtin.module' op region should have no arguments"), verify());
    assertEquals(List.of("'builtin.module' op region #0 ('bodyRegion') failed to verify constraint: region with 1 "
        + "blocks"), errors(ir.verify(ir.op("builtin.module").emptyRegions(1).build())));
    assertEquals(List.of("'builtin.module' op requires one region"), errors(ir.verify(ir.op("builtin.module").build())));
    ModuleOp ok = ir.module();
    ok.op().setAttr("dlti.spec", UnitAttr.INSTANCE);
    assertEquals(List.of(), errors(ir.verify(ok.op())));
  }

  @Test
  void moduleNamesAreSymbols() {
    ModuleOp a = ir.module();
    a.op().setProperty("sym_name", StringAttr.of("a"));
    m.push(a.op());
    FuncOp f = ir.func(m, "a", fn(List.of(), List.of()));
    ir.ret(f.entryBlock());
    assertEquals(List.of("redefinition of symbol named 'a'"), verify());
  }

  @Test
  void unrealizedConversionCast() {
    Operation none = UnrealizedConversionCastOp.create(ir.ctx, ir.loc(), List.of(), List.of()).op();
    m.push(none);
    assertEquals(List.of("'builtin.unrealized_conversion_cast' op expected at least one result for cast operation"),
        verify());
    none.erase();
    Operation withRegion = ir.op("builtin.unrealized_conversion_cast").results(I32).regions(1).in(m.body());
    assertEquals(List.of("'builtin.unrealized_conversion_cast' op requires zero regions"), verify());
    withRegion.erase();
    m.push(UnrealizedConversionCastOp.create(ir.ctx, ir.loc(), List.of(), List.of(I32)).op());
    assertEquals(List.of(), verify());
  }
}

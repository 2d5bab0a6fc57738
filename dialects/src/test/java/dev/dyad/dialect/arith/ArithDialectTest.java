package dev.dyad.dialect.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** arith's attributes, verifiers and fold hooks, with the results mlir-opt-22 gives. */
class ArithDialectTest {
  private final IrFixture ir = new IrFixture(new ArithDialect());
  private final ModuleOp module = ir.module();
  private final Block body = module.body();
  private final Builder b = new Builder(ir.ctx);

  {
    b.setInsertionPointToEnd(body);
  }

  private Value arg(Type t) {
    return ir.op("test.arg").results(t).in(body).getResult(0);
  }

  private Value constant(Attribute value) {
    return ConstantOp.create(b, ir.loc(), value).result();
  }

  private static FoldResult fold(Operation op, Attribute... operands) {
    return op.getName().getDef().fold(op, Arrays.asList(operands));
  }

  private static Attribute foldedConstant(FoldResult r) {
    assertEquals(FoldResult.Status.REPLACED, r.status());
    return r.results().get(0).attribute();
  }

  private static String print(Attribute a) {
    return AsmPrinter.toString(a);
  }

  // ---- attributes -----------------------------------------------------------------------------

  @Test
  void flagAttributesParseAnyOrderAndPrintLikeMlirOpt() {
    ArithDialect d = new ArithDialect();
    assertEquals("#arith.overflow<nsw, nuw>", print(d.parseAttribute("overflow<nuw,nsw>")));
    assertEquals("#arith.overflow<none>", print(d.parseAttribute("overflow<none>")));
    assertEquals("#arith.fastmath<nnan,ninf,afn>", print(d.parseAttribute("fastmath<afn, nnan,ninf>")));
    assertEquals("#arith.fastmath<fast>", print(d.parseAttribute("fastmath<reassoc,nnan,ninf,nsz,arcp,contract,afn>")));
    assertEquals("#arith.fastmath<fast>", print(d.parseAttribute("fastmath<fast,nnan>")));
    assertNull(d.parseAttribute("overflow<bogus>"));
    assertNull(d.parseAttribute("cmpi<eq>"));
  }

  // ---- verifiers ------------------------------------------------------------------------------

  @Test
  void verifiersReportMlirsMessages() {
    Value i32 = arg(IntegerType.I32);
    Value i64 = arg(IntegerType.I64);
    ir.op(CmpIOp.NAME).operands(i32, i64).prop("predicate", IntegerAttr.i64(1)).results(IntegerType.I1).in(body);
    assertEquals(List.of("'arith.cmpi' op requires all operands to have the same type"), errors());
    ir.op(IndexCastOp.NAME).operands(i64).results(IntegerType.I32).in(body);
    assertEquals(List.of("'arith.index_cast' op operand type 'i64' and result type 'i32' are cast incompatible"),
        errors());
    ir.op(ConstantOp.NAME).prop("value", IntegerAttr.of(1, IntegerType.I64)).results(IntegerType.I32).in(body);
    assertEquals(List.of("'arith.constant' op failed to verify that all of {value, result} have same type"),
        errors());
    ir.op(SelectOp.NAME).operands(i32, i32, i32).results(IntegerType.I32).in(body);
    assertEquals(List.of("'arith.select' op operand #0 must be bool-like, but got 'i32'"), errors());
  }

  private List<String> errors() {
    List<String> out = IrFixture.errors(ir.verifyQuietly(module.op()));
    body.back().erase();
    return out;
  }

  @Test
  void createdOpsVerifyWithDefaultProperties() {
    Value x = arg(IntegerType.I32);
    AddIOp add = AddIOp.create(b, ir.loc(), x, x);
    assertEquals(IntegerOverflowFlagsAttr.NONE, add.overflowFlags());
    CmpFOp cmp = CmpFOp.create(b, ir.loc(), CmpFPredicate.OLT, arg(FloatType.F32), arg(FloatType.F32));
    assertEquals(IntegerType.I1, cmp.result().getType());
    assertTrue(IrFixture.errors(ir.verifyQuietly(module.op())).isEmpty());
  }

  // ---- folds ----------------------------------------------------------------------------------

  @Test
  void integerConstantsFoldWithWrapAround() {
    Value x = arg(IntegerType.I8);
    IntegerAttr max = IntegerAttr.of(127, IntegerType.I8);
    IntegerAttr one = IntegerAttr.of(1, IntegerType.I8);
    Operation add = AddIOp.create(b, ir.loc(), x, x).op();
    assertEquals(IntegerAttr.of(-128, IntegerType.I8), foldedConstant(fold(add, max, one)));
    Operation mul = MulIOp.create(b, ir.loc(), x, x).op();
    assertEquals(IntegerAttr.of(1, IntegerType.I8), foldedConstant(fold(mul, max, max)));
  }

  @Test
  void identitiesFoldToExistingValues() {
    Value x = arg(IntegerType.I32);
    Value zero = constant(IntegerAttr.of(0, IntegerType.I32));
    IntegerAttr zeroAttr = IntegerAttr.of(0, IntegerType.I32);
    assertSame(x, fold(AddIOp.create(b, ir.loc(), x, zero).op(), null, zeroAttr).results().get(0).value());
    assertSame(zero, fold(MulIOp.create(b, ir.loc(), x, zero).op(), null, zeroAttr).results().get(0).value());
    assertEquals(zeroAttr, foldedConstant(fold(SubIOp.create(b, ir.loc(), x, x).op(), null, null)));
    Operation sub = SubIOp.create(b, ir.loc(), x, zero).op();
    Operation addBack = AddIOp.create(b, ir.loc(), sub.getResult(0), zero).op();
    assertSame(sub.getResult(0), fold(addBack, null, zeroAttr).results().get(0).value());
  }

  @Test
  void undefinedDivisionsDoNotFold() {
    Value x = arg(IntegerType.I8);
    Operation div = DivSIOp.create(b, ir.loc(), x, x).op();
    IntegerAttr min = IntegerAttr.of(-128, IntegerType.I8);
    assertTrue(fold(div, min, IntegerAttr.of(-1, IntegerType.I8)).failed());
    assertTrue(fold(div, min, IntegerAttr.of(0, IntegerType.I8)).failed());
    assertEquals(IntegerAttr.of(-42, IntegerType.I8),
        foldedConstant(fold(div, IntegerAttr.of(-85, IntegerType.I8), IntegerAttr.of(2, IntegerType.I8))));
  }

  @Test
  void floatFoldsFollowApFloat() {
    Value f = arg(FloatType.F32);
    Operation sub = SubFOp.create(b, ir.loc(), f, f).op();
    FloatAttr inf = FloatAttr.f32(Float.POSITIVE_INFINITY);
    // inf - inf is the positive default NaN, as APFloat gives (x86 would give a negative one).
    assertEquals(new FloatAttr(0x7FC0_0000L, FloatType.F32), foldedConstant(fold(sub, inf, inf)));
    FloatAttr signalingNegative = new FloatAttr(0xFF80_0001L, FloatType.F32);
    // A NaN operand propagates, quieted, with its sign.
    assertEquals(new FloatAttr(0xFFC0_0001L, FloatType.F32),
        foldedConstant(fold(sub, FloatAttr.f32(1), signalingNegative)));
    Operation add = AddFOp.create(b, ir.loc(), f, f).op();
    assertSame(f, fold(add, null, FloatAttr.f32(-0.0f)).results().get(0).value());
    assertTrue(fold(add, null, FloatAttr.f32(0.0f)).failed(), "x + 0.0 is not x when x is -0.0");
  }

  @Test
  void comparisonsFold() {
    Value x = arg(IntegerType.I32);
    CmpIOp cmp = CmpIOp.create(b, ir.loc(), CmpIPredicate.SLE, x, x);
    assertEquals(IntegerAttr.TRUE, foldedConstant(fold(cmp.op(), null, null)));
    Value c = constant(IntegerAttr.of(5, IntegerType.I32));
    CmpIOp swapped = CmpIOp.create(b, ir.loc(), CmpIPredicate.SLT, c, x);
    assertTrue(fold(swapped.op(), IntegerAttr.of(5, IntegerType.I32), null).isInPlace());
    assertEquals(CmpIPredicate.SGT, swapped.predicate());
    assertSame(x, swapped.lhs());
    CmpIOp unsigned = CmpIOp.create(b, ir.loc(), CmpIPredicate.ULT, x, arg(IntegerType.I32));
    assertEquals(IntegerAttr.TRUE, foldedConstant(fold(unsigned.op(), IntegerAttr.of(1, IntegerType.I32),
        IntegerAttr.of(-1, IntegerType.I32))));
    Value f = arg(FloatType.F64);
    CmpFOp uno = CmpFOp.create(b, ir.loc(), CmpFPredicate.UNO, f, f);
    assertEquals(IntegerAttr.TRUE, foldedConstant(fold(uno.op(), null, FloatAttr.f64(Double.NaN))));
  }

  @Test
  void selectsAndCastsFold() {
    Value p = arg(IntegerType.I1);
    Value x = arg(IntegerType.I32);
    Value y = arg(IntegerType.I32);
    Operation select = SelectOp.create(b, ir.loc(), p, x, y).op();
    assertSame(y, fold(select, IntegerAttr.FALSE, null, null).results().get(0).value());
    Value i = arg(IndexType.INSTANCE);
    Operation narrow = IndexCastOp.create(b, ir.loc(), i, IntegerType.I8).op();
    assertEquals(IntegerAttr.of(-1, IntegerType.I8), foldedConstant(fold(narrow, IntegerAttr.of(255,
        IndexType.INSTANCE))));
    Operation ext = ExtUIOp.create(b, ir.loc(), p, IntegerType.I32).op();
    assertEquals(IntegerAttr.of(1, IntegerType.I32), foldedConstant(fold(ext, IntegerAttr.TRUE)));
  }

  @Test
  void materializesOnlyBuildableConstants() {
    ArithDialect d = new ArithDialect();
    assertTrue(d.materializeConstant(b, IntegerAttr.of(3, IntegerType.I16), IntegerType.I16, ir.loc()) != null);
    assertNull(d.materializeConstant(b, IntegerAttr.of(3, IntegerType.I16), IntegerType.I32, ir.loc()));
    IntegerType si8 = new IntegerType(8, IntegerType.Signedness.SIGNED);
    assertNull(d.materializeConstant(b, IntegerAttr.of(3, si8), si8, ir.loc()));
  }
}

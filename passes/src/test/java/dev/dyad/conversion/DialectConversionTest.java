package dev.dyad.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.arith.AddFOp;
import dev.dyad.dialect.arith.AddIOp;
import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.builtin.UnrealizedConversionCastOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.dialect.func.ReturnOp;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import dev.dyad.rewrite.PatternSet;
import dev.dyad.rewrite.RewritePattern;
import dev.dyad.rewrite.TestIr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legality, partial and full conversion, type conversion with materializations, diagnostics. */
class DialectConversionTest {
  private final Context ctx = TestIr.context();

  private static final String PROGRAM = """
      "func.func"() <{function_type = (i32, i32) -> i32, sym_name = "f"}> ({
      ^bb0(%a: i32, %b: i32):
        %0 = "xx.add"(%a, %b) : (i32, i32) -> i32
        %1 = "xx.add"(%0, %b) : (i32, i32) -> i32
        %2 = "xx.other"(%1) : (i32) -> i32
        "func.return"(%2) : (i32) -> ()
      }) : () -> ()
      """;

  /** xx.add -> arith.addi. */
  private static RewritePattern addToArith() {
    return RewritePattern.of("AddToArith", "xx.add", 1, (op, r) -> {
      r.replaceOpWithNewOp(op, () -> AddIOp.create(r, op.getLoc(), op.getOperand(0), op.getOperand(1)).op());
      return true;
    });
  }

  private static ConversionTarget arithTarget() {
    return new ConversionTarget()
        .addLegalDialect("arith", "func")
        .addLegalOp(ModuleOp.NAME)
        .addIllegalOp("xx.add");
  }

  private List<String> names(Operation m) {
    List<String> out = new ArrayList<>();
    m.walk(op -> out.add(op.getNameString()));
    return out;
  }

  @Test
  void legalityRulesByOpDialectAndUnknown() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    Operation add = m.getRegion(0).front().front().getRegion(0).front().front();
    Operation other = add.getNextNode().getNextNode();
    ConversionTarget target = new ConversionTarget().addIllegalDialect("xx").addLegalOp("xx.other");
    assertEquals(ConversionTarget.Legality.ILLEGAL, target.legality(add));
    assertEquals(ConversionTarget.Legality.LEGAL, target.legality(other));
    assertEquals(ConversionTarget.Legality.UNKNOWN, target.legality(m));
    target.markUnknownOpDynamicallyLegal(op -> op.getNumRegions() > 0);
    assertTrue(target.isLegal(m));
    target.addDynamicallyLegalOp("xx.add", op -> op.getOperand(0) == op.getOperand(1));
    assertTrue(target.isIllegal(add));
    target.addDynamicallyLegalDialect("xx", op -> true);
    assertTrue(target.isIllegal(add), "an op's own rule wins over its dialect's");
  }

  @Test
  void partialConversionLeavesUnknownOps() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    assertTrue(DialectConversion.applyPartialConversion(ctx, m, arithTarget(), new PatternSet().add(addToArith())));
    assertEquals(List.of("arith.addi", "arith.addi", "xx.other", "func.return", "func.func", "builtin.module"),
        names(m));
    TestIr.check(ctx, m);
  }

  @Test
  void fullConversionFailsOnAnOpLeftUnlegalized() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    PatternSet patterns = new PatternSet().add(addToArith(),
        RewritePattern.of("NeverApplies", "xx.other", 1, (op, r) -> false));
    assertFalse(DialectConversion.applyFullConversion(ctx, m, arithTarget(), patterns));
    List<Diagnostic> diags = ctx.diagnostics().takeAll();
    assertEquals(1, diags.size());
    Diagnostic d = diags.get(0);
    assertEquals("failed to legalize operation 'xx.other'", d.message());
    assertEquals(5, ((Location.FileLineCol) d.location()).line());
    assertEquals("patterns tried: NeverApplies", d.notes().get(0).message());
  }

  @Test
  void theNoteGivesTheReasonsPatternsDeclinedWith() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    PatternSet patterns = new PatternSet().add(addToArith(),
        RewritePattern.of("Declines", "xx.other", 2, (op, r) -> r.notifyMatchFailure(op, "not today")),
        RewritePattern.of("NeverApplies", "xx.other", 1, (op, r) -> false));
    assertFalse(DialectConversion.applyFullConversion(ctx, m, arithTarget(), patterns));
    Diagnostic d = ctx.diagnostics().takeAll().get(0);
    assertEquals("patterns tried: Declines (not today), NeverApplies", d.notes().get(0).message());
  }

  @Test
  void partialConversionFailsOnExplicitlyIllegalOps() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    assertFalse(DialectConversion.applyPartialConversion(ctx, m, arithTarget(), new PatternSet()));
    Diagnostic d = ctx.diagnostics().takeAll().get(0);
    assertEquals("failed to legalize operation 'xx.add' that was explicitly marked illegal", d.message());
    assertEquals("no pattern applies to 'xx.add'", d.notes().get(0).message());
  }

  @Test
  void dynamicallyLegalOpsAreConvertedOnlyWhenIllegal() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    ConversionTarget target = arithTarget().addDynamicallyLegalOp("xx.add", op -> op.getOperand(0) != op.getOperand(1)
        && op.getOperand(0).getDefiningOp() == null);
    assertTrue(DialectConversion.applyPartialConversion(ctx, m, target, new PatternSet().add(addToArith())));
    // The first add reads two arguments (legal as it is); the second reads an op result.
    assertEquals(List.of("xx.add", "arith.addi", "xx.other", "func.return", "func.func", "builtin.module"),
        names(m));
  }

  @Test
  void createdOpsAreLegalizedInTurn() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    PatternSet patterns = new PatternSet()
        .add(RewritePattern.of("AddToMid", "xx.add", 1, (op, r) -> {
          OperationState st = r.state("xx.mid", op.getLoc());
          st.addOperands(op.getOperands()).addTypes(op.getResultTypes());
          r.replaceOpWithNewOp(op, st);
          return true;
        }))
        .add(RewritePattern.of("MidToArith", "xx.mid", 1, (op, r) -> {
          r.replaceOpWithNewOp(op, () -> AddIOp.create(r, op.getLoc(), op.getOperand(0), op.getOperand(1)).op());
          return true;
        }));
    ConversionTarget target = arithTarget().addIllegalOp("xx.mid");
    assertTrue(DialectConversion.applyPartialConversion(ctx, m, target, patterns));
    assertFalse(names(m).contains("xx.mid"));
  }

  /** i32 becomes f32 (a toy lowering that exercises the type machinery). */
  private static TypeConverter intToFloat() {
    return new TypeConverter().addIdentityConversion()
        .addConversion(IntegerType.class, t -> t.width() == 32 ? FloatType.F32 : null);
  }

  /** xx.add on i32 -> arith.addf on the converted (f32) operands. */
  private static ConversionPattern addToAddF(TypeConverter tc) {
    return new ConversionPattern("xx.add", 1, tc) {
      @Override
      public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionPatternRewriter r) {
        r.replaceOp(op, AddFOp.create(r, op.getLoc(), operands.get(0), operands.get(1)).op());
        return true;
      }
    };
  }

  /** func.func signatures and entry blocks through the type converter. */
  private static ConversionPattern funcSignature(TypeConverter tc) {
    return new OpConversionPattern<>(FuncOp.NAME, FuncOp::new, tc) {
      @Override
      public boolean matchAndRewrite(FuncOp f, List<Value> operands, ConversionPatternRewriter r) {
        FunctionType type = f.functionType();
        List<Type> inputs = tc.convertTypes(type.inputs());
        List<Type> results = tc.convertTypes(type.results());
        if (inputs == null || results == null || !r.convertRegionTypes(f.body(), tc)) {
          return r.notifyMatchFailure(f.op(), "signature cannot be converted");
        }
        r.modifyInPlace(f.op(), () -> f.op().setProperty("function_type", new TypeAttr(new FunctionType(inputs,
            results))));
        return true;
      }
    };
  }

  /** func.return takes the converted operands. */
  private static ConversionPattern returnOperands(TypeConverter tc) {
    return new ConversionPattern(ReturnOp.NAME, 1, tc) {
      @Override
      public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionPatternRewriter r) {
        r.replaceOpWithNewOp(op, () -> r.insert(ReturnOp.create(r.getContext(), op.getLoc(), operands).op()));
        return true;
      }
    };
  }

  private ConversionTarget typeTarget(TypeConverter tc) {
    return new ConversionTarget()
        .addLegalOp(ModuleOp.NAME, "xx.other")
        .addLegalDialect("arith")
        .addDynamicallyLegalOp(FuncOp.NAME, op -> tc.isSignatureLegal(new FuncOp(op).functionType()))
        .addDynamicallyLegalOp(ReturnOp.NAME, tc::isLegal)
        .addIllegalOp("xx.add");
  }

  @Test
  void typeConversionInsertsMaterializationsWhereConvertedAndUnconvertedMeet() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    TypeConverter tc = intToFloat();
    PatternSet patterns = new PatternSet().add(funcSignature(tc), addToAddF(tc), returnOperands(tc));
    assertTrue(DialectConversion.applyPartialConversion(ctx, m, typeTarget(tc), patterns));
    TestIr.check(ctx, m);
    String out = TestIr.print(m);
    assertTrue(out.contains("function_type = (f32, f32) -> f32"), out);
    // xx.other stays legal on i32: it reads the f32 sum through a cast, and returns through one.
    assertEquals(List.of("arith.addf", "arith.addf", UnrealizedConversionCastOp.NAME, "xx.other",
        UnrealizedConversionCastOp.NAME, "func.return", "func.func", "builtin.module"), names(m));
  }

  @Test
  void userMaterializationsReplaceTheDefaultCast() {
    Operation m = TestIr.parse(ctx, PROGRAM);
    TypeConverter tc = intToFloat()
        .addSourceMaterialization((b, type, inputs, loc) -> {
          OperationState st = b.state("xx.to_int", loc);
          st.addOperands(inputs).addType(type);
          return b.create(st).getResult(0);
        })
        .addTargetMaterialization((b, type, inputs, loc) -> {
          OperationState st = b.state("xx.to_float", loc);
          st.addOperands(inputs).addType(type);
          return b.create(st).getResult(0);
        });
    PatternSet patterns = new PatternSet().add(funcSignature(tc), addToAddF(tc), returnOperands(tc));
    ConversionTarget target = typeTarget(tc).addLegalOp("xx.to_int", "xx.to_float");
    assertTrue(DialectConversion.applyPartialConversion(ctx, m, target, patterns));
    TestIr.check(ctx, m);
    assertEquals(List.of("arith.addf", "arith.addf", "xx.to_int", "xx.other", "xx.to_float", "func.return",
        "func.func", "builtin.module"), names(m));
  }

  @Test
  void unusedMaterializationsAreCleanedUp() {
    Operation m = TestIr.parse(ctx, """
        "func.func"() <{function_type = (i32, i32) -> i32, sym_name = "f"}> ({
        ^bb0(%a: i32, %b: i32):
          %0 = "xx.add"(%a, %b) : (i32, i32) -> i32
          %1 = "xx.add"(%0, %0) : (i32, i32) -> i32
          "func.return"(%1) : (i32) -> ()
        }) : () -> ()
        """);
    TypeConverter tc = intToFloat();
    PatternSet patterns = new PatternSet().add(funcSignature(tc), addToAddF(tc), returnOperands(tc));
    assertTrue(DialectConversion.applyFullConversion(ctx, m, typeTarget(tc), patterns));
    TestIr.check(ctx, m);
    assertFalse(names(m).contains(UnrealizedConversionCastOp.NAME), TestIr.print(m));
  }
}

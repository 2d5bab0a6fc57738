package dev.dyad.ir.ods;

import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.ValueSpec.optional;
import static dev.dyad.ir.ods.ValueSpec.variadic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result-type inference hook: verification against it, building from it, the adaptor. */
class InferTypesTest {
  /** {@code infer.repeat(x, extra?) {times}}: {@code times} results of x's type; extra must be i1. */
  static final OpDefinition REPEAT = OpDefinition.builder("infer.repeat")
      .operand("x", anyType())
      .operand("extra", optional(anyType()))
      .property("times", AttrConstraints.signlessIntegerAttr(64), IntegerAttr.i64(1))
      .result("ys", variadic(anyType()))
      .inferTypes(InferTypesTest::repeat)
      .verify((op, e) -> e.emitOpError(op, "custom rule ran"))
      .build();

  static final Dialect INFER = new Dialect() {
    @Override
    public String namespace() {
      return "infer";
    }

    @Override
    public List<OpDef> ops() {
      return List.of(REPEAT);
    }
  };

  private static List<Type> repeat(OpAdaptor op) {
    Type extra = op.operand("extra");
    if (extra != null && !extra.equals(IntegerType.I1)) {
      throw op.fail("'extra' (operand #" + op.operandIndex("extra") + ") must be i1");
    }
    List<Type> out = new ArrayList<>();
    for (long i = 0; i < ((IntegerAttr) op.property("times")).longValue(); i++) {
      out.add(op.operand("x"));
    }
    return out;
  }

  private final IrFixture ir = new IrFixture(INFER);
  private final ModuleOp module = ir.module();
  private final Block body = module.body();

  private Value arg(Type t) {
    return ir.op("test.arg").results(t).in(body).getResult(0);
  }

  private List<String> errors(Operation op) {
    return IrFixture.errors(ir.verifyQuietly(op));
  }

  @Test
  void verifierComparesTheInferredTypesBeforeTheCustomRule() {
    Value x = arg(IntegerType.I32);
    Operation ok = ir.op("infer.repeat").operands(x).prop("times", IntegerAttr.i64(2))
        .results(IntegerType.I32, IntegerType.I32).build();
    assertEquals(List.of("'infer.repeat' op custom rule ran"), errors(ok));
    Operation one = ir.op("infer.repeat").operands(x).results(IntegerType.I64).build();
    assertEquals(List.of("'infer.repeat' op inferred result type 'i32' does not match 'i64'"), errors(one));
    Operation second = ir.op("infer.repeat").operands(x).prop("times", IntegerAttr.i64(2))
        .results(IntegerType.I32, IntegerType.I8).build();
    assertEquals(List.of("'infer.repeat' op inferred type of result #1 'i32' does not match 'i8'"), errors(second));
    Operation count = ir.op("infer.repeat").operands(x).prop("times", IntegerAttr.i64(3))
        .results(IntegerType.I32).build();
    assertEquals(List.of("'infer.repeat' op inferred 3 result types, but the op has 1 results"), errors(count));
    Operation bad = ir.op("infer.repeat").operands(x, x).results(IntegerType.I32).build();
    assertEquals(List.of("'infer.repeat' op 'extra' (operand #1) must be i1"), errors(bad));
  }

  @Test
  void createInfersTypesAndMaterialisesDefaults() {
    Builder b = new Builder(ir.ctx);
    b.setInsertionPointToEnd(body);
    Value x = arg(IntegerType.I8);
    Operation op = REPEAT.create(b, ir.loc(), List.of(x), DictionaryAttr.EMPTY);
    assertEquals(List.of(IntegerType.I8), op.getResultTypes());
    assertEquals(IntegerAttr.i64(1), op.getProperty("times"));
    assertTrue(op.getBlock() == body);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> REPEAT.create(b, ir.loc(), List.of(x, x), DictionaryAttr.EMPTY));
    assertEquals("'infer.repeat' op 'extra' (operand #1) must be i1", e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> OdsTest.ADD.inferResultTypes(List.of(IntegerType.I8), DictionaryAttr.EMPTY));
  }

  @Test
  void adaptorSeesGroupsAndDefaults() {
    OpAdaptor a = OpAdaptor.of(REPEAT, List.of(IntegerType.I8), DictionaryAttr.EMPTY);
    assertNull(a.operand("extra"));
    assertEquals(List.of(IntegerType.I8), a.operandGroup("x"));
    assertEquals(IntegerAttr.i64(1), a.property("times"));
    assertThrows(IllegalArgumentException.class, () -> a.property("nope"));
    assertTrue(REPEAT.infersTypes());
    assertTrue(REPEAT.describe().contains("infers its result types"));
  }
}

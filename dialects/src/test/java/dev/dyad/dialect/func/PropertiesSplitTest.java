package dev.dyad.dialect.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.PropertiesSplit;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Verifier;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.SymbolRefAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.ods.AttrConstraints;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraints;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.IntegerType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How a parser sorts parsed attributes into properties and discardable attributes, and the
 * errors it reports, checked against what mlir-opt-22 does with the same generic input.
 */
class PropertiesSplitTest {
  private static final Attribute UNIT_FN = new TypeAttr(new FunctionType(List.of(), List.of()));

  private static DictionaryAttr dict(Object... kv) {
    DictionaryAttr d = DictionaryAttr.EMPTY;
    for (int i = 0; i < kv.length; i += 2) {
      d = d.with((String) kv[i], (Attribute) kv[i + 1]);
    }
    return d;
  }

  private static String text(Attribute a) {
    return a == null ? "null" : AsmPrinter.toString(a);
  }

  @Test
  void inherentAttributesMoveOutOfTheAttributeDictionary() {
    // "func.func"() ({}) {sym_name = "f", function_type = () -> (), sym_visibility = "private", other = 1}
    PropertiesSplit s = FuncOp.DEFINITION.splitProperties(null, dict("sym_name", StringAttr.of("f"),
        "function_type", UNIT_FN, "sym_visibility", StringAttr.of("private"), "other", IntegerAttr.i64(1)));
    assertNull(s.error());
    assertEquals("{function_type = () -> (), sym_name = \"f\", sym_visibility = \"private\"}", text(s.properties()));
    assertEquals("{other = 1 : i64}", text(s.attributes()));
  }

  @Test
  void movedAttributesMustSatisfyTheirConstraints() {
    assertEquals("'func.func' op attribute 'sym_name' failed to satisfy constraint: string attribute",
        FuncOp.DEFINITION.splitProperties(null, dict("sym_name", SymbolRefAttr.flat("f"), "function_type", UNIT_FN))
            .error());
    assertEquals("'func.func' op attribute 'no_inline' failed to satisfy constraint: unit attribute",
        FuncOp.DEFINITION.splitProperties(null, dict("sym_name", StringAttr.of("f"), "function_type", UNIT_FN,
            "no_inline", IntegerAttr.i64(1))).error());
    assertEquals("'func.func' op attribute 'arg_attrs' failed to satisfy constraint: Array of dictionary attributes",
        FuncOp.DEFINITION.splitProperties(null, dict("arg_attrs", IntegerAttr.i64(1))).error());
  }

  @Test
  void explicitPropertiesWinAndUnknownNamesAreDropped() {
    // <{function_type = () -> (), sym_name = "f", sym_visibility = "private", bogus = 1}> {sym_name = "g"}
    PropertiesSplit s = FuncOp.DEFINITION.splitProperties(
        dict("function_type", UNIT_FN, "sym_name", StringAttr.of("f"), "sym_visibility", StringAttr.of("private"),
            "bogus", IntegerAttr.i64(1)),
        dict("sym_name", StringAttr.of("g")));
    assertEquals("{function_type = () -> (), sym_name = \"f\", sym_visibility = \"private\"}", text(s.properties()));
    assertEquals("{}", text(s.attributes()));

    // <{function_type = () -> ()}> {sym_name = "g", sym_visibility = "private"}
    s = FuncOp.DEFINITION.splitProperties(dict("function_type", UNIT_FN),
        dict("sym_name", StringAttr.of("g"), "sym_visibility", StringAttr.of("private")));
    assertEquals("{function_type = () -> (), sym_name = \"g\", sym_visibility = \"private\"}", text(s.properties()));
  }

  @Test
  void explicitPropertiesMustFitTheirStorage() {
    assertEquals("invalid properties {function_type = () -> (), sym_name = \"f\", sym_visibility = 1 : i64} for op "
        + "func.func: Invalid attribute `sym_visibility` in property conversion: 1 : i64",
        FuncOp.DEFINITION.splitProperties(dict("function_type", UNIT_FN, "sym_name", StringAttr.of("f"),
            "sym_visibility", IntegerAttr.i64(1)), DictionaryAttr.EMPTY).error());
    assertEquals("invalid properties {callee = @m::@g} for op func.call: Invalid attribute `callee` in property "
        + "conversion: @m::@g",
        CallOp.DEFINITION.splitProperties(dict("callee", new SymbolRefAttr("m", List.of("g"))), DictionaryAttr.EMPTY)
            .error());
    assertEquals("invalid properties {callee = \"g\"} for op func.call: Invalid attribute `callee` in property "
        + "conversion: \"g\"",
        CallOp.DEFINITION.splitProperties(dict("callee", StringAttr.of("g")), DictionaryAttr.EMPTY).error());
    // A TypeAttr fits function_type's storage; the verifier then rejects the non-function type.
    PropertiesSplit s = FuncOp.DEFINITION.splitProperties(
        dict("function_type", new TypeAttr(IntegerType.I32), "sym_name", StringAttr.of("f")), DictionaryAttr.EMPTY);
    assertNull(s.error());
  }

  @Test
  void opsWithoutPropertiesRejectThem() {
    assertEquals("invalid properties {a = 1 : i64} for op func.return: this operation does not support properties",
        ReturnOp.DEFINITION.splitProperties(dict("a", IntegerAttr.i64(1)), DictionaryAttr.EMPTY).error());
    assertEquals("invalid properties {} for op func.return: this operation does not support properties",
        ReturnOp.DEFINITION.splitProperties(DictionaryAttr.EMPTY, DictionaryAttr.EMPTY).error());
    PropertiesSplit s = ReturnOp.DEFINITION.splitProperties(null, dict("a", IntegerAttr.i64(1)));
    assertNull(s.properties());
    assertEquals("{a = 1 : i64}", text(s.attributes()));
  }

  @Test
  void nothingInherentMeansNoProperties() {
    PropertiesSplit s = ModuleOp.DEFINITION.splitProperties(null, dict("dlti.x", UnitAttr.INSTANCE));
    assertNull(s.properties());
    assertEquals("{dlti.x}", text(s.attributes()));
    s = CallOp.DEFINITION.splitProperties(null, dict("callee", SymbolRefAttr.flat("g"), "no_inline", UnitAttr.INSTANCE,
        "arg_attrs", new dev.dyad.ir.attr.ArrayAttr(List.of())));
    assertEquals("{arg_attrs = [], callee = @g, no_inline}", text(s.properties()));
  }

  static final OpDefinition SEGMENTED = OpDefinition.builder("seg.op")
      .operand("a", ValueSpec.variadic(TypeConstraints.index()))
      .operand("b", ValueSpec.variadic(TypeConstraints.index()))
      .property("mode", AttrConstraints.stringAttr(), StringAttr.of("fast"))
      .build();

  @Test
  void segmentSizesAndDefaultsAreMaterialised() {
    PropertiesSplit s = SEGMENTED.splitProperties(null, DictionaryAttr.EMPTY);
    assertEquals("{mode = \"fast\", operandSegmentSizes = array<i32: 0, 0>}", text(s.properties()));
    // Ill-typed segment sizes among the attributes are dropped silently, as MLIR does.
    DenseArrayAttr i64Sizes = new DenseArrayAttr(IntegerType.I64, new long[] {1, 0});
    s = SEGMENTED.splitProperties(null, dict("operandSegmentSizes", i64Sizes));
    assertEquals("{mode = \"fast\", operandSegmentSizes = array<i32: 0, 0>}", text(s.properties()));
    assertEquals("invalid properties {operandSegmentSizes = array<i64: 1, 0>} for op seg.op: expected "
        + "DenseI32ArrayAttr for key `value`", SEGMENTED.splitProperties(dict("operandSegmentSizes", i64Sizes),
            DictionaryAttr.EMPTY).error());
    assertEquals("invalid properties {operandSegmentSizes = array<i32: 1>} for op seg.op: size mismatch in attribute "
        + "conversion: 1 vs 2", SEGMENTED.splitProperties(dict("operandSegmentSizes", OpDefinition.segmentSizes(1)),
            DictionaryAttr.EMPTY).error());
    s = SEGMENTED.splitProperties(dict("operandSegmentSizes", OpDefinition.segmentSizes(1, 2),
        "mode", StringAttr.of("slow")), DictionaryAttr.EMPTY);
    assertEquals("{mode = \"slow\", operandSegmentSizes = array<i32: 1, 2>}", text(s.properties()));
  }

  @Test
  void handWrittenDefinitionsGetTheDefaultSplit() {
    OpDef plain = new OpDef() {
      @Override
      public String name() {
        return "x.plain";
      }

      @Override
      public Set<Trait> traits() {
        return Set.of();
      }

      @Override
      public List<String> propertyNames() {
        return List.of("p");
      }

      @Override
      public void verify(Operation op, DiagnosticEmitter emitter) {}
    };
    PropertiesSplit s = plain.splitProperties(dict("p", IntegerAttr.i64(2), "q", UnitAttr.INSTANCE),
        dict("p", IntegerAttr.i64(1), "r", UnitAttr.INSTANCE));
    assertEquals("{p = 2 : i64}", text(s.properties()));
    assertEquals("{r}", text(s.attributes()));
  }

  /** What a parser does with generic {@code "func.func"() ({...}) {sym_name = "f", ...}}. */
  @Test
  void parserStyleCreationThenVerification() {
    IrFixture ir = new IrFixture();
    ModuleOp m = ir.module();
    OpDef def = ir.ctx.lookupOp("func.func");
    PropertiesSplit s = def.splitProperties(null, dict("sym_name", StringAttr.of("f"), "function_type", UNIT_FN));
    OperationState st = new OperationState(ir.ctx.getOperationName("func.func"), ir.loc());
    st.properties = s.properties();
    st.attributes.addAll(s.attributes().entries());
    st.addRegion().addBlock();
    Operation f = Operation.create(st);
    m.push(f);
    ir.ret(f.getRegion(0).front());
    assertEquals("\"func.func\"() <{function_type = () -> (), sym_name = \"f\"}> ({\n  \"func.return\"() : () -> ()\n"
        + "}) : () -> ()", f.toString());
    assertEquals(true, Verifier.verify(ir.ctx, m.op()));
  }
}

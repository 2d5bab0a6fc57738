package dev.dyad.dialect.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.meta.MetaDialect;
import dev.dyad.dialect.meta.PlaceAttr;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.AttrConstraints;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraints;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kind/params rule of cim.vector and meta.vector: against an nn dialect when the Context has
 * one (a stand-in with a few of nn's ops here), only a non-empty kind without it.
 */
class VectorKindsTest {
  /** A stand-in for the nn dialect: the shapes of a few of its definitions. */
  private static final class FakeNn implements Dialect {
    @Override
    public String namespace() {
      return "nn";
    }

    @Override
    public List<OpDef> ops() {
      return List.of(
          OpDefinition.builder("nn.relu").operand("input", TypeConstraints.anyType())
              .result("output", TypeConstraints.anyType()).build(),
          OpDefinition.builder("nn.softmax").operand("input", TypeConstraints.anyType())
              .property("axis", AttrConstraints.signlessIntegerAttr(64), IntegerAttr.i64(-1))
              .result("output", TypeConstraints.anyType()).build(),
          OpDefinition.builder("nn.max_pool2d").operand("input", TypeConstraints.anyType())
              .property("kernel_shape", AttrConstraints.denseI64ArrayAttr())
              .result("output", TypeConstraints.anyType()).build(),
          OpDefinition.builder("nn.layer_norm").operand("input", TypeConstraints.anyType())
              .operand("scale", ValueSpec.optional(TypeConstraints.anyType()))
              .operand("bias", ValueSpec.optional(TypeConstraints.anyType()))
              .result("output", TypeConstraints.anyType()).build(),
          OpDefinition.builder("nn.constant").property("value", AttrConstraints.anyAttr())
              .result("output", TypeConstraints.anyType()).trait(Trait.CONSTANT_LIKE, Trait.PURE).build());
    }
  }

  private static final RankedTensorType T = new RankedTensorType(List.of(4L), IntegerType.I8);

  /** The errors of a cim.vector, then those of a meta.vector, each verified in a module of its own. */
  private static List<String> errors(String kind, DictionaryAttr params, Dialect... dialects) {
    List<String> all = new ArrayList<>();
    for (boolean meta : new boolean[] {false, true}) {
      IrFixture ir = new IrFixture(dialects);
      ModuleOp module = ir.module();
      Builder b = new Builder(ir.ctx);
      b.setInsertionPointToEnd(module.body());
      Value x = ir.op("xx.src").results(T).in(module.body()).getResult(0);
      if (meta) {
        dev.dyad.dialect.meta.VectorOp.create(b, ir.loc(), kind, params, List.of(x), List.of((Type) T),
            PlaceAttr.BUFFER);
      } else {
        VectorOp.create(b, ir.loc(), kind, params, List.of(x), List.of((Type) T));
      }
      all.addAll(IrFixture.errors(ir.verifyQuietly(module.op())));
    }
    return all;
  }

  private static DictionaryAttr params(String name, dev.dyad.ir.attr.Attribute value) {
    return DictionaryAttr.EMPTY.with(name, value);
  }

  @Test
  void withoutTheNnDialectAnyNonEmptyKindIsAccepted() {
    assertEquals(List.of(), errors("nn.whatever", DictionaryAttr.EMPTY, new CimDialect(), new MetaDialect()));
    assertEquals(List.of(), errors("custom", params("x", StringAttr.of("y")), new CimDialect(), new MetaDialect()));
  }

  @Test
  void withTheNnDialectTheKindMustBeOneOfItsOps() {
    Dialect[] all = {new CimDialect(), new MetaDialect(), new FakeNn()};
    assertEquals(List.of(), errors("nn.relu", DictionaryAttr.EMPTY, all));
    assertEquals(List.of(), errors("nn.softmax", params("axis", IntegerAttr.i64(0)), all));
    assertEquals(List.of(), errors("nn.softmax", DictionaryAttr.EMPTY, all));
    assertEquals(List.of(), errors("nn.layer_norm",
        params(OpDefinition.OPERAND_SEGMENT_SIZES, OpDefinition.segmentSizes(1, 1, 0)), all));
    assertEquals(List.of(
        "'cim.vector' op 'kind' must be the name of an nn op, but 'nn.gelu' is not one",
        "'meta.vector' op 'kind' must be the name of an nn op, but 'nn.gelu' is not one"),
        errors("nn.gelu", DictionaryAttr.EMPTY, all));
    assertEquals(List.of(
        "'cim.vector' op 'kind' must be the name of an nn op, but 'relu' is not one",
        "'meta.vector' op 'kind' must be the name of an nn op, but 'relu' is not one"),
        errors("relu", DictionaryAttr.EMPTY, all));
    assertEquals(List.of(
        "'cim.vector' op 'kind' names a constant ('nn.constant'), which is not vector-unit work",
        "'meta.vector' op 'kind' names a constant ('nn.constant'), which is not vector-unit work"),
        errors("nn.constant", DictionaryAttr.EMPTY, all));
  }

  @Test
  void withTheNnDialectParamsMustBeTheKindsProperties() {
    Dialect[] all = {new CimDialect(), new MetaDialect(), new FakeNn()};
    assertEquals(List.of(
        "'cim.vector' op 'params' entry 'alpha' is not a property of 'nn.relu'",
        "'meta.vector' op 'params' entry 'alpha' is not a property of 'nn.relu'"),
        errors("nn.relu", params("alpha", IntegerAttr.i64(1)), all));
    assertEquals(List.of(
        "'cim.vector' op 'params' entry 'axis' = 1 : i32 of 'nn.softmax' failed to satisfy constraint: 64-bit signless"
            + " integer attribute",
        "'meta.vector' op 'params' entry 'axis' = 1 : i32 of 'nn.softmax' failed to satisfy constraint: 64-bit signless"
            + " integer attribute"),
        errors("nn.softmax", params("axis", IntegerAttr.of(1, IntegerType.I32)), all));
    assertEquals(List.of(
        "'cim.vector' op 'params' must hold 'kernel_shape', which 'nn.max_pool2d' requires",
        "'meta.vector' op 'params' must hold 'kernel_shape', which 'nn.max_pool2d' requires"),
        errors("nn.max_pool2d", DictionaryAttr.EMPTY, all));
    assertEquals(List.of(
        "'cim.vector' op 'params' entry 'operandSegmentSizes' is not a property of 'nn.relu'",
        "'meta.vector' op 'params' entry 'operandSegmentSizes' is not a property of 'nn.relu'"),
        errors("nn.relu", params(OpDefinition.OPERAND_SEGMENT_SIZES, OpDefinition.segmentSizes(1)), all));
  }

  @Test
  void opsKnowTheirContext() {
    IrFixture ir = new IrFixture(new CimDialect());
    Operation op = ir.op("xx.src").results(T).build();
    assertEquals(ir.ctx, op.getContext());
  }
}

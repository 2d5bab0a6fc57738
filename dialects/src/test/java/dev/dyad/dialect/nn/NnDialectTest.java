package dev.dyad.dialect.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nn attributes, nn.constant and what the dialect offers folding. */
class NnDialectTest {
  private final NnDialect dialect = new NnDialect();
  private final IrFixture ir = new IrFixture(dialect);
  private final ModuleOp module = ir.module();
  private final Block body = module.body();
  private final Builder b = new Builder(ir.ctx);

  {
    b.setInsertionPointToEnd(body);
  }

  private static String print(Attribute a) {
    return AsmPrinter.toString(a);
  }

  @Test
  void weightsAndRandomAttributesParseAndPrintBack() {
    assertEquals(new WeightsAttr("file.bin", 1024), dialect.parseAttribute("weights<\"file.bin\", 1024>"));
    assertEquals("#nn.weights<\"file.bin\", 1024>", print(dialect.parseAttribute("weights<\"file.bin\",1024>")));
    assertEquals("#nn.weights<\"dir/a \\22b\\22.bin\", 0>", print(new WeightsAttr("dir/a \"b\".bin", 0)));
    assertEquals(new WeightsAttr("dir/a \"b\".bin", 0), dialect.parseAttribute("weights<\"dir/a \\\"b\\\".bin\", 0>"));
    assertEquals(new RandomAttr(42), dialect.parseAttribute("random<42>"));
    assertEquals("#nn.random<-7>", print(dialect.parseAttribute("random< -7 >")));
  }

  @Test
  void malformedBodiesAreErrorsOtherBodiesStayOpaque() {
    assertInvalid("weights<\"w.bin\">", "#nn.weights: expected ', offset' after the file name");
    assertInvalid("weights<\"w.bin\", -1>",
        "#nn.weights: the offset must be a non-negative 64-bit integer, but is '-1'");
    assertInvalid("weights<\"w.bin\", 0x10>",
        "#nn.weights: the offset must be a non-negative 64-bit integer, but is '0x10'");
    assertInvalid("weights<\"\", 0>", "#nn.weights: the file name must not be empty");
    assertInvalid("weights<w.bin, 0>", "#nn.weights: expected a quoted file name");
    assertInvalid("weights", "#nn.weights: expected '<\"file\", offset>' after 'weights'");
    assertInvalid("weights<\"w.bin, 0>", "#nn.weights: invalid file name string: expected '\"' in string literal"
        + " at offset 9");
    assertInvalid("random<>", "#nn.random: the seed must be a 64-bit integer, but is ''");
    assertInvalid("random<1.5>", "#nn.random: the seed must be a 64-bit integer, but is '1.5'");
    assertInvalid("random<99999999999999999999>",
        "#nn.random: the seed must be a 64-bit integer, but is '99999999999999999999'");
    for (String body : List.of("weightsfile<1>", "randomly", "other<1>")) {
      assertNull(dialect.parseAttribute(body), body);
    }
  }

  private void assertInvalid(String body, String message) {
    InvalidAttributeException e = assertThrows(InvalidAttributeException.class, () -> dialect.parseAttribute(body));
    assertEquals(message, e.getMessage());
  }

  @Test
  void constantsOfEveryKindVerify() {
    RankedTensorType f32 = NnInfer.tensorType(new long[] {2, 3}, FloatType.F32);
    DenseElementsAttr dense = DenseElementsAttr.get(f32, new long[] {0});
    ConstantOp c = ConstantOp.create(b, ir.loc(), dense);
    assertEquals(f32, c.output().getType());
    ConstantOp w = ConstantOp.create(b, ir.loc(), new WeightsAttr("w.bin", 8), NnInfer.tensorType(new long[] {4},
        IntegerType.I8));
    ConstantOp r = ConstantOp.create(b, ir.loc(), new RandomAttr(1), f32);
    assertEquals(new WeightsAttr("w.bin", 8), w.value());
    assertEquals(new RandomAttr(1), r.value());
    assertEquals("", IrFixture.render(ir.verify(module.op())));
  }

  @Test
  void constantsFoldToTheirValueAndMaterialiseFromIt() {
    RankedTensorType f32 = NnInfer.tensorType(new long[] {4}, FloatType.F32);
    ConstantOp r = ConstantOp.create(b, ir.loc(), new RandomAttr(3), f32);
    FoldResult folded = ConstantOp.DEFINITION.fold(r.op(), List.of());
    assertEquals(new RandomAttr(3), folded.results().get(0).attribute());
    Operation made = dialect.materializeConstant(b, new RandomAttr(3), f32, ir.loc());
    assertTrue(ConstantOp.isa(made));
    assertEquals(f32, made.getResult(0).getType());
    // Not a tensor, or a dense value of another type: not an nn.constant.
    assertNull(dialect.materializeConstant(b, IntegerAttr.i64(1), IntegerType.I64, ir.loc()));
    assertNull(dialect.materializeConstant(b, DenseElementsAttr.get(f32, new long[] {0}),
        NnInfer.tensorType(new long[] {5}, FloatType.F32), ir.loc()));
    assertNull(dialect.materializeConstant(b, new WeightsAttr("w", 0), NnInfer.tensorType(new long[] {5},
        IntegerType.signless(4)), ir.loc()));
  }

  @Test
  void accessorsReadDefaultsOfOpsBuiltWithoutThem() {
    Operation op = ir.op(Conv2dOp.NAME).operands(
        ir.op("test.arg").results(NnInfer.tensorType(new long[] {1, 2, 5, 5}, FloatType.F32)).in(body).getResult(0),
        ir.op("test.arg").results(NnInfer.tensorType(new long[] {4, 2, 3, 3}, FloatType.F32)).in(body).getResult(0))
        .results(NnInfer.tensorType(new long[] {1, 4, 3, 3}, FloatType.F32)).in(body);
    Conv2dOp c = new Conv2dOp(op);
    assertEquals("[1, 1]", Shapes.format(c.strides()));
    assertEquals("[0, 0, 0, 0]", Shapes.format(c.pads()));
    assertEquals(1, c.group());
    assertNull(c.bias());
    assertEquals(0, c.inputZeroPoint());
    assertEquals("", IrFixture.render(ir.verify(module.op())));
  }
}

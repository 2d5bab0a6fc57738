package dev.dyad.grammar;

import static dev.dyad.grammar.CirTokens.DYNAMIC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dimension lists are fused into the shaped-type opener token and decoded by CirTokens. */
class CirShapeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "tensor<2x?x3xf32>      | TENSOR_OPEN:tensor<2x?x3x          | f32",
      "tensor<f32>            | TENSOR_OPEN:tensor<                | f32",
      "tensor<0xf32>          | TENSOR_OPEN:tensor<0x              | f32",
      "tensor<0xbf16>         | TENSOR_OPEN:tensor<0x              | bf16",
      "tensor<0x1xf32>        | TENSOR_OPEN:tensor<0x1x            | f32",
      "tensor<*xf32>          | UNRANKED_TENSOR_OPEN:tensor<*x     | f32",
      "memref<?x?xindex>      | MEMREF_OPEN:memref<?x?x            | index",
      "memref<*xi8>           | UNRANKED_MEMREF_OPEN:memref<*x     | i8",
      "vector<4x[8]xf32>      | VECTOR_OPEN:vector<4x[8]x          | f32",
      "vector<[4]x[4]xi1>     | VECTOR_OPEN:vector<[4]x[4]x        | i1",
      "tensor<2 x 3 x f32>    | TENSOR_OPEN:tensor<2 x 3 x         | f32",
      "tensor<4xcomplex<f32>> | TENSOR_OPEN:tensor<4x              | complex",
  })
  void openerTokenCarriesTheDimensionList(String type, String opener, String elementStart) {
    List<String> tokens = CirTestSupport.tokenNames(type);
    assertEquals(opener, tokens.get(0));
    assertTrue(tokens.get(1).endsWith(":" + elementStart), tokens.toString());
  }

  @Test
  void shapesDecode() {
    CirTokens.Shape s = CirTokens.shape("tensor<2x?x3x");
    assertArrayEquals(new long[] {2, DYNAMIC, 3}, s.dims());
    assertArrayEquals(new boolean[3], s.scalable());
    assertFalse(s.unranked());
    assertEquals("2x?x3x", s.toString());

    assertArrayEquals(new long[0], CirTokens.shape("tensor<").dims());
    assertArrayEquals(new long[] {0}, CirTokens.shape("tensor<0x").dims());
    assertTrue(CirTokens.shape("memref<*x").unranked());
    assertArrayEquals(new long[0], CirTokens.shape("memref < * x").dims());

    CirTokens.Shape v = CirTokens.shape("vector<4x[8]x[ 2 ]x");
    assertArrayEquals(new long[] {4, 8, 2}, v.dims());
    assertArrayEquals(new boolean[] {false, true, true}, v.scalable());
    assertEquals("4x[8]x[2]x", v.toString());

    CirTokens.Shape big = CirTokens.shape("tensor<1x2x3x4x5x6x7x8x9x100000000000x");
    assertEquals(10, big.dims().length);
    assertEquals(100000000000L, big.dims()[9]);
    assertEquals(CirTokens.shape("tensor <2 x ?\nx"), CirTokens.shape("tensor<2x?x"));
    // Comments inside the fused token (MLIR accepts them there too).
    assertEquals("4x?x", CirTokens.shape("tensor // 1x<\n<4x // 9x [2]\n?x").toString());
    assertEquals(List.of("TENSOR_OPEN:tensor<4x // 9x\n ?x", "FLOAT_TYPE:f32", "GREATER:>"),
        CirTestSupport.tokenNames("tensor<4x // 9x\n ?x f32>"));
  }

  @Test
  void shapedTypesInTheTree() {
    CirParser.NonFunctionTypeContext t = CirTestSupport.sllParser(
        "memref<2x?xf32, strided<[?, 1], offset: ?>, 1>").nonFunctionType();
    CirParser.RankedMemRefTypeContext memref = (CirParser.RankedMemRefTypeContext) t;
    assertEquals("2x?x", CirTokens.shape(memref.MEMREF_OPEN().getText()).toString());
    assertEquals("f32", memref.elementType.getText());
    assertEquals(2, memref.attribute().size());
    assertTrue(memref.attribute(0) instanceof CirParser.StridedLayoutAttributeContext);
    assertTrue(memref.attribute(1) instanceof CirParser.IntegerAttributeContext);

    CirParser.RankedTensorTypeContext tensor = (CirParser.RankedTensorTypeContext)
        CirTestSupport.sllParser("tensor<4x4xf32, #enc>").nonFunctionType();
    assertTrue(tensor.encoding instanceof CirParser.AttributeAliasRefContext);

    assertTrue(CirTestSupport.sllParser("tensor<*xf32>").nonFunctionType()
        instanceof CirParser.UnrankedTensorTypeContext);
    CirParser.UnrankedMemRefTypeContext unrankedMemref = (CirParser.UnrankedMemRefTypeContext)
        CirTestSupport.sllParser("memref<*xf32, 3>").nonFunctionType();
    assertEquals("3", unrankedMemref.memorySpace.getText());
    assertTrue(CirTestSupport.sllParser("vector<[4]xi1>").nonFunctionType()
        instanceof CirParser.VectorTypeContext);
  }
}

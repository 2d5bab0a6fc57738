package dev.dyad.grammar;

import static dev.dyad.grammar.CirTestSupport.dump;
import static dev.dyad.grammar.CirTestSupport.errorsOf;
import static dev.dyad.grammar.CirTestSupport.sllParser;
import static dev.dyad.grammar.CirTestSupport.tokenNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;

/** The shape of the parse tree a builder walks, and lexical corner cases. */
class CirTreeTest {

  @Test
  void affineExpressionPrecedence() {
    assertEquals("(affineAddExpr (affineIdExpr (bareId d0)) + (affineMulExpr "
            + "(affineIdExpr (bareId s0)) * (affineConstExpr 2)))",
        dump(sllParser("d0 + s0 * 2").affineExpr()));
    // Left associativity.
    assertEquals("(affineAddExpr (affineAddExpr (affineIdExpr (bareId a)) - "
            + "(affineIdExpr (bareId b))) - (affineConstExpr 1))",
        dump(sllParser("a - b - 1").affineExpr()));
    // Unary minus binds tighter than `*`, like MLIR's parseNegateExpression.
    assertEquals("(affineMulExpr (affineNegExpr - (affineIdExpr (bareId d0))) * "
            + "(affineConstExpr 2))",
        dump(sllParser("-d0 * 2").affineExpr()));
    assertEquals("(affineMulExpr (affineConstExpr 2) * (affineNegExpr - "
            + "(affineIdExpr (bareId d0))))",
        dump(sllParser("2 * -d0").affineExpr()));
    assertEquals("(affineAddExpr (affineMulExpr (affineParenExpr ( (affineAddExpr "
            + "(affineIdExpr (bareId d0)) + (affineIdExpr (bareId d1))) )) floordiv "
            + "(affineConstExpr 4)) + (affineMulExpr (affineIdExpr (bareId d0)) mod "
            + "(affineConstExpr 3)))",
        dump(sllParser("(d0 + d1) floordiv 4 + d0 mod 3").affineExpr()));
    // Keywords are valid affine identifiers, and still operators between operands.
    assertEquals("(affineMulExpr (affineIdExpr (bareId mod)) mod (affineConstExpr 2))",
        dump(sllParser("mod mod 2").affineExpr()));
  }

  @Test
  void affineMapAndIntegerSet() {
    CirParser.AffineMapContext map =
        sllParser("(d0, d1)[s0] -> (d0 + s0, d1 ceildiv 2, 7)").affineMap();
    assertEquals(2, map.dims.bareId().size());
    assertEquals(1, map.symbols.bareId().size());
    assertEquals(3, map.affineExpr().size());

    CirParser.IntegerSetContext set =
        sllParser("(d0)[s0] : (d0 - s0 >= 0, d0 == 0, d0 <= 5)").integerSet();
    List<CirParser.AffineConstraintContext> cs = set.affineConstraint();
    assertEquals(CirLexer.GREATER, cs.get(0).relation.getType());
    assertEquals(CirLexer.EQUAL, cs.get(1).relation.getType());
    assertEquals(CirLexer.LESS, cs.get(2).relation.getType());
    assertEquals("d0-s0", cs.get(0).lhs.getText());
    assertEquals("0", cs.get(0).rhs.getText());
  }

  @Test
  void operationStructure() {
    CirParser.ToplevelContext top = sllParser(
        "%0, %1:2 = \"t.op\"(%a, %b#1)[^bb1, ^bb2] <{p = 1}> ({\n}, {\n^bb0(%x: i32):\n})"
            + " {a = 2} : (i32, i32) -> (i32, f32, f32) loc(\"f\":1:2)\n").toplevel();
    CirParser.OperationContext op = top.operation(0);
    assertEquals(2, op.opResultList().opResult().size());
    assertNull(op.opResultList().opResult(0).count);
    assertEquals("2", op.opResultList().opResult(1).count.getText());
    CirParser.GenericOperationContext g = op.genericOperation();
    assertEquals("\"t.op\"", g.name.getText());
    assertEquals("%b", g.valueUseList().valueUse(1).VALUE_ID().getText());
    assertEquals("#1", g.valueUseList().valueUse(1).HASH_NUM().getText());
    assertEquals(2, g.successorList().CARET_ID().size());
    assertTrue(g.properties().attribute() instanceof CirParser.DictionaryAttributeContext);
    assertEquals(2, g.regionList().region().size());
    assertNull(g.regionList().region(0).entryBlock());
    assertEquals(0, g.regionList().region(0).block().size());
    assertEquals("^bb0", g.regionList().region(1).block(0).blockLabel().CARET_ID().getText());
    assertEquals("a", g.dictionary().dictionaryEntry(0).name.getText());
    assertEquals(2, g.functionType().inputs.type().size());
    assertEquals(3, g.functionType().results.typeListParens().type().size());
    assertTrue(op.trailingLocation().location() instanceof CirParser.FileLineColLocationContext);
  }

  @Test
  void entryBlockWithoutLabelAndFurtherBlocks() {
    CirParser.RegionContext region = sllParser(
        "{\n  \"t.a\"() : () -> ()\n  \"t.b\"() : () -> ()\n^bb1:\n  \"t.c\"() : () -> ()\n"
            + "^bb2(%x: i32 loc(unknown), %y: f32):\n}").region();
    assertEquals(2, region.entryBlock().operation().size());
    assertEquals(2, region.block().size());
    assertEquals(1, region.block(0).operation().size());
    CirParser.BlockArgListContext args = region.block(1).blockLabel().blockArgList();
    assertEquals(2, args.blockArg().size());
    assertTrue(args.blockArg(0).trailingLocation() != null);
    assertNull(args.blockArg(1).trailingLocation());
  }

  @Test
  void locations() {
    assertEquals("(fileLineColLocation \"f\" : 1 : 2 to 3 : 4)",
        dump(sllParser("\"f\":1:2 to 3:4").location()));
    CirParser.FileLineColLocationContext range =
        (CirParser.FileLineColLocationContext) sllParser("\"f\":1:2 to :5").location();
    assertNull(range.endLine);
    assertEquals("5", range.endColumn.getText());
    CirParser.FileLineColLocationContext lineOnly =
        (CirParser.FileLineColLocationContext) sllParser("\"f\":9").location();
    assertNull(lineOnly.column);
    assertEquals("(nameLocation \"n\" ( (unknownLocation unknown) ))",
        dump(sllParser("\"n\"(unknown)").location()));
    CirParser.CallSiteLocationContext call =
        (CirParser.CallSiteLocationContext) sllParser("callsite(\"a\" at #loc2)").location();
    assertTrue(call.callee instanceof CirParser.NameLocationContext);
    assertTrue(call.caller instanceof CirParser.LocationAliasRefContext);
    CirParser.FusedLocationContext fused =
        (CirParser.FusedLocationContext) sllParser("fused<\"m\">[\"a\", \"b\":1:2]").location();
    assertTrue(fused.metadata instanceof CirParser.StringAttributeContext);
    assertEquals(2, fused.location().size());
    assertEquals(0, ((CirParser.FusedLocationContext) sllParser("fused[]").location())
        .location().size());
  }

  @Test
  void attributeAlternatives() {
    String[][] cases = {
        {"42", "IntegerAttributeContext"},
        {"-7 : i8", "IntegerAttributeContext"},
        {"0x1F", "IntegerAttributeContext"},
        {"-2.0e-3 : f32", "FloatAttributeContext"},
        {"0x7FC00000 : f32", "IntegerAttributeContext"},
        {"true", "BoolAttributeContext"},
        {"\"s\" : i32", "StringAttributeContext"},
        {"unit", "UnitAttributeContext"},
        {"[1, [2]]", "ArrayAttributeContext"},
        {"{a = 1, \"q k\" = 2, u}", "DictionaryAttributeContext"},
        {"@a::@b::@c", "SymbolRefAttributeContext"},
        {"i32", "TypeAttributeContext"},
        {"(i32) -> ()", "TypeAttributeContext"},
        {"dense<[(1.0, 2.0)]> : tensor<1xcomplex<f32>>", "DenseElementsAttributeContext"},
        {"dense<> : tensor<0xf32>", "DenseElementsAttributeContext"},
        {"dense_resource<blob> : tensor<2xi8>", "DenseResourceAttributeContext"},
        {"sparse<[[0]], [1]> : tensor<2xi8>", "SparseElementsAttributeContext"},
        {"array<i64: 1, -2>", "DenseArrayAttributeContext"},
        {"array<i64>", "DenseArrayAttributeContext"},
        {"affine_map<(d0) -> (d0)>", "AffineMapAttributeContext"},
        {"affine_set<(d0) : (d0 >= 0)>", "IntegerSetAttributeContext"},
        {"strided<[1, ?], offset: ?>", "StridedLayoutAttributeContext"},
        {"distinct[0]<>", "DistinctAttributeContext"},
        {"loc(unknown)", "LocationAttributeContext"},
        {"#alias", "AttributeAliasRefContext"},
        {"#12", "AttributeAliasRefContext"},
        {"#d.a<x>", "DialectAttributeContext"},
        {"#d<\"x\">", "DialectAttributeContext"},
        {"!d.t", "TypeAttributeContext"},
    };
    for (String[] c : cases) {
      CirParser parser = sllParser(c[0]);
      CirParser.AttributeContext attr = parser.attribute();
      assertEquals(c[1], attr.getClass().getSimpleName(), c[0]);
      assertEquals(CirLexer.EOF, parser.getCurrentToken().getType(), "rest of " + c[0]);
    }
  }

  @Test
  void denseLiteralStructure() {
    CirParser.DenseElementsAttributeContext d = (CirParser.DenseElementsAttributeContext)
        sllParser("dense<[[1, -2], [(1.5, -2.0), true]]> : tensor<2x2xi8>").attribute();
    assertEquals("(denseList [ (denseList [ (denseScalar (denseIntElement 1)) , (denseScalar "
            + "(denseIntElement - 2)) ]) , (denseList [ (denseScalar (denseComplexElement ( "
            + "(denseFloatElement 1.5) , (denseFloatElement - 2.0) ))) , (denseScalar "
            + "(denseBoolElement true)) ]) ])",
        dump(d.denseLiteral()));
  }

  @Test
  void keywordsAreBareIdentifiersInDictionaryKeys() {
    CirParser.DictionaryContext dict = sllParser(
        "{dense = 1, loc = 2, i32 = 3, tensor = 4, vector, to = 5, f8E4M3FN, unknown = 6}")
        .dictionary();
    List<String> keys = dict.dictionaryEntry().stream().map(e -> e.name.getText()).toList();
    assertEquals(List.of("dense", "loc", "i32", "tensor", "vector", "to", "f8E4M3FN", "unknown"),
        keys);
    assertNull(dict.dictionaryEntry(4).value);
  }

  @Test
  void functionTypes() {
    CirParser.FunctionTypeContext f = sllParser("(i32, f32) -> ((i32) -> i32)").functionType();
    assertEquals(2, f.inputs.type().size());
    CirParser.TypeContext result = f.results.typeListParens().type(0);
    assertTrue(result.functionType() != null);
    assertTrue(result.functionType().results.nonFunctionType()
        instanceof CirParser.IntegerTypeContext);
    assertEquals(0, sllParser("() -> ()").functionType().results.typeListParens().type().size());
  }

  @Test
  void lexicalCornerCases() {
    assertEquals(List.of("INTEGER:1", "BARE_ID:e5"), tokenNames("1e5"));
    assertEquals(List.of("FLOAT:1."), tokenNames("1."));
    assertEquals(List.of("FLOAT:1.e3"), tokenNames("1.e3"));
    assertEquals(List.of("INTEGER:0xf32"), tokenNames("0xf32"));
    assertEquals(List.of("INTEGER:0", "BARE_ID:xi32"), tokenNames("0xi32"));
    assertEquals(List.of("INT_TYPE:i32", "BARE_ID:i32x", "BARE_ID:i", "INT_TYPE:si8",
        "INT_TYPE:ui1"), tokenNames("i32 i32x i si8 ui1"));
    assertEquals(List.of("BARE_ID:tensor", "EQUAL:="), tokenNames("tensor ="));
    assertEquals(List.of("VALUE_ID:%x", "HASH_NUM:#1"), tokenNames("%x#1"));
    assertEquals(List.of("VALUE_ID:%0"), tokenNames("%0"));
    assertEquals(List.of("VALUE_ID:%foo.bar$baz-1"), tokenNames("%foo.bar$baz-1"));
    assertEquals(List.of("ATTR_ALIAS_ID:#map", "DIALECT_ATTR_ID:#a.b", "HASH_NUM:#7",
        "DIALECT_ATTR_BODY:#a<b>"), tokenNames("#map #a.b #7 #a<b>"));
    assertEquals(List.of("TYPE_ALIAS_ID:!t", "TYPE_ALIAS_ID:!0", "DIALECT_TYPE_ID:!t.x",
        "DIALECT_TYPE_ID:!t.x", "LESS:<"), tokenNames("!t !0 !t.x !t.x <"));
    assertEquals(List.of("SYMBOL_ID:@a", "COLON_COLON:::", "SYMBOL_ID:@\"b c\""),
        tokenNames("@a::@\"b c\""));
    assertEquals(List.of("FILE_METADATA_BEGIN:{-#", "FILE_METADATA_END:#-}"),
        tokenNames("{-# #-}"));
    assertEquals(List.of("ARROW:->", "MINUS:-", "GREATER:>"), tokenNames("-> - >"));
    assertEquals(List.of("UNEXPECTED_CHAR:$"), tokenNames("$"));
    assertEquals(List.of("STRING:\"a\\\"b\\n\\41\""), tokenNames("\"a\\\"b\\n\\41\""));
  }

  @Test
  void stringValues() {
    assertEquals("a\"b\n\tA\\", CirTokens.stringValue("\"a\\\"b\\n\\t\\41\\\\\""));
    assertEquals("h\u00e9", CirTokens.stringValue("\"h\\C3\\A9\""));
    assertEquals("plain", CirTokens.stringValue("\"plain\""));
    byte[] raw = CirTokens.stringBytes("\"\\ff\\00x\"");
    assertEquals(3, raw.length);
    assertEquals((byte) 0xff, raw[0]);
    assertEquals(0, raw[1]);
    assertEquals("x", new String(raw, 2, 1, StandardCharsets.UTF_8));
  }

  @Test
  void everyLiteralTokenHasAReadableName() {
    Vocabulary v = CirLexer.VOCABULARY;
    for (int type = 1; type <= v.getMaxTokenType(); type++) {
      String display = v.getDisplayName(type);
      assertFalse(display.startsWith("T__"), "implicit token " + display);
      assertTrue(v.getSymbolicName(type) != null, "token " + type + " has no name");
    }
    List<String> errors = errorsOf("\"t.x\"() {a = 1 : () -> ()");
    assertFalse(errors.isEmpty());
    assertTrue(errors.get(0).contains("'}'") || errors.get(0).contains("','"), errors.get(0));
  }

  @Test
  void customBodiesNeedTheFormatEngine() {
    // The grammar only marks where a custom op's body starts (the empty customBody rule): the IR
    // builder reads the body by the op's assembly format. A bare parser leaves the body's tokens
    // over, and they are syntax errors.
    CirParser.OperationContext op = sllParser("%0 = arith.constant\n").toplevel().operation(0);
    assertEquals("arith.constant", op.customOperation().name.getText());
    assertNull(op.genericOperation());
    assertFalse(errorsOf("func.func @f() {\n  return\n}\n").isEmpty());
    assertFalse(errorsOf("%0 = arith.constant 1 : i32\n").isEmpty());
  }
}

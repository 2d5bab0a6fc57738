package dev.dyad.ir.ods;

import static dev.dyad.ir.ods.AttrConstraints.signlessIntegerAttr;
import static dev.dyad.ir.ods.AttrConstraints.stringAttr;
import static dev.dyad.ir.ods.AttrConstraints.unitAttr;
import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.TypeConstraints.index;
import static dev.dyad.ir.ods.TypeConstraints.signlessIntegerLike;
import static dev.dyad.ir.ods.TypeConstraints.var;
import static dev.dyad.ir.ods.ValueSpec.optional;
import static dev.dyad.ir.ods.ValueSpec.variadic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Op definitions: counts, groups, constraints, traits, accessors and descriptions. */
class OdsTest {
  private static final Type I32 = IntegerType.I32;
  private static final Type IDX = IndexType.INSTANCE;

  static final OpDefinition ADD = OpDefinition.builder("ods.add")
      .summary("integer addition")
      .operand("lhs", var("T", signlessIntegerLike()))
      .operand("rhs", var("T", signlessIntegerLike()))
      .result("result", var("T", signlessIntegerLike()))
      .trait(Trait.PURE, Trait.COMMUTATIVE)
      .build();
  static final OpDefinition TWO_RESULTS = OpDefinition.builder("ods.two").result("a", anyType())
      .result("b", anyType()).build();
  static final OpDefinition ONE_OPERAND = OpDefinition.builder("ods.one").operand("x", anyType()).build();
  static final OpDefinition CALL_LIKE = OpDefinition.builder("ods.call_like").operand("callee", anyType())
      .operand("args", variadic(anyType())).result("first", anyType()).result("rest", variadic(anyType())).build();
  static final OpDefinition TWO_REGIONS = OpDefinition.builder("ods.two_regions")
      .region("a", RegionConstraint.anyRegion()).region("b", RegionConstraint.anyRegion()).build();
  static final OpDefinition SWITCH = OpDefinition.builder("ods.switch").successor("default").variadicSuccessor("cases")
      .region("first", RegionConstraint.anyRegion()).variadicRegion("more", RegionConstraint.anyRegion())
      .trait(Trait.TERMINATOR).build();
  static final OpDefinition SEGMENTED = OpDefinition.builder("ods.segmented")
      .operand("dynamic", variadic(index()))
      .operand("base", index())
      .operand("mask", optional(index()))
      .build();
  static final OpDefinition OPTIONAL = OpDefinition.builder("ods.optional").operand("x", optional(anyType()))
      .result("y", optional(anyType())).build();
  static final OpDefinition ATTRS = OpDefinition.builder("ods.attrs")
      .property("value", signlessIntegerAttr(64))
      .property("mode", stringAttr(), StringAttr.of("fast"))
      .optionalProperty("flag", unitAttr())
      .property("name", stringAttr().withMessage("needs a string for '{name}', got {value}"))
      .optionalAttribute("note", stringAttr())
      .build();
  static final OpDefinition REGIONS = OpDefinition.builder("ods.regions")
      .region("body", RegionConstraint.singleBlockRegion())
      .build();
  static final OpDefinition NESTED = OpDefinition.builder("ods.nested")
      .trait(new Trait.HasParent(List.of("ods.regions", "ods.two_regions")))
      .build();
  static final OpDefinition SINGLE = OpDefinition.builder("ods.single")
      .region("body", RegionConstraint.anyRegion())
      .trait(Trait.SINGLE_BLOCK, Trait.NO_REGION_ARGUMENTS)
      .build();
  static final OpDefinition SAME = OpDefinition.builder("ods.same")
      .operand("xs", variadic(anyType())).result("ys", variadic(anyType()))
      .trait(Trait.SAME_OPERANDS_AND_RESULT_TYPE)
      .build();
  static final CheckedTrait NO_NAME_BOB = new CheckedTrait() {
    @Override
    public String name() {
      return "NoBob";
    }

    @Override
    public void verify(Operation op, DiagnosticEmitter emitter) {
      if (StringAttr.of("bob").equals(op.getAttr("who"))) {
        emitter.emitOpError(op, "must not be bob");
      }
    }
  };
  static final OpDefinition HOOKED = OpDefinition.builder("ods.hooked")
      .operand("x", TypeConstraints.anyInteger().withMessage("{kind} '{name}' (#{index}) wants an integer, not {type}"))
      .trait(NO_NAME_BOB)
      .verify((op, e) -> {
        if (op.getAttr("bad") != null) {
          e.emitOpError(op, "custom rule failed");
        }
      })
      .build();

  static final Dialect ODS = new Dialect() {
    @Override
    public String namespace() {
      return "ods";
    }

    @Override
    public List<OpDef> ops() {
      return List.of(ADD, TWO_RESULTS, ONE_OPERAND, CALL_LIKE, TWO_REGIONS, SWITCH, SEGMENTED, OPTIONAL, ATTRS,
          REGIONS, NESTED, SINGLE, SAME, HOOKED);
    }
  };

  private final IrFixture ir = new IrFixture(ODS);
  private final ModuleOp m = ir.module();
  private final Block body = m.body();

  private Value value(Type t) {
    return ir.op("test.v").results(t).in(body).getResult(0);
  }

  /** The messages the definition reports for {@code op} (the first failure only, as in MLIR). */
  private static List<String> check(Operation op) {
    List<String> out = new ArrayList<>();
    op.getName().getDef().verify(op, (o, msg) -> {
      out.add(msg);
      return dev.dyad.ir.Diagnostic.error(o.getLoc(), msg);
    });
    return out;
  }

  // ---- counts -------------------------------------------------------------------------------

  @Test
  void operandCounts() {
    Value a = value(I32);
    assertEquals(List.of("'ods.add' op expected 2 operands, but found 1"),
        check(ir.op("ods.add").operands(a).results(I32).build()));
    assertEquals(List.of("'ods.one' op requires a single operand"), check(ir.op("ods.one").operands(a, a).build()));
    assertEquals(List.of("'ods.two' op requires zero operands"),
        check(ir.op("ods.two").operands(a).results(I32, I32).build()));
    assertEquals(List.of("'ods.call_like' op expected 1 or more operands, but found 0"),
        check(ir.op("ods.call_like").results(I32).build()));
  }

  @Test
  void resultRegionAndSuccessorCounts() {
    Value a = value(I32);
    assertEquals(List.of("'ods.add' op requires one result"), check(ir.op("ods.add").operands(a, a).build()));
    assertEquals(List.of("'ods.one' op requires zero results"),
        check(ir.op("ods.one").operands(a).results(I32).build()));
    assertEquals(List.of("'ods.two' op expected 2 results"), check(ir.op("ods.two").results(I32).build()));
    assertEquals(List.of("'ods.call_like' op expected 1 or more results"),
        check(ir.op("ods.call_like").operands(a).build()));
    assertEquals(List.of("'ods.add' op requires zero regions"),
        check(ir.op("ods.add").operands(a, a).results(I32).regions(1).build()));
    assertEquals(List.of("'ods.regions' op requires one region"), check(ir.op("ods.regions").build()));
    assertEquals(List.of("'ods.two_regions' op expected 2 regions"), check(ir.op("ods.two_regions").regions(1).build()));
    assertEquals(List.of("'ods.switch' op expected 1 or more regions"), check(ir.op("ods.switch").build()));
    assertEquals(List.of("'ods.switch' op requires at least 1 successors but found 0"),
        check(ir.op("ods.switch").regions(1).build()));
    Block target = m.op().getRegion(0).front();
    assertEquals(List.of("'ods.one' op requires 0 successors but found 1"),
        check(ir.op("ods.one").operands(a).successors(target).build()));
  }

  @Test
  void regionsAreCountedBeforeResultsBeforeSuccessorsBeforeOperands() {
    assertEquals(List.of("'ods.add' op requires zero regions"), check(ir.op("ods.add").regions(1).build()));
  }

  // ---- groups -------------------------------------------------------------------------------

  @Test
  void segmentSizesSizeTheGroups() {
    Value i = value(IDX);
    Operation ok = ir.op("ods.segmented").operands(i, i, i, i)
        .prop(OpDefinition.OPERAND_SEGMENT_SIZES, OpDefinition.segmentSizes(2, 1, 1)).in(body);
    assertEquals(List.of(), check(ok));
    assertEquals(2, SEGMENTED.operandGroup(ok, "dynamic").size());
    assertEquals(ok.getOperand(2), SEGMENTED.operand(ok, "base"));
    assertEquals(ok.getOperand(3), SEGMENTED.operand(ok, "mask"));
    assertEquals(List.of("operandSegmentSizes"), SEGMENTED.propertyNames());

    assertEquals(List.of("'ods.segmented' op operand count (1) does not match with the total size (2) specified in "
        + "attribute 'operandSegmentSizes'"),
        check(ir.op("ods.segmented").operands(i).prop("operandSegmentSizes", OpDefinition.segmentSizes(1, 1, 0))
            .build()));
    assertEquals(List.of("'ods.segmented' op operand count (1) does not match with the total size (0) specified in "
        + "attribute 'operandSegmentSizes'"), check(ir.op("ods.segmented").operands(i).build()));
    assertEquals(List.of("'ods.segmented' op 'operandSegmentSizes' attribute cannot have negative elements"),
        check(ir.op("ods.segmented").operands(i).prop("operandSegmentSizes", OpDefinition.segmentSizes(2, -1, 0))
            .build()));
    assertEquals(List.of("'ods.segmented' op 'operandSegmentSizes' attribute for specifying operand segments must "
        + "have 3 elements, but got 2"),
        check(ir.op("ods.segmented").operands(i).prop("operandSegmentSizes", OpDefinition.segmentSizes(1, 0))
            .build()));
    assertEquals(List.of("'ods.segmented' op operand group starting at #1 requires 0 or 1 element, but found 2"),
        check(ir.op("ods.segmented").operands(i, i, i)
            .prop("operandSegmentSizes", OpDefinition.segmentSizes(0, 1, 2)).build()));
  }

  @Test
  void loneOptionalGroupsTakeWhatIsLeft() {
    Value a = value(I32);
    Operation none = ir.op("ods.optional").build();
    assertEquals(List.of(), check(none));
    assertNull(OPTIONAL.operand(none, "x"));
    assertNull(OPTIONAL.result(none, "y"));
    assertEquals(List.of("'ods.optional' op operand group starting at #0 requires 0 or 1 element, but found 2"),
        check(ir.op("ods.optional").operands(a, a).build()));
    assertEquals(List.of("'ods.optional' op result group starting at #0 requires 0 or 1 element, but found 2"),
        check(ir.op("ods.optional").results(I32, I32).build()));
    Operation call = ir.op("ods.call_like").operands(a, a, a).results(I32, I32).build();
    assertEquals(2, CALL_LIKE.operandGroup(call, "args").size());
    assertEquals(call.getResult(0), CALL_LIKE.result(call, "first"));
    assertEquals(List.of(call.getResult(1)), CALL_LIKE.resultGroup(call, "rest"));
    assertThrows(IllegalArgumentException.class, () -> CALL_LIKE.operandGroup(call, "nope"));
  }

  // ---- constraints -------------------------------------------------------------------------

  @Test
  void typeConstraintsAndConstraintVariables() {
    Value f = value(FloatType.F32);
    Value i = value(I32);
    Value j = value(IntegerType.I64);
    assertEquals(List.of("'ods.add' op operand #0 must be signless-integer-like, but got 'f32'"),
        check(ir.op("ods.add").operands(f, f).results(FloatType.F32).build()));
    assertEquals(List.of("'ods.add' op result #0 must be signless-integer-like, but got 'f32'"),
        check(ir.op("ods.add").operands(i, i).results(FloatType.F32).build()));
    assertEquals(List.of("'ods.add' op failed to verify that all of {lhs, rhs, result} have same type"),
        check(ir.op("ods.add").operands(i, j).results(I32).build()));
    assertEquals(List.of(), check(ir.op("ods.add").operands(i, i).results(I32).build()));
  }

  @Test
  void customMessagesAndHooks() {
    Value f = value(FloatType.F32);
    Value i = value(I32);
    assertEquals(List.of("'ods.hooked' op operand 'x' (#0) wants an integer, not 'f32'"),
        check(ir.op("ods.hooked").operands(f).build()));
    assertEquals(List.of("'ods.hooked' op must not be bob"),
        check(ir.op("ods.hooked").operands(i).attr("who", StringAttr.of("bob")).attr("bad", UnitAttr.INSTANCE).build()));
    assertEquals(List.of("'ods.hooked' op custom rule failed"),
        check(ir.op("ods.hooked").operands(i).attr("bad", UnitAttr.INSTANCE).build()));
  }

  @Test
  void attributes() {
    assertEquals(List.of("'ods.attrs' op requires attribute 'name'"), check(ir.op("ods.attrs").build()));
    assertEquals(List.of("'ods.attrs' op requires attribute 'value'"),
        check(ir.op("ods.attrs").prop("name", StringAttr.of("n")).build()));
    assertEquals(List.of("'ods.attrs' op attribute 'value' failed to satisfy constraint: 64-bit signless integer "
        + "attribute"),
        check(ir.op("ods.attrs").prop("name", StringAttr.of("n")).prop("value", IntegerAttr.of(1, I32)).build()));
    assertEquals(List.of("'ods.attrs' op needs a string for 'name', got 3 : i64"),
        check(ir.op("ods.attrs").prop("name", IntegerAttr.i64(3)).prop("value", IntegerAttr.i64(1)).build()));
    assertEquals(List.of("'ods.attrs' op attribute 'note' failed to satisfy constraint: string attribute"),
        check(ir.op("ods.attrs").prop("name", StringAttr.of("n")).prop("value", IntegerAttr.i64(1))
            .attr("note", UnitAttr.INSTANCE).build()));
    Operation ok = ir.op("ods.attrs").prop("name", StringAttr.of("n")).prop("value", IntegerAttr.i64(1)).build();
    assertEquals(List.of(), check(ok));
    assertEquals(StringAttr.of("fast"), ATTRS.attribute(ok, "mode"));
    assertNull(ATTRS.attribute(ok, "flag"));
  }

  @Test
  void regionConstraints() {
    Operation op = ir.op("ods.regions").emptyRegions(1).build();
    assertEquals(List.of("'ods.regions' op region #0 ('body') failed to verify constraint: region with 1 blocks"),
        check(op));
    assertEquals(List.of(), check(ir.op("ods.regions").regions(1).build()));
  }

  // ---- traits -------------------------------------------------------------------------------

  @Test
  void hasParent() {
    Operation lonely = ir.op("ods.nested").in(body);
    assertEquals(List.of("'ods.nested' op expects parent op to be one of 'ods.regions, ods.two_regions'"),
        check(lonely));
    Operation parent = ir.op("ods.regions").regions(1).in(body);
    Operation nested = ir.op("ods.nested").in(parent.getRegion(0).front());
    assertEquals(List.of(), check(nested));
  }

  @Test
  void singleBlockAndNoRegionArguments() {
    Operation two = ir.op("ods.single").regions(1).build();
    two.getRegion(0).addBlock();
    assertEquals(List.of("'ods.single' op expects region #0 to have 0 or 1 blocks"), check(two));
    assertEquals(List.of("'ods.single' op expects a non-empty block"), check(ir.op("ods.single").regions(1).build()));
    Operation args = ir.op("ods.single").regions(1).build();
    args.getRegion(0).front().addArgument(I32, ir.loc());
    ir.op("test.t").in(args.getRegion(0).front());
    assertEquals(List.of("'ods.single' op region should have no arguments"), check(args));
  }

  @Test
  void sameOperandsAndResultType() {
    Value i = value(I32);
    Value j = value(IntegerType.I64);
    Value t4 = value(new dev.dyad.ir.type.RankedTensorType(List.of(4L), I32));
    Value tq = value(new dev.dyad.ir.type.RankedTensorType(List.of(dev.dyad.ir.type.ShapedType.DYNAMIC), I32));
    assertEquals(List.of("'ods.same' op expected 1 or more operands, but found 0"),
        check(ir.op("ods.same").results(I32).build()));
    assertEquals(List.of("'ods.same' op expected 1 or more results"), check(ir.op("ods.same").operands(i).build()));
    assertEquals(List.of("'ods.same' op requires the same type for all operands and results"),
        check(ir.op("ods.same").operands(i, j).results(I32).build()));
    assertEquals(List.of(), check(ir.op("ods.same").operands(t4, tq).results(t4.getType()).build()));
  }

  // ---- declaration --------------------------------------------------------------------------

  @Test
  void constraintDescriptionsFollowOds() {
    assertEquals("32-bit signless integer", TypeConstraints.signlessInteger(32).description());
    assertEquals("8-bit integer", TypeConstraints.integerOfWidth(8).description());
    assertEquals("32-bit float", TypeConstraints.floatOfWidth(32).description());
    assertEquals("tensor of 32-bit float values", TypeConstraints.tensorOf(TypeConstraints.floatOfWidth(32))
        .description());
    assertEquals("ranked tensor of any type values", TypeConstraints.rankedTensorOf(anyType()).description());
    assertEquals("2D/4D tensor of any type values", TypeConstraints.rankedTensorOf(anyType(), 2, 4).description());
    assertEquals("32-bit signless integer or 32-bit float",
        TypeConstraints.anyOf(TypeConstraints.signlessInteger(32), TypeConstraints.floatOfWidth(32)).description());
    assertEquals("flat symbol reference attribute", AttrConstraints.flatSymbolRefAttr().description());
    assertEquals("type attribute of function type", AttrConstraints.functionTypeAttr().description());
    assertEquals("Array of dictionary attributes", AttrConstraints.dictArrayAttr().description());
    assertEquals("i32 dense array attribute", AttrConstraints.denseI32ArrayAttr().description());
  }

  @Test
  void typeConstraintsAcceptWhatOdsAccepts() {
    Type tensor = new dev.dyad.ir.type.RankedTensorType(List.of(2L, 3L), I32);
    Type unranked = new dev.dyad.ir.type.UnrankedTensorType(I32);
    Type memref = new dev.dyad.ir.type.MemRefType(List.of(2L), I32, null, null);
    assertEquals(true, signlessIntegerLike().accepts(tensor));
    assertEquals(true, signlessIntegerLike().accepts(IDX));
    assertEquals(false, signlessIntegerLike().accepts(memref));
    assertEquals(false, signlessIntegerLike().accepts(new IntegerType(32, IntegerType.Signedness.SIGNED)));
    assertEquals(true, TypeConstraints.rankedTensorOf(anyType(), 2).accepts(tensor));
    assertEquals(false, TypeConstraints.rankedTensorOf(anyType(), 3).accepts(tensor));
    assertEquals(false, TypeConstraints.rankedTensorOf(anyType()).accepts(unranked));
    assertEquals(true, TypeConstraints.tensorOf(signlessIntegerLike()).accepts(unranked));
    assertEquals(true, TypeConstraints.floatOfWidth(16).accepts(FloatType.F16));
    assertEquals(false, TypeConstraints.floatOfWidth(16).accepts(FloatType.BF16));
    assertEquals(true, TypeConstraints.staticShapeTensorOf(anyType()).accepts(tensor));
  }

  @Test
  void describeListsEverything() {
    assertEquals("""
        ods.add: integer addition
          operand lhs: signless-integer-like
          operand rhs: signless-integer-like
          result result: signless-integer-like
          trait Pure
          trait Commutative
        """, ADD.describe());
    assertEquals("""
        ods.attrs
          property value: 64-bit signless integer attribute
          property mode: string attribute (default "fast")
          property flag: unit attribute (optional)
          property name: string attribute
          attribute note: string attribute (optional)
        """, ATTRS.describe());
    assertEquals("""
        ods.switch
          region first: any region
          region more: variadic of any region
          successor default: any successor
          successor cases: variadic of any successor
          trait Terminator
        """, SWITCH.describe());
  }

  @Test
  void malformedDefinitionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> OpDefinition.builder("nodot"));
    assertThrows(IllegalStateException.class,
        () -> OpDefinition.builder("a.b").operand("x", anyType()).operand("x", anyType()).build());
    assertThrows(IllegalStateException.class, () -> OpDefinition.builder("a.b")
        .variadicRegion("r", RegionConstraint.anyRegion()).region("s", RegionConstraint.anyRegion()).build());
  }
}

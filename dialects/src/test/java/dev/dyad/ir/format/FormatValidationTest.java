package dev.dyad.ir.format;

import static dev.dyad.ir.ods.AttrConstraints.anyAttr;
import static dev.dyad.ir.ods.AttrConstraints.signlessIntegerAttr;
import static dev.dyad.ir.ods.AttrConstraints.unitAttr;
import static dev.dyad.ir.ods.RegionConstraint.anyRegion;
import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.TypeConstraints.signlessInteger;
import static dev.dyad.ir.ods.TypeConstraints.var;
import static dev.dyad.ir.ods.ValueSpec.optional;
import static dev.dyad.ir.ods.ValueSpec.variadic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Trait;
import dev.dyad.ir.format.FormatElement.AttrDict;
import dev.dyad.ir.format.FormatElement.AttrVar;
import dev.dyad.ir.format.FormatElement.Literal;
import dev.dyad.ir.format.FormatElement.OperandVar;
import dev.dyad.ir.format.FormatElement.OptionalGroup;
import dev.dyad.ir.format.FormatElement.TypeArg;
import dev.dyad.ir.format.FormatElement.TypeOf;
import dev.dyad.ir.format.FormatElement.Whitespace;
import dev.dyad.ir.ods.OpDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Assembly formats are checked when the op definition is built: a format that does not fit its
 * op is a programming error (IllegalArgumentException naming the op, the format and the problem).
 */
class FormatValidationTest {

  /** An op with one operand {@code x}, result {@code y}, optional attribute {@code a}, unit {@code u}. */
  private static OpDefinition.Builder base(String format) {
    return OpDefinition.builder("t.op").operand("x", anyType()).result("y", anyType())
        .optionalProperty("a", signlessIntegerAttr(64)).optionalProperty("u", unitAttr())
        .trait(Trait.SAME_OPERANDS_AND_RESULT_TYPE).assemblyFormat(format);
  }

  private static String error(String format) {
    return error(base(format));
  }

  private static String error(OpDefinition.Builder b) {
    return assertThrows(IllegalArgumentException.class, b::build).getMessage();
  }

  private static void assertError(String fragment, String format) {
    String message = error(format);
    assertTrue(message.contains(fragment), message);
    assertTrue(message.startsWith("t.op: invalid assembly format \"" + format + "\": "), message);
  }

  @Test
  void compilesElements() {
    AssemblyFormat f = base("$x (`with` $a^)? attr-dict `:` type($x)").build().assemblyFormat();
    List<FormatElement> e = f.elements();
    assertEquals(new OperandVar(0), e.get(0));
    OptionalGroup g = assertInstanceOf(OptionalGroup.class, e.get(1));
    assertEquals(new Literal("with"), g.thenElements().get(0));
    assertInstanceOf(AttrVar.class, g.anchor());
    assertFalse(g.elideAnchor());
    assertEquals(new AttrDict(false), e.get(2));
    assertEquals(new Literal(":"), e.get(3));
    assertEquals(new TypeOf(new TypeArg.Operand(0)), e.get(4));
    assertEquals("$x (`with` $a^)? attr-dict `:` type($x)", f.text());
  }

  @Test
  void unitAnchorsAfterTheFirstElementAreElided() {
    OptionalGroup g = (OptionalGroup) base("$x (`fast` $u^)? attr-dict `:` type($x)").build().assemblyFormat()
        .elements().get(1);
    assertTrue(g.elideAnchor());
    g = (OptionalGroup) base("$x ($u^)? attr-dict `:` type($x)").build().assemblyFormat().elements().get(1);
    assertFalse(g.elideAnchor(), "a unit attribute that is the group's first element is printed (as `unit`)");
  }

  @Test
  void whitespaceLiterals() {
    List<FormatElement> e = base("$x `` ` ` `\\n` attr-dict `:` type($x)").build().assemblyFormat().elements();
    assertEquals(List.of(new Whitespace(""), new Whitespace(" "), new Whitespace("\n")), e.subList(1, 4));
  }

  @Test
  void unknownVariable() {
    assertError("unknown variable '$z': 't.op' has no operand, result, attribute, region or successor of that name",
        "$x $z attr-dict `:` type($x)");
  }

  @Test
  void unboundOperand() {
    assertError("operand #0, named 'x', not found", "attr-dict");
  }

  @Test
  void missingAttrDict() {
    assertError("'attr-dict' directive not found", "$x `:` type($x)");
  }

  @Test
  void typeNotInferable() {
    OpDefinition.Builder b = OpDefinition.builder("t.op").operand("x", anyType()).operand("w", anyType())
        .assemblyFormat("$x `,` $w attr-dict `:` type($x)");
    String message = error(b);
    assertTrue(message.contains("type of operand #1, named 'w', is not buildable and a buildable type cannot be "
        + "inferred"), message);
    b = OpDefinition.builder("t.op").operand("x", anyType()).result("out", anyType())
        .assemblyFormat("$x attr-dict `:` type($x)");
    message = error(b);
    assertTrue(message.contains("type of result #0, named 'out', is not buildable"), message);
  }

  @Test
  void typesInferredFromTraitsVariablesAndBuildableTypes() {
    // SameOperandsAndResultType: the result from the operand.
    base("$x attr-dict `:` type($x)").build();
    // A constraint variable shared with a printed type (MLIR's AllTypesMatch).
    OpDefinition.builder("t.op").operand("a", var("T", anyType())).operand("b", var("T", anyType()))
        .result("r", var("T", anyType())).assemblyFormat("$a `,` $b attr-dict `:` type($r)").build();
    // Buildable types need not be printed at all.
    OpDefinition.builder("t.op").operand("a", signlessInteger(32)).result("r", signlessInteger(1))
        .assemblyFormat("$a attr-dict").build();
  }

  @Test
  void variadicResultsMustBePrinted() {
    OpDefinition.Builder b = OpDefinition.builder("t.op").result("r", variadic(signlessInteger(32)))
        .assemblyFormat("attr-dict");
    assertTrue(error(b).contains("the number of results of a variadic group cannot be inferred"));
  }

  @Test
  void resultVariablesOnlyInTypeDirectives() {
    assertError("'$y': result variables can only be used as a child to a 'type' directive",
        "$x $y attr-dict `:` type($x)");
  }

  @Test
  void variablesBoundOnce() {
    assertError("'$x' is already bound", "$x $x attr-dict `:` type($x)");
    assertError("'type($x)' is already bound", "$x attr-dict `:` type($x) type($x)");
    assertError("'type(operands)' creates overlap in format", "$x attr-dict `:` type($x) type(operands)");
    assertError("'operands' directive creates overlap in format", "$x operands attr-dict `:` type($x)");
    assertError("'attr-dict' directive has already been seen", "$x attr-dict attr-dict `:` type($x)");
  }

  @Test
  void malformedText() {
    assertError("expected '`' to end the literal", "$x attr-dict `:");
    assertError("'%' is not a valid literal", "$x `%` attr-dict `:` type($x)");
    assertError("unknown directive 'attrdict'", "$x attrdict");
    assertError("'custom' directives are not supported", "custom<Foo>($x) attr-dict");
    assertError("expected ')'", "$x attr-dict `:` type($x");
    assertError("unexpected '#'", "$x # attr-dict");
  }

  @Test
  void optionalGroups() {
    assertError("optional group has no anchor element", "$x (`with` $a)? attr-dict `:` type($x)");
    assertError("only one element of an optional group can be marked as its anchor",
        "$x ($a^ $u^)? attr-dict `:` type($x)");
    assertError("'^' (anchor) is only valid inside an optional group", "$x^ attr-dict `:` type($x)");
    assertError("only optional or variadic operands, optional or unit attributes",
        "(`(` $x^ `)`)? attr-dict `:` type($x)");
    assertError("cannot be used within an optional group", "$x (`a` $a^ attr-dict)? `:` type($x)");
    assertError("optional groups cannot be nested", "$x (`a` $a^ (`b` $u^)?)? attr-dict `:` type($x)");
    assertError("the else branch of an optional group cannot have an anchor",
        "$x (`a` $a^):(`b` $u^)? attr-dict `:` type($x)");
  }

  @Test
  void firstElementOfAnOptionalGroupMustBeOptional() {
    OpDefinition.Builder b = OpDefinition.builder("t.op").operand("x", anyType())
        .operand("opt", optional(anyType())).assemblyFormat("($x $opt^)? attr-dict `:` type($x) type($opt)");
    assertTrue(error(b).contains("the first element of an optional group must be"));
  }

  @Test
  void regionsAndSuccessorsMustBeBound() {
    OpDefinition.Builder b = OpDefinition.builder("t.op").region("body", anyRegion()).assemblyFormat("attr-dict");
    assertTrue(error(b).contains("region #0, named 'body', not found"));
    b = OpDefinition.builder("t.op").successor("dest").assemblyFormat("attr-dict");
    assertTrue(error(b).contains("successor #0, named 'dest', not found"));
  }

  @Test
  void opNameMustBeABareIdentifier() {
    OpDefinition.Builder b = OpDefinition.builder("t.a-b").assemblyFormat("attr-dict");
    assertTrue(error(b).contains("op name 't.a-b' is not a bare identifier"));
  }

  @Test
  void anyAttributeAndDescriptionMentionTheFormat() {
    OpDefinition d = OpDefinition.builder("t.c").property("value", anyAttr()).result("r", anyType())
        .assemblyFormat("$value attr-dict `:` type($r)").build();
    assertTrue(d.describe().contains("  format $value attr-dict `:` type($r)\n"), d.describe());
  }
}

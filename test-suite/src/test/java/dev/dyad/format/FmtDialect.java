package dev.dyad.format;

import static dev.dyad.ir.ods.AttrConstraints.anyAttr;
import static dev.dyad.ir.ods.AttrConstraints.denseArrayAttrOf;
import static dev.dyad.ir.ods.AttrConstraints.denseI64ArrayAttr;
import static dev.dyad.ir.ods.AttrConstraints.floatAttrOf;
import static dev.dyad.ir.ods.AttrConstraints.signlessIntegerAttr;
import static dev.dyad.ir.ods.AttrConstraints.stringAttr;
import static dev.dyad.ir.ods.AttrConstraints.typeAttr;
import static dev.dyad.ir.ods.AttrConstraints.unitAttr;
import static dev.dyad.ir.ods.RegionConstraint.anyRegion;
import static dev.dyad.ir.ods.TypeConstraints.anyTensor;
import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.TypeConstraints.floatOfWidth;
import static dev.dyad.ir.ods.TypeConstraints.index;
import static dev.dyad.ir.ods.TypeConstraints.signlessInteger;
import static dev.dyad.ir.ods.TypeConstraints.var;
import static dev.dyad.ir.ods.ValueSpec.optional;
import static dev.dyad.ir.ods.ValueSpec.variadic;

import dev.dyad.ir.Dialect;
import dev.dyad.ir.DialectProvider;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraint;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.MemRefType;
import dev.dyad.ir.type.UnrankedMemRefType;
import java.util.List;

/**
 * {@code fmt}: a test dialect whose ops cover every assembly-format directive. The
 * {@code fmt.format_*} ops and {@code fmt.dense_array_attr} copy the formats and constraints of
 * the ops of the same name in MLIR's {@code test} dialect (TestOpsSyntax.td, TestOps.td), so
 * that mlir-opt-22 can check their printing and parsing; the others cover what those do not
 * (prop-dict with properties, functional-type of all operands and results, isolated regions,
 * branches with operands, typed float attributes, SameOperandsAndResultType, an optional dense
 * array). Registered in cim-opt under tests through
 * {@link DialectProvider}.
 */
public final class FmtDialect implements Dialect, DialectProvider {
  public static final String NAMESPACE = "fmt";

  private static final TypeConstraint I64 = signlessInteger(64);
  private static final TypeConstraint ANY_MEMREF = TypeConstraint.of("memref of any type values",
      t -> t instanceof MemRefType || t instanceof UnrankedMemRefType);

  private static OpDefinition.Builder op(String name) {
    return OpDefinition.builder(NAMESPACE + "." + name);
  }

  /** Ops named after (and formatted like) MLIR's test dialect ops. */
  static final List<OpDefinition> MLIR_TEST_OPS = List.of(
      op("format_literal_op").assemblyFormat("`keyword_$.` `->` `:` `,` `=` `<` `>` `(` `)` `[` `]` `` `(` ` ` `)`"
          + " `?` `+` `*` `{` `\\n` `}` attr-dict").build(),
      op("format_attr_op").property("attr", signlessIntegerAttr(64)).assemblyFormat("$attr attr-dict").build(),
      op("format_opt_attr_op_a").optionalProperty("opt_attr", signlessIntegerAttr(64))
          .assemblyFormat("(`(` $opt_attr^ `)` )? attr-dict").build(),
      op("format_opt_attr_op_b").optionalProperty("opt_attr", signlessIntegerAttr(64))
          .assemblyFormat("($opt_attr^)? attr-dict").build(),
      op("format_attr_dict_w_keyword").property("attr", signlessIntegerAttr(64))
          .optionalProperty("opt_attr", signlessIntegerAttr(64)).assemblyFormat("attr-dict-with-keyword").build(),
      op("format_buildable_type_op").operand("buildable", I64).result("buildable_res", I64)
          .assemblyFormat("$buildable attr-dict").build(),
      op("format_region_a_op").region("region", anyRegion()).assemblyFormat("regions attr-dict").build(),
      op("format_region_b_op").region("region", anyRegion()).assemblyFormat("$region attr-dict").build(),
      op("format_region_c_op").region("region", anyRegion()).assemblyFormat("(`region` $region^)? attr-dict")
          .build(),
      op("format_variadic_region_a_op").variadicRegion("regions", anyRegion())
          .assemblyFormat("$regions attr-dict").build(),
      op("format_variadic_region_b_op").variadicRegion("regions", anyRegion())
          .assemblyFormat("($regions^ `found_regions`)? attr-dict").build(),
      resultOp("a", "type($result) attr-dict"),
      resultOp("b", "type(results) attr-dict"),
      resultOp("c", "functional-type($buildable_res, $result) attr-dict"),
      op("format_variadic_result").result("result", variadic(I64)).assemblyFormat("`:` type($result) attr-dict")
          .build(),
      op("format_multiple_variadic_results").result("result0", variadic(I64)).result("result1", variadic(anyType()))
          .assemblyFormat("`:` `(` type($result0) `)` `,` `(` type($result1) `)` attr-dict").build(),
      operandOp("a", "operands `:` type(operands) attr-dict"),
      operandOp("b", "operands `:` type($operand) attr-dict"),
      operandOp("c", "$buildable `,` $operand `:` type(operands) attr-dict"),
      operandOp("d", "$buildable `,` $operand `:` type($operand) attr-dict"),
      operandOp("e", "$buildable `,` $operand `:` type($buildable) `,` type($operand) attr-dict"),
      op("format_successor_a_op").variadicSuccessor("targets").trait(Trait.TERMINATOR)
          .assemblyFormat("$targets attr-dict").build(),
      op("format_variadic_operand").operand("operand", variadic(I64))
          .assemblyFormat("$operand `:` type($operand) attr-dict").build(),
      op("format_multiple_variadic_operands").operand("operand0", variadic(I64))
          .operand("operand1", variadic(anyType()))
          .assemblyFormat("` ` `(` $operand0 `)` `,` `(` $operand1 `:` type($operand1) `)` attr-dict").build(),
      optionalOperandResultOp("a", "`(` $optional `:` type($optional) `)` `:` type($optional_res)"
          + " (`[` $variadic^ `]`)? attr-dict"),
      optionalOperandResultOp("b", "(`(` $optional^ `:` type($optional) `)`)? `:` type($optional_res)"
          + " (`[` $variadic^ `]`)? attr-dict"),
      op("format_optional_result_a_op").result("optional", optional(I64)).result("variadic", variadic(I64))
          .assemblyFormat("(`:` type($optional)^ `->` type($variadic))? attr-dict").build(),
      op("format_optional_result_b_op").result("optional", optional(I64)).result("variadic", variadic(I64))
          .assemblyFormat("(`:` type($optional) `->` type($variadic)^)? attr-dict").build(),
      op("format_two_variadic_operands_no_buildable_type_op").operand("a", variadic(anyType()))
          .operand("b", variadic(anyType()))
          .assemblyFormat("`(` $a `:` type($a) `)` `->` `(` $b `:` type($b) `)`  attr-dict").build(),
      op("format_infer_variadic_type_from_non_variadic").operand("args", variadic(anyType()))
          .result("result", anyType()).trait(Trait.SAME_OPERANDS_AND_RESULT_TYPE)
          .assemblyFormat("operands attr-dict `:` type($result)").build(),
      op("format_optional_unit_attribute").optionalProperty("is_optional", unitAttr())
          .assemblyFormat("(`is_optional` $is_optional^)? attr-dict").build(),
      op("format_optional_unit_attribute_no_elide").optionalProperty("is_optional", unitAttr())
          .assemblyFormat("($is_optional^)? attr-dict").build(),
      op("format_optional_unit_property").optionalProperty("is_optional", unitAttr())
          .assemblyFormat("(`is_optional` $is_optional^)? attr-dict").build(),
      op("format_optional_else").optionalProperty("isFirstBranchPresent", unitAttr())
          .assemblyFormat("(`then` $isFirstBranchPresent^):(`else`)? attr-dict").build(),
      op("format_literal_following_optional_group").property("type", typeAttr())
          .optionalProperty("value", anyAttr()).assemblyFormat("(`(` $value^ `)`)? `:` $type attr-dict").build(),
      op("format_all_types_match_var").operand("value1", var("T", anyType())).operand("value2", var("T", anyType()))
          .result("result", var("T", anyType())).assemblyFormat("attr-dict $value1 `,` $value2 `:` type($value1)")
          .build(),
      op("format_types_match_var").operand("value", var("T", anyType())).result("result", var("T", anyType()))
          .assemblyFormat("attr-dict $value `:` type($value)").build(),
      op("ellipsis").operand("operands", variadic(anyType())).optionalProperty("variadic", unitAttr())
          .assemblyFormat("`(` $operands (`...` $variadic^)? `)` attr-dict `:` type($operands) `...`").build(),
      // Dense arrays print stripped, [1, 2] (TestOps.td's DenseArrayAttrOp).
      op("dense_array_attr").property("i1attr", denseArrayAttrOf(IntegerType.I1))
          .property("i8attr", denseArrayAttrOf(IntegerType.I8)).property("i16attr", denseArrayAttrOf(IntegerType.I16))
          .property("i32attr", denseArrayAttrOf(IntegerType.I32)).property("i64attr", denseArrayAttrOf(IntegerType.I64))
          .property("f32attr", denseArrayAttrOf(FloatType.F32)).property("f64attr", denseArrayAttrOf(FloatType.F64))
          .property("emptyattr", denseArrayAttrOf(IntegerType.I32))
          .assemblyFormat("`i1attr` `=` $i1attr `i8attr` `=` $i8attr `i16attr` `=` $i16attr `i32attr` `=` $i32attr"
              + " `i64attr` `=` $i64attr  `f32attr` `=` $f32attr `f64attr` `=` $f64attr `emptyattr` `=` $emptyattr"
              + " attr-dict").build());

  private static OpDefinition resultOp(String suffix, String format) {
    return op("format_result_" + suffix + "_op").result("buildable_res", I64).result("result", ANY_MEMREF)
        .assemblyFormat(format).build();
  }

  private static OpDefinition operandOp(String suffix, String format) {
    return op("format_operand_" + suffix + "_op").operand("buildable", I64).operand("operand", ANY_MEMREF)
        .assemblyFormat(format).build();
  }

  private static OpDefinition optionalOperandResultOp(String suffix, String format) {
    return op("format_optional_operand_result_" + suffix + "_op").operand("optional", optional(I64))
        .operand("variadic", variadic(I64)).result("optional_res", optional(I64)).assemblyFormat(format).build();
  }

  /** Ops for what the MLIR test ops do not cover. */
  static final List<OpDefinition> OWN_OPS = List.of(
      op("relu").operand("input", anyType()).result("output", anyType())
          .trait(Trait.PURE, Trait.SAME_OPERANDS_AND_RESULT_TYPE)
          .assemblyFormat("$input attr-dict `:` type($input)").build(),
      op("add").operand("lhs", anyType()).operand("rhs", anyType()).result("result", anyType())
          .trait(Trait.PURE, Trait.SAME_OPERANDS_AND_RESULT_TYPE)
          .assemblyFormat("$lhs `,` $rhs attr-dict `:` type($result)").build(),
      op("conv").operand("x", anyTensor()).operand("w", anyTensor()).operand("bias", optional(anyTensor()))
          .result("out", anyTensor()).optionalProperty("stride", signlessIntegerAttr(64))
          .optionalProperty("relu", unitAttr())
          .assemblyFormat("$x `,` $w (`,` $bias^)? prop-dict attr-dict `:` functional-type(operands, results)")
          .build(),
      op("const").property("value", anyAttr()).result("result", anyType())
          .assemblyFormat("$value attr-dict `:` type($result)").build(),
      op("range").property("lo", signlessIntegerAttr(64)).property("hi", signlessIntegerAttr(64))
          .property("step", signlessIntegerAttr(64), IntegerAttr.i64(1)).result("result", index())
          .assemblyFormat("$lo `to` $hi (`step` $step^)? attr-dict").build(),
      // The note is keyword-led: an optional string last in a form would take the quoted name of
      // a following generic op.
      op("scale").operand("input", floatOfWidth(32)).result("output", floatOfWidth(32))
          .property("factor", floatAttrOf(FloatType.F32))
          .optionalAttribute("note", stringAttr()).optionalProperty("fast", unitAttr())
          .assemblyFormat("$input `by` $factor (`fast` $fast^)? (`note` $note^)? attr-dict").build(),
      op("region").region("body", anyRegion()).trait(Trait.NO_TERMINATOR)
          .assemblyFormat("$body attr-dict").build(),
      op("isolated").property("sym", stringAttr()).region("body", anyRegion())
          .trait(Trait.ISOLATED_FROM_ABOVE, Trait.NO_TERMINATOR)
          .assemblyFormat("$sym $body attr-dict-with-keyword").build(),
      op("br").successor("dest").operand("args", variadic(anyType())).trait(Trait.TERMINATOR)
          .assemblyFormat("$dest (`(` $args^ `:` type($args) `)`)? attr-dict").build(),
      op("cond_br").operand("cond", signlessInteger(1)).successor("yes").successor("no").trait(Trait.TERMINATOR)
          .assemblyFormat("$cond `,` $yes `,` $no attr-dict").build(),
      op("switch").operand("flag", index()).variadicSuccessor("targets").trait(Trait.TERMINATOR)
          .assemblyFormat("$flag (`to` $targets^)? attr-dict").build(),
      op("call").operand("args", variadic(anyType())).result("outs", variadic(anyType()))
          .assemblyFormat("`(` $args `)` attr-dict `:` functional-type($args, $outs)").build(),
      op("results").result("outs", variadic(anyType())).assemblyFormat("attr-dict `:` type(results)").build(),
      // A terminator, like func.return: an optional group that starts with an operand would take
      // the `%x` of a following `%x = ...` op.
      op("yield").operand("value", optional(anyType())).trait(Trait.TERMINATOR)
          .assemblyFormat("($value^ `:` type($value))? attr-dict").build(),
      op("spaced").operand("a", anyType()).assemblyFormat("`[` ` ` $a `` `]` `\\n` `end` attr-dict `:` type($a)")
          .build(),
      // A dense array, and an optional one anchoring a group by itself: it is there when `[` follows.
      op("arrays").property("ids", denseI64ArrayAttr()).optionalProperty("more", denseI64ArrayAttr())
          .assemblyFormat("$ids ($more^)? attr-dict").build());

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDef> ops() {
    List<OpDef> all = new java.util.ArrayList<>(MLIR_TEST_OPS);
    all.addAll(OWN_OPS);
    return all;
  }

  @Override
  public List<Dialect> dialects() {
    return List.of(new FmtDialect());
  }
}

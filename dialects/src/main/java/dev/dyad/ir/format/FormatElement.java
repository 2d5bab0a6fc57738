package dev.dyad.ir.format;

import dev.dyad.ir.ods.AttrDef;
import java.util.List;

/**
 * One element of a compiled assembly format: a literal, a variable bound to a part of the op
 * definition, a directive, or an optional group. Groups are referred to by their index in the
 * definition's operand, result, region or successor list.
 */
public sealed interface FormatElement {

  /** A keyword or punctuation printed and parsed verbatim: {@code `to`}, {@code `,`}, {@code `->`}. */
  record Literal(String spelling) implements FormatElement {
    /** Whether the literal is a keyword (a bare identifier) rather than punctuation. */
    public boolean isKeyword() {
      char c = spelling.charAt(0);
      return c == '_' || Character.isLetter(c);
    }
  }

  /**
   * Spacing that only affects printing: {@code ``} (no space before the next element),
   * {@code ` `} (one space) or {@code `\n`} (a new line at the op's indentation).
   */
  record Whitespace(String value) implements FormatElement {}

  /** {@code $name} of an operand group. */
  record OperandVar(int group) implements FormatElement {}

  /** {@code operands}: all operands, comma-separated. */
  record AllOperands() implements FormatElement {}

  /**
   * {@code $name} of a declared property or attribute.
   *
   * @param unit whether the attribute is a unit attribute (a flag)
   */
  record AttrVar(AttrDef def, boolean unit) implements FormatElement {}

  /** {@code $name} of a region group. */
  record RegionVar(int group) implements FormatElement {}

  /** {@code regions}: all regions, comma-separated. */
  record AllRegions() implements FormatElement {}

  /** {@code $name} of a successor group. */
  record SuccessorVar(int group) implements FormatElement {}

  /** {@code successors}: all successors, comma-separated. */
  record AllSuccessors() implements FormatElement {}

  /** {@code type($x)}, {@code type(operands)}, {@code type(results)}. */
  record TypeOf(TypeArg arg) implements FormatElement {}

  /** {@code functional-type(inputs, results)}: {@code (T, T) -> T}. */
  record FunctionalType(TypeArg inputs, TypeArg results) implements FormatElement {}

  /** {@code attr-dict} or {@code attr-dict-with-keyword}: the attributes no other element prints. */
  record AttrDict(boolean withKeyword) implements FormatElement {}

  /** {@code prop-dict}: the properties no other element prints, as {@code <{...}>}. */
  record PropDict() implements FormatElement {}

  /**
   * {@code (then...)?} or {@code (then...):(else...)?}: printed and parsed only when its anchor
   * (the element marked {@code ^}) is present.
   *
   * @param anchorIndex index of the anchor in {@code thenElements}
   * @param elideAnchor whether the anchor is a unit attribute that the group's presence stands
   *     for, so it is not printed itself
   */
  record OptionalGroup(List<FormatElement> thenElements, List<FormatElement> elseElements, int anchorIndex,
      boolean elideAnchor) implements FormatElement {
    public OptionalGroup {
      thenElements = List.copyOf(thenElements);
      elseElements = List.copyOf(elseElements);
    }

    public FormatElement anchor() {
      return thenElements.get(anchorIndex);
    }
  }

  /** What a {@code type} or {@code functional-type} directive refers to. */
  sealed interface TypeArg {
    /** {@code $name} of an operand group. */
    record Operand(int group) implements TypeArg {}

    /** {@code $name} of a result group. */
    record Result(int group) implements TypeArg {}

    /** {@code operands}. */
    record Operands() implements TypeArg {}

    /** {@code results}. */
    record Results() implements TypeArg {}
  }
}

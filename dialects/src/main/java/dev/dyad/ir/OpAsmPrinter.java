package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * What an op's custom form is printed through (MLIR's OpAsmPrinter): the operation printer, or
 * the alias collector, which visits the attributes and types the printer would print, in order.
 */
public interface OpAsmPrinter {
  /** Literal text: keywords, punctuation, spaces. */
  void print(String text);

  /** An SSA value: {@code %0}, {@code %arg1}, {@code %2#1}. */
  void printOperand(Value value);

  void printType(Type type);

  void printAttribute(Attribute attribute);

  /** An integer or float constant without its {@code : type} suffix; others as usual. */
  void printAttributeWithoutType(Attribute attribute);

  /** A block reference: {@code ^bb1}. */
  void printSuccessor(Block block);

  /** A region, {@code {} to {@code }}, its blocks and ops indented one level. */
  void printRegion(Region region);

  /** A line break followed by the op's indentation. */
  void printNewline();

  /**
   * {@code  {a = 1, b}} (with a leading space), or {@code  attributes {...}} with the keyword;
   * nothing when {@code attributes} is empty.
   */
  void printOptionalAttrDict(List<NamedAttribute> attributes, boolean withKeyword);
}

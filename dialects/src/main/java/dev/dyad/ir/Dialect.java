package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.type.Type;
import java.util.List;

/** A namespace of operations (and, later, types and attributes) registered in a Context. */
public interface Dialect {
  /** The namespace, e.g. {@code func}. */
  String namespace();

  /** The op definitions of this dialect. */
  List<OpDef> ops();

  /**
   * Creates a constant op of this dialect producing {@code value} as a {@code type} (what folding
   * to an attribute turns into), through {@code builder} so that listeners see it; null when the
   * dialect cannot build such a constant. The default builds none.
   */
  default Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return null;
  }

  /**
   * Parses the body of an attribute {@code #namespace.body} or {@code #namespace<body>} into a
   * typed attribute, or returns null to keep it opaque. The default keeps every body opaque.
   *
   * @throws InvalidAttributeException when the body is one of this dialect's attributes but
   *     malformed (the parser reports the message at the attribute)
   */
  default Attribute parseAttribute(String body) {
    return null;
  }

  /**
   * Whether ops of this namespace that it does not define are accepted (as unregistered ops),
   * like MLIR's {@code allowsUnknownOperations}: for dialects that implement a subset of MLIR's.
   */
  default boolean allowsUnknownOperations() {
    return false;
  }
}

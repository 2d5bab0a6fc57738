package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;

/**
 * One result of folding an op (MLIR's OpFoldResult): an existing value to use instead, or a
 * constant that the op's dialect materialises as a constant op. Exactly one is non-null.
 */
public record OpFoldResult(Value value, Attribute attribute) {
  public OpFoldResult {
    if ((value == null) == (attribute == null)) {
      throw new IllegalArgumentException("a fold result is either a value or an attribute");
    }
  }

  public static OpFoldResult of(Value value) {
    return new OpFoldResult(value, null);
  }

  public static OpFoldResult of(Attribute attribute) {
    return new OpFoldResult(null, attribute);
  }

  public boolean isValue() {
    return value != null;
  }
}

package dev.dyad.ir;

import dev.dyad.ir.attr.DictionaryAttr;

/**
 * An op's inherent attributes (properties) and discardable attributes as sorted out for a
 * registered op at creation time, or the error a parser must report instead (see
 * {@link OpDef#splitProperties}).
 *
 * @param properties the properties, or null when the op has none to store
 * @param attributes the remaining discardable attributes
 * @param error a complete MLIR-worded message to emit at the op's location, or null
 */
public record PropertiesSplit(DictionaryAttr properties, DictionaryAttr attributes, String error) {
  public static PropertiesSplit failure(String error) {
    return new PropertiesSplit(null, DictionaryAttr.EMPTY, error);
  }

  public boolean failed() {
    return error != null;
  }
}

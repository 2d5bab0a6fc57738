package dev.dyad.ir.ods;

import dev.dyad.ir.attr.Attribute;

/**
 * A declared property (inherent attribute, stored in {@code op.getProperties()}) or discardable
 * attribute of an op definition.
 *
 * @param defaultValue the value materialised when absent (MLIR's DefaultValuedAttr), or null
 */
public record AttrDef(String name, AttrConstraint constraint, boolean required, Attribute defaultValue,
    boolean inherent) {
  /** Whether verification reports the attribute missing. */
  public boolean mustBePresent() {
    return required && defaultValue == null;
  }
}

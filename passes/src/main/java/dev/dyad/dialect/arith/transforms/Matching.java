package dev.dyad.dialect.arith.transforms;

import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.rewrite.Folding;

/** The operand matchers arith's patterns are written with (MLIR's DRR source patterns). */
final class Matching {
  private Matching() {}

  /** The defining op of {@code v} if it is named {@code name}, else null. */
  static Operation definedBy(Value v, String name) {
    Operation def = v.getDefiningOp();
    return def != null && def.getNameString().equals(name) ? def : null;
  }

  /** {@code (ConstantLikeMatcher APIntAttr:$c)}: a scalar integer constant, or null. */
  static IntegerAttr intConstant(Value v) {
    return Folding.constantValue(v) instanceof IntegerAttr i ? i : null;
  }

  /** {@code (ConstantLikeMatcher AnyAttr:$c)}: any constant, or null. */
  static Attribute constant(Value v) {
    return Folding.constantValue(v);
  }
}

package dev.dyad.ir.ods;

import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.Attribute;
import java.util.List;

/**
 * The fold rule of an op definition (MLIR's {@code hasFolder}): {@code operands} holds the
 * constant value of each operand, or null when it is not a known constant.
 */
@FunctionalInterface
public interface FoldHook {
  FoldResult fold(Operation op, List<Attribute> operands);
}

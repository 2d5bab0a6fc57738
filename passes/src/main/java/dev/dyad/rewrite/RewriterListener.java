package dev.dyad.rewrite;

import dev.dyad.ir.Block;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import java.util.List;

/**
 * Hears every change a {@link PatternRewriter} makes (MLIR's {@code RewriterBase::Listener}).
 * Notifications come while the IR is consistent: an erased op still has its operands, a replaced
 * op its uses.
 */
public interface RewriterListener {
  /** {@code op} was inserted into a block: newly created, cloned or moved. */
  default void notifyOperationInserted(Operation op) {}

  /** {@code op} was changed in place (operands, properties, attributes, successors). */
  default void notifyOperationModified(Operation op) {}

  /** The results of {@code op} are about to be replaced by {@code replacement}. */
  default void notifyOperationReplaced(Operation op, List<? extends Value> replacement) {}

  /** {@code op} is about to be erased; nested ops are reported first, users before definitions. */
  default void notifyOperationErased(Operation op) {}

  /** {@code block} was inserted into a region. */
  default void notifyBlockInserted(Block block) {}

  /** {@code block} is about to be erased (its ops were reported already). */
  default void notifyBlockErased(Block block) {}

  /** A pattern explained why it did not apply at {@code loc}. */
  default void notifyMatchFailure(Location loc, String reason) {}
}

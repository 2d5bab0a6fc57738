package dev.dyad.rewrite;

import dev.dyad.ir.Block;
import dev.dyad.ir.BlockArgument;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.IRMapping;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpOperand;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The only way patterns change IR (MLIR's {@code PatternRewriter}): a Builder whose every
 * insertion, modification, replacement and erasure is reported to its listeners, so that drivers
 * can keep worklists and tools can trace rewrites.
 */
public class PatternRewriter extends Builder {
  private final List<RewriterListener> listeners = new ArrayList<>();

  public PatternRewriter(Context context) {
    super(context);
  }

  public PatternRewriter addListener(RewriterListener listener) {
    listeners.add(listener);
    return this;
  }

  public void removeListener(RewriterListener listener) {
    listeners.remove(listener);
  }

  // ---- creation ---------------------------------------------------------------------------------

  @Override
  public Operation insert(Operation op) {
    super.insert(op);
    if (op.getBlock() != null) {
      listeners.forEach(l -> l.notifyOperationInserted(op));
    }
    return op;
  }

  @Override
  public Block createBlock(Region region, List<? extends Type> argTypes, Location loc) {
    Block b = super.createBlock(region, argTypes, loc);
    listeners.forEach(l -> l.notifyBlockInserted(b));
    return b;
  }

  /** Clones {@code op} (mapping values through {@code mapping}) and inserts the copy. */
  public Operation clone(Operation op, IRMapping mapping) {
    Operation copy = op.clone(mapping);
    // Like MLIR, nested ops are announced before their parent is inserted.
    for (Region r : copy.getRegions()) {
      for (Block b : r.getBlocks()) {
        for (Operation nested : b.getOpsList()) {
          nested.walkPreOrder(n -> listeners.forEach(l -> l.notifyOperationInserted(n)));
        }
      }
    }
    return insert(copy);
  }

  // ---- in-place modification ----------------------------------------------------------------

  /** Runs {@code change}, which mutates {@code op} directly, and reports the modification. */
  public void modifyInPlace(Operation op, Runnable change) {
    change.run();
    finalizeOpModification(op);
  }

  /** Reports that {@code op} was modified directly (MLIR's {@code finalizeOpModification}). */
  public void finalizeOpModification(Operation op) {
    listeners.forEach(l -> l.notifyOperationModified(op));
  }

  // ---- replacement ----------------------------------------------------------------------------

  /** Makes every use of {@code from} use {@code to}, reporting each user as modified. */
  public void replaceAllUsesWith(Value from, Value to) {
    replaceUsesWithIf(from, to, use -> true);
  }

  /** Replaces the uses of {@code from} selected by {@code which}, reporting each user as modified. */
  public void replaceUsesWithIf(Value from, Value to, Predicate<OpOperand> which) {
    List<OpOperand> uses = new ArrayList<>();
    for (OpOperand use : from.getUses()) {
      uses.add(use);
    }
    for (OpOperand use : uses) {
      if (which.test(use)) {
        modifyInPlace(use.getOwner(), () -> use.set(to));
      }
    }
  }

  /** Replaces every use of the results of {@code op} by {@code values}; {@code op} stays. */
  public void replaceAllOpUsesWith(Operation op, List<? extends Value> values) {
    if (values.size() != op.getNumResults()) {
      throw new IllegalArgumentException("'" + op.getNameString() + "' has " + op.getNumResults()
          + " results, got " + values.size() + " replacements");
    }
    listeners.forEach(l -> l.notifyOperationReplaced(op, values));
    for (int i = 0; i < values.size(); i++) {
      replaceAllUsesWith(op.getResult(i), values.get(i));
    }
  }

  /** Replaces the results of {@code op} by {@code values} and erases {@code op}. */
  public void replaceOp(Operation op, List<? extends Value> values) {
    replaceAllOpUsesWith(op, values);
    eraseOp(op);
  }

  /** Replaces {@code op} by the results of {@code replacement}. */
  public void replaceOp(Operation op, Operation replacement) {
    replaceOp(op, replacement.getResults());
  }

  /**
   * Creates the replacement with {@code create} (at the insertion point, which the driver put
   * before {@code op}) and replaces {@code op} by its results; returns the new op.
   */
  public Operation replaceOpWithNewOp(Operation op, Supplier<Operation> create) {
    Operation replacement = create.get();
    replaceOp(op, replacement);
    return replacement;
  }

  /** Creates an op from {@code state} at the insertion point and replaces {@code op} by it. */
  public Operation replaceOpWithNewOp(Operation op, OperationState state) {
    return replaceOpWithNewOp(op, () -> create(state));
  }

  // ---- erasure --------------------------------------------------------------------------------

  /**
   * Erases {@code op}, whose results must be unused, and everything nested in it. Listeners hear
   * of every nested op before the op itself, users before definitions.
   */
  public void eraseOp(Operation op) {
    if (!op.use_empty()) {
      throw new IllegalStateException("erasing '" + op.getNameString() + "' whose results still have uses");
    }
    if (listeners.isEmpty()) {
      op.erase();
      return;
    }
    eraseNested(op);
    listeners.forEach(l -> l.notifyOperationErased(op));
    op.erase();
  }

  private void eraseNested(Operation op) {
    List<Region> regions = op.getRegions();
    for (int r = regions.size() - 1; r >= 0; r--) {
      List<Block> blocks = regions.get(r).getBlocks();
      for (int i = blocks.size() - 1; i >= 0; i--) {
        Block b = blocks.get(i);
        for (Operation op2 = b.back(); op2 != null; op2 = op2.getPrevNode()) {
          Operation nested = op2;
          eraseNested(nested);
          listeners.forEach(l -> l.notifyOperationErased(nested));
          // Drop what it uses now, so that its definitions, reported next, are unused.
          nested.dropAllReferences();
        }
        listeners.forEach(l -> l.notifyBlockErased(b));
      }
    }
  }

  /**
   * Erases {@code block} and its ops, last op first, each reported and then made to drop what it
   * uses. Values it defines may only be used by ops that are being erased too (unreachable code).
   */
  public void eraseBlock(Block block) {
    for (Operation op = block.back(); op != null; op = op.getPrevNode()) {
      Operation doomed = op;
      eraseNested(doomed);
      listeners.forEach(l -> l.notifyOperationErased(doomed));
      doomed.dropAllReferences();
    }
    listeners.forEach(l -> l.notifyBlockErased(block));
    block.erase();
  }

  // ---- moving IR ------------------------------------------------------------------------------

  public void moveOpBefore(Operation op, Operation existing) {
    op.moveBefore(existing);
    listeners.forEach(l -> l.notifyOperationInserted(op));
  }

  public void moveOpAfter(Operation op, Operation existing) {
    op.moveAfter(existing);
    listeners.forEach(l -> l.notifyOperationInserted(op));
  }

  /**
   * Moves the blocks of {@code region} into {@code parent} before {@code before} (at the end
   * when null); {@code region} is left empty.
   */
  public void inlineRegionBefore(Region region, Region parent, Block before) {
    for (Block b : new ArrayList<>(region.getBlocks())) {
      region.unlinkBlock(b);
      if (before == null) {
        parent.push(b);
      } else {
        parent.insertBefore(before, b);
      }
      listeners.forEach(l -> l.notifyBlockInserted(b));
    }
  }

  /**
   * Moves the ops of {@code source} before {@code before} in {@code dest} (at its end when null),
   * replacing the uses of the source's arguments by {@code argValues}, and erases {@code source}.
   */
  public void inlineBlockBefore(Block source, Block dest, Operation before, List<? extends Value> argValues) {
    if (argValues.size() != source.getNumArguments()) {
      throw new IllegalArgumentException("expected " + source.getNumArguments() + " argument replacements, got "
          + argValues.size());
    }
    for (int i = 0; i < argValues.size(); i++) {
      replaceAllUsesWith(source.getArgument(i), argValues.get(i));
    }
    for (Operation op : source.getOpsList()) {
      op.remove();
      dest.insertBefore(before, op);
      listeners.forEach(l -> l.notifyOperationInserted(op));
    }
    listeners.forEach(l -> l.notifyBlockErased(source));
    source.erase();
  }

  /** Appends the ops of {@code source} to {@code dest} and erases {@code source} (MLIR's mergeBlocks). */
  public void mergeBlocks(Block source, Block dest, List<? extends Value> argValues) {
    inlineBlockBefore(source, dest, null, argValues);
  }

  /** Splits {@code block} before {@code op}; returns the new block holding {@code op} and what follows. */
  public Block splitBlock(Block block, Operation op) {
    Block tail = block.splitBlock(op);
    listeners.forEach(l -> l.notifyBlockInserted(tail));
    return tail;
  }

  /** Changes the type of a block argument in place, reporting the block's parent op as modified. */
  public void setArgumentType(BlockArgument arg, Type type) {
    arg.setType(type);
    Operation parent = arg.getOwner().getParentOp();
    if (parent != null) {
      finalizeOpModification(parent);
    }
  }

  // ---- diagnostics ----------------------------------------------------------------------------

  /** Reports why a pattern did not apply to {@code op}; returns false for {@code return} chaining. */
  public boolean notifyMatchFailure(Operation op, String reason) {
    listeners.forEach(l -> l.notifyMatchFailure(op.getLoc(), reason));
    return false;
  }
}

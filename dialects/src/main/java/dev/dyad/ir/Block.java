package dev.dyad.ir;

import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** A basic block: arguments and a list of operations, the last of which is usually a terminator. */
public final class Block {
  Region parent;
  private final List<BlockArgument> arguments = new ArrayList<>();
  Operation first;
  Operation last;
  private int size;
  private boolean orderValid = true;
  /** Head of the list of successor slots that target this block. */
  BlockOperand firstPredUse;

  public Block() {}

  // ---- arguments ---------------------------------------------------------------------------

  public BlockArgument addArgument(Type type, Location loc) {
    BlockArgument arg = new BlockArgument(this, arguments.size(), type, loc);
    arguments.add(arg);
    return arg;
  }

  public BlockArgument insertArgument(int index, Type type, Location loc) {
    BlockArgument arg = new BlockArgument(this, index, type, loc);
    arguments.add(index, arg);
    renumberArguments();
    return arg;
  }

  /** Erases argument {@code index}, which must have no uses. */
  public void eraseArgument(int index) {
    if (!arguments.get(index).useEmpty()) {
      throw new IllegalStateException("erasing a block argument that still has uses");
    }
    arguments.remove(index);
    renumberArguments();
  }

  private void renumberArguments() {
    for (int i = 0; i < arguments.size(); i++) {
      arguments.get(i).index = i;
    }
  }

  public List<BlockArgument> getArguments() {
    return java.util.Collections.unmodifiableList(arguments);
  }

  public BlockArgument getArgument(int i) {
    return arguments.get(i);
  }

  public int getNumArguments() {
    return arguments.size();
  }

  public List<Type> getArgumentTypes() {
    List<Type> types = new ArrayList<>(arguments.size());
    for (BlockArgument a : arguments) {
      types.add(a.getType());
    }
    return types;
  }

  // ---- position ---------------------------------------------------------------------------

  public Region getParent() {
    return parent;
  }

  public Operation getParentOp() {
    return parent == null ? null : parent.getParentOp();
  }

  public boolean isEntryBlock() {
    return parent != null && parent.front() == this;
  }

  // ---- operations -------------------------------------------------------------------------

  public boolean isEmpty() {
    return first == null;
  }

  public int size() {
    return size;
  }

  public Operation front() {
    return first;
  }

  public Operation back() {
    return last;
  }

  /** The ops, in order; removing the current op while iterating is allowed. */
  public Iterable<Operation> getOperations() {
    return () -> new Iterator<>() {
      Operation nextOp = first;

      @Override
      public boolean hasNext() {
        return nextOp != null;
      }

      @Override
      public Operation next() {
        if (nextOp == null) {
          throw new NoSuchElementException();
        }
        Operation cur = nextOp;
        nextOp = cur.next;
        return cur;
      }
    };
  }

  /** A snapshot list of the ops. */
  public List<Operation> getOpsList() {
    List<Operation> out = new ArrayList<>(size);
    for (Operation op = first; op != null; op = op.next) {
      out.add(op);
    }
    return out;
  }

  /** The last op if it is a registered terminator, otherwise null. */
  public Operation getTerminator() {
    return last != null && last.hasTrait(Trait.TERMINATOR) ? last : null;
  }

  public void append(Operation op) {
    insertBefore(null, op);
  }

  public void prepend(Operation op) {
    insertBefore(first, op);
  }

  /** Inserts detached {@code op} before {@code before} (at the end when null). */
  public void insertBefore(Operation before, Operation op) {
    if (op.block != null) {
      throw new IllegalStateException("operation is already in a block");
    }
    if (before != null && before.block != this) {
      throw new IllegalArgumentException("insertion point is not in this block");
    }
    op.block = this;
    op.next = before;
    op.prev = before == null ? last : before.prev;
    if (op.prev != null) {
      op.prev.next = op;
    } else {
      first = op;
    }
    if (before != null) {
      before.prev = op;
    } else {
      last = op;
    }
    size++;
    orderValid = false;
  }

  public void insertAfter(Operation after, Operation op) {
    insertBefore(after == null ? first : after.next, op);
  }

  void unlinkOp(Operation op) {
    if (op.prev != null) {
      op.prev.next = op.next;
    } else {
      first = op.next;
    }
    if (op.next != null) {
      op.next.prev = op.prev;
    } else {
      last = op.prev;
    }
    op.prev = null;
    op.next = null;
    op.block = null;
    size--;
  }

  void ensureOrder() {
    if (orderValid) {
      return;
    }
    int i = 0;
    for (Operation op = first; op != null; op = op.next) {
      op.orderIndex = i++;
    }
    orderValid = true;
  }

  /**
   * Splits this block before {@code op}: {@code op} and everything after it move to a new block
   * inserted right after this one, which is returned.
   */
  public Block splitBlock(Operation op) {
    if (op.block != this) {
      throw new IllegalArgumentException("split point is not in this block");
    }
    Block tail = new Block();
    parent.insertAfter(this, tail);
    Operation cur = op;
    while (cur != null) {
      Operation nextOp = cur.next;
      unlinkOp(cur);
      tail.append(cur);
      cur = nextOp;
    }
    return tail;
  }

  // ---- predecessors -----------------------------------------------------------------------

  /** The terminators' blocks that branch here, one entry per successor slot (most recent first). */
  public List<Block> getPredecessors() {
    List<Block> preds = new ArrayList<>();
    for (BlockOperand u = firstPredUse; u != null; u = u.nextUse) {
      preds.add(u.getOwner().getBlock());
    }
    return preds;
  }

  public boolean hasNoPredecessors() {
    return firstPredUse == null;
  }

  /** Makes every successor slot pointing here point at {@code other}. */
  public void replaceAllUsesWith(Block other) {
    while (firstPredUse != null) {
      firstPredUse.set(other);
    }
  }

  // ---- lifetime ---------------------------------------------------------------------------

  void dropAllReferences() {
    for (Operation op = first; op != null; op = op.next) {
      op.dropAllReferences();
    }
  }

  /** Removes this block from its region and destroys its ops. */
  public void erase() {
    if (parent != null) {
      parent.removeBlock(this);
    }
    dropAllReferences();
    destroyOps();
  }

  void destroyOps() {
    Operation op = first;
    while (op != null) {
      Operation nextOp = op.next;
      op.block = null;
      op.prev = null;
      op.next = null;
      for (Region r : op.getRegions()) {
        r.destroyBlocks();
      }
      op = nextOp;
    }
    first = null;
    last = null;
    size = 0;
  }
}

package dev.dyad.ir;

import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/** An SSA value: an operation result or a block argument, with the list of its uses. */
public abstract sealed class Value permits OpResult, BlockArgument {
  private Type type;
  /** Head of the intrusive, doubly linked list of operands that use this value. */
  OpOperand firstUse;

  Value(Type type) {
    this.type = Objects.requireNonNull(type);
  }

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = Objects.requireNonNull(type);
  }

  /** The op defining this value, or null for a block argument. */
  public abstract Operation getDefiningOp();

  /** The block in which this value is defined. */
  public abstract Block getParentBlock();

  public abstract Location getLoc();

  public Region getParentRegion() {
    Block b = getParentBlock();
    return b == null ? null : b.getParent();
  }

  public boolean useEmpty() {
    return firstUse == null;
  }

  public boolean hasOneUse() {
    return firstUse != null && firstUse.nextUse == null;
  }

  /** The uses, most recent first (like MLIR). */
  public Iterable<OpOperand> getUses() {
    return () -> new Iterator<>() {
      OpOperand next = firstUse;

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public OpOperand next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        OpOperand cur = next;
        next = cur.nextUse;
        return cur;
      }
    };
  }

  /** The operations using this value (an op appears once per use). */
  public List<Operation> getUsers() {
    List<Operation> users = new ArrayList<>();
    for (OpOperand u : getUses()) {
      users.add(u.getOwner());
    }
    return users;
  }

  public int getNumUses() {
    int n = 0;
    for (OpOperand u = firstUse; u != null; u = u.nextUse) {
      n++;
    }
    return n;
  }

  /** Makes every use of this value use {@code replacement} instead. */
  public void replaceAllUsesWith(Value replacement) {
    if (replacement == this) {
      return;
    }
    while (firstUse != null) {
      firstUse.set(replacement);
    }
  }

  /** Replaces the uses for which {@code shouldReplace} holds. */
  public void replaceUsesWithIf(Value replacement, Predicate<OpOperand> shouldReplace) {
    OpOperand u = firstUse;
    while (u != null) {
      OpOperand next = u.nextUse;
      if (shouldReplace.test(u)) {
        u.set(replacement);
      }
      u = next;
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "<" + AsmPrinter.toString(type) + ">";
  }
}

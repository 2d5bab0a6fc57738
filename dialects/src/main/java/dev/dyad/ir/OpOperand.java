package dev.dyad.ir;

/** One operand slot of an operation; it is a node of its value's use list. */
public final class OpOperand {
  private final Operation owner;
  int index;
  private Value value;
  OpOperand prevUse;
  OpOperand nextUse;

  OpOperand(Operation owner, int index, Value value) {
    this.owner = owner;
    this.index = index;
    link(value);
  }

  public Operation getOwner() {
    return owner;
  }

  public int getOperandNumber() {
    return index;
  }

  public Value get() {
    return value;
  }

  /** Points this operand at {@code v}, moving it from the old value's use list to the new one's. */
  public void set(Value v) {
    if (v == value) {
      return;
    }
    unlink();
    link(v);
  }

  private void link(Value v) {
    if (v == null) {
      throw new IllegalArgumentException("operand value must not be null");
    }
    value = v;
    nextUse = v.firstUse;
    prevUse = null;
    if (v.firstUse != null) {
      v.firstUse.prevUse = this;
    }
    v.firstUse = this;
  }

  /** Removes this operand from its value's use list (the operand is being dropped). */
  void unlink() {
    if (value == null) {
      return;
    }
    if (prevUse != null) {
      prevUse.nextUse = nextUse;
    } else {
      value.firstUse = nextUse;
    }
    if (nextUse != null) {
      nextUse.prevUse = prevUse;
    }
    prevUse = null;
    nextUse = null;
    value = null;
  }
}

package dev.dyad.ir;

/** A successor slot of a terminator; it is a node of the target block's predecessor list. */
public final class BlockOperand {
  private final Operation owner;
  final int index;
  private Block block;
  BlockOperand prevUse;
  BlockOperand nextUse;

  BlockOperand(Operation owner, int index, Block block) {
    this.owner = owner;
    this.index = index;
    link(block);
  }

  public Operation getOwner() {
    return owner;
  }

  public int getIndex() {
    return index;
  }

  public Block get() {
    return block;
  }

  public void set(Block b) {
    if (b == block) {
      return;
    }
    unlink();
    link(b);
  }

  private void link(Block b) {
    if (b == null) {
      throw new IllegalArgumentException("successor block must not be null");
    }
    block = b;
    nextUse = b.firstPredUse;
    prevUse = null;
    if (b.firstPredUse != null) {
      b.firstPredUse.prevUse = this;
    }
    b.firstPredUse = this;
  }

  void unlink() {
    if (block == null) {
      return;
    }
    if (prevUse != null) {
      prevUse.nextUse = nextUse;
    } else {
      block.firstPredUse = nextUse;
    }
    if (nextUse != null) {
      nextUse.prevUse = prevUse;
    }
    prevUse = null;
    nextUse = null;
    block = null;
  }
}

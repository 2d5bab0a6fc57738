package dev.dyad.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of blocks owned by an operation. */
public final class Region {
  Operation parent;
  private final List<Block> blocks = new ArrayList<>();
  private final List<Block> blocksView = Collections.unmodifiableList(blocks);

  public Region() {}

  public Operation getParentOp() {
    return parent;
  }

  public List<Block> getBlocks() {
    return blocksView;
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  public Block front() {
    return blocks.isEmpty() ? null : blocks.get(0);
  }

  public int getRegionNumber() {
    return parent == null ? -1 : parent.getRegions().indexOf(this);
  }

  /** Appends a new empty block and returns it. */
  public Block addBlock() {
    Block b = new Block();
    push(b);
    return b;
  }

  /** Appends detached {@code b}. */
  public void push(Block b) {
    insertAt(blocks.size(), b);
  }

  public void insertAfter(Block after, Block b) {
    insertAt(blocks.indexOf(after) + 1, b);
  }

  public void insertBefore(Block before, Block b) {
    insertAt(blocks.indexOf(before), b);
  }

  private void insertAt(int index, Block b) {
    if (b.parent != null) {
      throw new IllegalStateException("block already belongs to a region");
    }
    b.parent = this;
    blocks.add(index, b);
  }

  void removeBlock(Block b) {
    blocks.remove(b);
    b.parent = null;
  }

  /** Detaches {@code b} (keeping its contents) so it can be inserted elsewhere. */
  public void unlinkBlock(Block b) {
    if (b.parent != this) {
      throw new IllegalArgumentException("block is not in this region");
    }
    removeBlock(b);
  }

  /** Moves all blocks of {@code other} to the end of this region. */
  public void takeBody(Region other) {
    for (Block b : new ArrayList<>(other.blocks)) {
      other.removeBlock(b);
      push(b);
    }
  }

  /** Whether {@code this} region is {@code other} or an ancestor of it. */
  public boolean isAncestor(Region other) {
    for (Region r = other; r != null; ) {
      if (r == this) {
        return true;
      }
      Operation op = r.getParentOp();
      r = op == null ? null : op.getParentRegion();
    }
    return false;
  }

  void dropAllReferences() {
    for (Block b : blocks) {
      b.dropAllReferences();
    }
  }

  void destroyBlocks() {
    for (Block b : blocks) {
      b.destroyOps();
      b.parent = null;
    }
    blocks.clear();
  }

  /** Clones all blocks of this region into {@code dest} (appending), mapping values and blocks. */
  public void cloneInto(Region dest, IRMapping mapping) {
    List<Block> copies = new ArrayList<>(blocks.size());
    for (Block b : blocks) {
      Block nb = new Block();
      for (BlockArgument a : b.getArguments()) {
        mapping.map(a, nb.addArgument(a.getType(), a.getLoc()));
      }
      mapping.map(b, nb);
      copies.add(nb);
    }
    for (int i = 0; i < blocks.size(); i++) {
      Block nb = copies.get(i);
      for (Operation op = blocks.get(i).front(); op != null; op = op.getNextNode()) {
        nb.append(op.clone(mapping));
      }
      dest.push(nb);
    }
    // Within a region a use can precede its definition in block order (the definition only has
    // to dominate it), so operands are remapped once every block has been cloned.
    for (Block nb : copies) {
      for (Operation op = nb.front(); op != null; op = op.getNextNode()) {
        op.walk(nested -> {
          for (int i = 0; i < nested.getNumOperands(); i++) {
            nested.setOperand(i, mapping.lookupOrDefault(nested.getOperand(i)));
          }
        });
      }
    }
  }
}

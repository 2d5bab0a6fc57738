package dev.dyad.ir;

import dev.dyad.ir.type.Type;
import java.util.Objects;

/** An argument of a block (MLIR's replacement for phi nodes). */
public final class BlockArgument extends Value {
  private final Block owner;
  int index;
  private Location loc;

  BlockArgument(Block owner, int index, Type type, Location loc) {
    super(type);
    this.owner = owner;
    this.index = index;
    this.loc = Objects.requireNonNull(loc);
  }

  public Block getOwner() {
    return owner;
  }

  public int getIndex() {
    return index;
  }

  @Override
  public Operation getDefiningOp() {
    return null;
  }

  @Override
  public Block getParentBlock() {
    return owner;
  }

  @Override
  public Location getLoc() {
    return loc;
  }

  public void setLoc(Location loc) {
    this.loc = Objects.requireNonNull(loc);
  }
}

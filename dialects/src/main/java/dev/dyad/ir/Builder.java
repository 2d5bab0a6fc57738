package dev.dyad.ir;

import dev.dyad.ir.type.Type;
import java.util.List;

/** Creates operations at an insertion point (a block and an op to insert before, or the end). */
public class Builder {
  /** A saved insertion point: ops go before {@code before} in {@code block}, at its end when null. */
  public record InsertPoint(Block block, Operation before) {}

  private final Context context;
  private Block block;
  private Operation before;

  public Builder(Context context) {
    this.context = context;
  }

  public Context getContext() {
    return context;
  }

  public void setInsertionPointToEnd(Block b) {
    block = b;
    before = null;
  }

  public void setInsertionPointToStart(Block b) {
    block = b;
    before = b.front();
  }

  public void setInsertionPoint(Operation op) {
    block = op.getBlock();
    before = op;
  }

  public void setInsertionPointAfter(Operation op) {
    block = op.getBlock();
    before = op.getNextNode();
  }

  public Block getInsertionBlock() {
    return block;
  }

  /** The op new ops are inserted before, or null for the end of the block. */
  public Operation getInsertionPointOp() {
    return before;
  }

  public InsertPoint saveInsertionPoint() {
    return new InsertPoint(block, before);
  }

  public void restoreInsertionPoint(InsertPoint ip) {
    block = ip.block();
    before = ip.before();
  }

  /** Drops the insertion point: created ops stay detached. */
  public void clearInsertionPoint() {
    block = null;
    before = null;
  }

  /** Inserts {@code op} at the insertion point (if any) and returns it. */
  public Operation insert(Operation op) {
    if (block != null) {
      block.insertBefore(before, op);
    }
    return op;
  }

  /** Creates and inserts an op from {@code state}. */
  public Operation create(OperationState state) {
    return insert(Operation.create(state));
  }

  /** Creates and inserts an op without regions or successors. */
  public Operation create(Location loc, String name, List<? extends Value> operands, List<? extends Type> results,
      List<dev.dyad.ir.attr.NamedAttribute> attrs) {
    OperationState st = new OperationState(context.getOperationName(name), loc);
    st.addOperands(operands).addTypes(results);
    st.attributes.addAll(attrs);
    return create(st);
  }

  public OperationState state(String name, Location loc) {
    return new OperationState(context.getOperationName(name), loc);
  }

  /** Creates a block at the end of {@code region} with the given argument types and moves there. */
  public Block createBlock(Region region, List<? extends Type> argTypes, Location loc) {
    Block b = region.addBlock();
    for (Type t : argTypes) {
      b.addArgument(t, loc);
    }
    setInsertionPointToEnd(b);
    return b;
  }

}

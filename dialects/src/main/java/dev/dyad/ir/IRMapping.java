package dev.dyad.ir;

import java.util.IdentityHashMap;
import java.util.Map;

/** Maps values, blocks and ops of the original IR to their clones. */
public final class IRMapping {
  private final Map<Value, Value> values = new IdentityHashMap<>();
  private final Map<Block, Block> blocks = new IdentityHashMap<>();
  private final Map<Operation, Operation> ops = new IdentityHashMap<>();

  public void map(Value from, Value to) {
    values.put(from, to);
  }

  public void map(Block from, Block to) {
    blocks.put(from, to);
  }

  public void map(Operation from, Operation to) {
    ops.put(from, to);
  }

  public Value lookupOrDefault(Value v) {
    return values.getOrDefault(v, v);
  }

  public Block lookupOrDefault(Block b) {
    return blocks.getOrDefault(b, b);
  }

  public Operation lookupOrNull(Operation op) {
    return ops.get(op);
  }

  public boolean contains(Value v) {
    return values.containsKey(v);
  }
}

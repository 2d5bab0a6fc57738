package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.type.Type;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An operation: name, operands, results, successors, properties, attributes, regions and a
 * location. All mutation goes through methods of this class (or Block/Region), which keep use
 * lists and parent links correct.
 */
public final class Operation {
  private final OperationName name;
  private Location loc;
  private OpOperand[] operands;
  private final OpResult[] results;
  private BlockOperand[] successors;
  private Attribute properties;
  private DictionaryAttr attributes;
  private final Region[] regions;

  // Intrusive list links inside the parent block.
  Block block;
  Operation prev;
  Operation next;
  /** Position in the parent block, valid while the block's order is valid. */
  int orderIndex;

  private Operation(OperationState state) {
    this.name = state.name;
    this.loc = state.location;
    this.properties = state.properties;
    this.attributes = state.attributes.isEmpty() ? DictionaryAttr.EMPTY : new DictionaryAttr(state.attributes);
    this.operands = new OpOperand[state.operands.size()];
    for (int i = 0; i < operands.length; i++) {
      operands[i] = new OpOperand(this, i, state.operands.get(i));
    }
    this.results = new OpResult[state.resultTypes.size()];
    for (int i = 0; i < results.length; i++) {
      results[i] = new OpResult(this, i, state.resultTypes.get(i));
    }
    this.successors = new BlockOperand[state.successors.size()];
    for (int i = 0; i < successors.length; i++) {
      successors[i] = new BlockOperand(this, i, state.successors.get(i));
    }
    this.regions = new Region[state.regions.size()];
    for (int i = 0; i < regions.length; i++) {
      Region r = state.regions.get(i);
      if (r.getParentOp() != null) {
        throw new IllegalStateException("region already belongs to an operation");
      }
      r.parent = this;
      regions[i] = r;
    }
  }

  /** Creates a detached operation from {@code state}. */
  public static Operation create(OperationState state) {
    return new Operation(state);
  }

  // ---- identity -------------------------------------------------------------------------

  public OperationName getName() {
    return name;
  }

  public String getNameString() {
    return name.getStringRef();
  }

  public boolean isRegistered() {
    return name.isRegistered();
  }

  /** The Context the op's name belongs to: where its dialects are registered. */
  public Context getContext() {
    return name.getContext();
  }

  public boolean hasTrait(Trait trait) {
    return name.hasTrait(trait);
  }

  public Location getLoc() {
    return loc;
  }

  public void setLoc(Location loc) {
    this.loc = Objects.requireNonNull(loc);
  }

  // ---- operands ----------------------------------------------------------------------------

  public int getNumOperands() {
    return operands.length;
  }

  public Value getOperand(int i) {
    return operands[i].get();
  }

  public OpOperand getOpOperand(int i) {
    return operands[i];
  }

  public void setOperand(int i, Value v) {
    operands[i].set(v);
  }

  /** A live, read-only view of the operand values. */
  public List<Value> getOperands() {
    return new AbstractList<>() {
      @Override
      public Value get(int i) {
        return operands[i].get();
      }

      @Override
      public int size() {
        return operands.length;
      }
    };
  }

  public List<Type> getOperandTypes() {
    List<Type> types = new ArrayList<>(operands.length);
    for (OpOperand o : operands) {
      types.add(o.get().getType());
    }
    return types;
  }

  /** Replaces all operands by {@code values}. */
  public void setOperands(List<? extends Value> values) {
    for (OpOperand o : operands) {
      o.unlink();
    }
    operands = new OpOperand[values.size()];
    for (int i = 0; i < operands.length; i++) {
      operands[i] = new OpOperand(this, i, values.get(i));
    }
  }

  /** Inserts {@code values} before operand {@code index}. */
  public void insertOperands(int index, List<? extends Value> values) {
    List<Value> all = new ArrayList<>(getOperands());
    all.addAll(index, values);
    setOperands(all);
  }

  public void eraseOperand(int index) {
    List<Value> all = new ArrayList<>(getOperands());
    all.remove(index);
    setOperands(all);
  }

  // ---- results ---------------------------------------------------------------------------

  public int getNumResults() {
    return results.length;
  }

  public OpResult getResult(int i) {
    return results[i];
  }

  public List<OpResult> getResults() {
    // The array never changes, so a read-only view is safe (List.of would copy it every call).
    return results.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(results));
  }

  public List<Type> getResultTypes() {
    if (results.length == 1) {
      return List.of(results[0].getType());
    }
    List<Type> types = new ArrayList<>(results.length);
    for (OpResult r : results) {
      types.add(r.getType());
    }
    return types;
  }

  /** Whether no result has a use. */
  public boolean use_empty() {
    for (OpResult r : results) {
      if (!r.useEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Replaces all uses of the results by {@code values}, one per result. */
  public void replaceAllUsesWith(List<? extends Value> values) {
    if (values.size() != results.length) {
      throw new IllegalArgumentException("expected " + results.length + " replacement values, got " + values.size());
    }
    for (int i = 0; i < results.length; i++) {
      results[i].replaceAllUsesWith(values.get(i));
    }
  }

  public void replaceAllUsesWith(Operation other) {
    replaceAllUsesWith(other.getResults());
  }

  // ---- successors ------------------------------------------------------------------------

  public int getNumSuccessors() {
    return successors.length;
  }

  public Block getSuccessor(int i) {
    return successors[i].get();
  }

  public List<Block> getSuccessors() {
    List<Block> out = new ArrayList<>(successors.length);
    for (BlockOperand s : successors) {
      out.add(s.get());
    }
    return out;
  }

  public void setSuccessor(int i, Block b) {
    successors[i].set(b);
  }

  // ---- properties and attributes --------------------------------------------------------

  /** The properties (usually a dictionary), or null when this op has none. */
  public Attribute getProperties() {
    return properties;
  }

  public void setProperties(Attribute properties) {
    this.properties = properties;
  }

  /** The properties as a dictionary (empty when absent or not a dictionary). */
  public DictionaryAttr getPropertiesDictionary() {
    return properties instanceof DictionaryAttr d ? d : DictionaryAttr.EMPTY;
  }

  /** The inherent attribute {@code key}, or null. */
  public Attribute getProperty(String key) {
    return properties instanceof DictionaryAttr d ? d.get(key) : null;
  }

  public void setProperty(String key, Attribute value) {
    properties = getPropertiesDictionary().with(key, value);
  }

  /** The discardable attributes. */
  public DictionaryAttr getAttrDictionary() {
    return attributes;
  }

  public void setAttrDictionary(DictionaryAttr attrs) {
    this.attributes = Objects.requireNonNull(attrs);
  }

  /** A discardable attribute, or else an inherent one (property) of that name, or null. */
  public Attribute getAttr(String key) {
    Attribute a = attributes.get(key);
    return a != null ? a : getProperty(key);
  }

  public void setAttr(String key, Attribute value) {
    attributes = attributes.with(key, value);
  }

  public void removeAttr(String key) {
    attributes = attributes.without(key);
  }

  // ---- regions ---------------------------------------------------------------------------

  public int getNumRegions() {
    return regions.length;
  }

  public Region getRegion(int i) {
    return regions[i];
  }

  public List<Region> getRegions() {
    return regions.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(regions));
  }

  // ---- position in the IR ----------------------------------------------------------------

  /** The block containing this op, or null when detached. */
  public Block getBlock() {
    return block;
  }

  public Region getParentRegion() {
    return block == null ? null : block.getParent();
  }

  /** The op whose region contains this op, or null. */
  public Operation getParentOp() {
    Region r = getParentRegion();
    return r == null ? null : r.getParentOp();
  }

  /** The closest ancestor op named {@code opName}, or null. */
  public Operation getParentOfName(String opName) {
    for (Operation p = getParentOp(); p != null; p = p.getParentOp()) {
      if (p.getNameString().equals(opName)) {
        return p;
      }
    }
    return null;
  }

  /** Whether {@code other} is this op or nested in one of its regions. */
  public boolean isAncestor(Operation other) {
    for (Operation p = other; p != null; p = p.getParentOp()) {
      if (p == this) {
        return true;
      }
    }
    return false;
  }

  public boolean isProperAncestor(Operation other) {
    return other != this && isAncestor(other);
  }

  public Operation getNextNode() {
    return next;
  }

  public Operation getPrevNode() {
    return prev;
  }

  /** Whether this op comes before {@code other} in the same block. */
  public boolean isBeforeInBlock(Operation other) {
    if (block == null || other.block != block) {
      throw new IllegalArgumentException("ops are not in the same block");
    }
    block.ensureOrder();
    return orderIndex < other.orderIndex;
  }

  /** Unlinks this op from its block without destroying it. */
  public void remove() {
    if (block != null) {
      block.unlinkOp(this);
    }
  }

  /** Moves this op right before {@code target} (in target's block). */
  public void moveBefore(Operation target) {
    remove();
    target.block.insertBefore(target, this);
  }

  /** Moves this op right after {@code target} (in target's block). */
  public void moveAfter(Operation target) {
    remove();
    target.block.insertAfter(target, this);
  }

  /**
   * Drops every reference this op and its nested ops hold (operands, successors), so that a
   * group of ops using each other can be erased in any order.
   */
  public void dropAllReferences() {
    for (OpOperand o : operands) {
      o.unlink();
    }
    operands = new OpOperand[0];
    for (BlockOperand s : successors) {
      s.unlink();
    }
    successors = new BlockOperand[0];
    for (Region r : regions) {
      r.dropAllReferences();
    }
  }

  /** Removes this op from its block and destroys it; its results must have no uses left. */
  public void erase() {
    for (OpResult r : results) {
      if (!r.useEmpty()) {
        throw new IllegalStateException("erasing '" + name + "' whose result #" + r.getIndex() + " still has uses");
      }
    }
    remove();
    dropAllReferences();
    for (Region r : regions) {
      r.destroyBlocks();
    }
  }

  // ---- traversal ------------------------------------------------------------------------

  /** Visits this op and all nested ops in post-order (nested ops first), like MLIR's walk. */
  public void walk(Consumer<Operation> visitor) {
    for (Region r : regions) {
      for (Block b : r.getBlocks()) {
        Operation op = b.first;
        while (op != null) {
          Operation nextOp = op.next;
          op.walk(visitor);
          op = nextOp;
        }
      }
    }
    visitor.accept(this);
  }

  /** Visits this op and all nested ops in pre-order (parents first). */
  public void walkPreOrder(Consumer<Operation> visitor) {
    visitor.accept(this);
    for (Region r : regions) {
      for (Block b : r.getBlocks()) {
        Operation op = b.first;
        while (op != null) {
          Operation nextOp = op.next;
          op.walkPreOrder(visitor);
          op = nextOp;
        }
      }
    }
  }

  // ---- cloning ----------------------------------------------------------------------------

  /** Deep copy; operands defined outside the op are mapped through {@code mapping} if present. */
  public Operation clone(IRMapping mapping) {
    Operation copy = cloneWithoutRegions(mapping);
    for (int i = 0; i < regions.length; i++) {
      regions[i].cloneInto(copy.regions[i], mapping);
    }
    return copy;
  }

  public Operation clone() {
    return clone(new IRMapping());
  }

  /** Copy with the same number of (empty) regions. */
  public Operation cloneWithoutRegions(IRMapping mapping) {
    OperationState st = new OperationState(name, loc);
    for (OpOperand o : operands) {
      st.addOperand(mapping.lookupOrDefault(o.get()));
    }
    st.addTypes(getResultTypes());
    for (BlockOperand s : successors) {
      st.addSuccessor(mapping.lookupOrDefault(s.get()));
    }
    st.properties = properties;
    st.attributes.addAll(attributes.entries());
    for (int i = 0; i < regions.length; i++) {
      st.addRegion();
    }
    Operation copy = create(st);
    for (int i = 0; i < results.length; i++) {
      mapping.map(results[i], copy.results[i]);
    }
    mapping.map(this, copy);
    return copy;
  }

  // ---- diagnostics and printing -----------------------------------------------------------

  /** The generic form of this op (and its regions), as MLIR prints it in diagnostics. */
  @Override
  public String toString() {
    return OperationPrinter.print(this, PrintOptions.DEFAULT);
  }

  String debugName() {
    return "'" + name + "' op";
  }

}

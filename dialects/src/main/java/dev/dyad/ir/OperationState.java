package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Everything needed to create an operation; filled in by builders and the parser. */
public final class OperationState {
  public final OperationName name;
  public Location location;
  public final List<Value> operands = new ArrayList<>();
  public final List<Type> resultTypes = new ArrayList<>();
  public final List<Block> successors = new ArrayList<>();
  public final List<NamedAttribute> attributes = new ArrayList<>();
  /**
   * The properties ({@code <{...}>}), or null when the op has none: a dictionary of inherent
   * attributes for registered ops; any attribute for unregistered ones, as in MLIR.
   */
  public Attribute properties;
  public final List<Region> regions = new ArrayList<>();

  public OperationState(OperationName name, Location location) {
    this.name = Objects.requireNonNull(name);
    this.location = Objects.requireNonNull(location);
  }

  public OperationState addOperands(List<? extends Value> values) {
    operands.addAll(values);
    return this;
  }

  public OperationState addOperand(Value v) {
    operands.add(v);
    return this;
  }

  public OperationState addTypes(List<? extends Type> types) {
    resultTypes.addAll(types);
    return this;
  }

  public OperationState addType(Type t) {
    resultTypes.add(t);
    return this;
  }

  public OperationState addAttribute(String name, Attribute value) {
    attributes.add(new NamedAttribute(name, value));
    return this;
  }

  public OperationState addSuccessor(Block b) {
    successors.add(b);
    return this;
  }

  /** Adds an empty region and returns it. */
  public Region addRegion() {
    Region r = new Region();
    regions.add(r);
    return r;
  }

  public OperationState addRegion(Region r) {
    regions.add(r);
    return this;
  }
}

package dev.dyad.ir.format;

import dev.dyad.ir.Block;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.ods.Arity;
import dev.dyad.ir.ods.AttrDef;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueDef;
import java.util.ArrayList;
import java.util.List;

/**
 * An op split into the groups of its definition (operands, results, regions, successors), or
 * null from {@link #of} when its shape does not fit the definition: such an op is printed
 * generically, since its custom form could not describe it.
 */
record OpView(Operation op, List<List<Value>> operands, List<List<OpResult>> results, List<List<Region>> regions,
    List<List<Block>> successors) {

  static OpView of(OpDefinition def, Operation op) {
    List<List<Value>> operands = new ArrayList<>();
    List<List<OpResult>> results = new ArrayList<>();
    try {
      for (ValueDef g : def.operands()) {
        List<Value> values = def.operandGroup(op, g.name());
        if (g.arity() == Arity.OPTIONAL && values.size() > 1) {
          return null;
        }
        operands.add(values);
      }
      for (ValueDef g : def.results()) {
        List<OpResult> values = def.resultGroup(op, g.name());
        if (g.arity() == Arity.OPTIONAL && values.size() > 1) {
          return null;
        }
        results.add(values);
      }
    } catch (IllegalStateException invalidLayout) {
      return null;
    }
    List<List<Region>> regions = split(op.getRegions(), def.regions().size(),
        !def.regions().isEmpty() && def.regions().get(def.regions().size() - 1).variadic());
    List<List<Block>> successors = split(op.getSuccessors(), def.successors().size(),
        !def.successors().isEmpty() && def.successors().get(def.successors().size() - 1).variadic());
    if (regions == null || successors == null) {
      return null;
    }
    return new OpView(op, operands, results, regions, successors);
  }

  /** One element per group, the last taking the rest when variadic; null when the count is wrong. */
  private static <T> List<List<T>> split(List<T> all, int groups, boolean variadicTail) {
    int fixed = variadicTail ? groups - 1 : groups;
    if (all.size() < fixed || !variadicTail && all.size() != fixed) {
      return null;
    }
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < fixed; i++) {
      out.add(List.of(all.get(i)));
    }
    if (variadicTail) {
      out.add(List.copyOf(all.subList(fixed, all.size())));
    }
    return out;
  }

  /** The value stored for {@code def} (a property or a discardable attribute), or null. */
  Attribute attribute(AttrDef def) {
    return def.inherent() ? op.getProperty(def.name()) : op.getAttrDictionary().get(def.name());
  }
}

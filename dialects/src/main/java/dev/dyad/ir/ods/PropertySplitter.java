package dev.dyad.ir.ods;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.PropertiesSplit;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.type.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts a new op's parsed attributes into properties and discardable attributes as MLIR's
 * parser and {@code Operation::create} do:
 * <ul>
 *   <li>without {@code <{...}>}, inherent attributes found in the attribute dictionary must
 *       satisfy their constraints ({@code 'op' op attribute 'x' failed to satisfy constraint})
 *       and move into the properties;
 *   <li>with {@code <{...}>}, each entry must fit its property's storage ({@code invalid
 *       properties ... in property conversion}), unknown names are dropped, and it wins over the
 *       same name in the attribute dictionary (whose ill-typed inherent entries are dropped);
 *   <li>defaults, including all-zero segment sizes, are materialised.
 * </ul>
 */
final class PropertySplitter {
  private PropertySplitter() {}

  static PropertiesSplit split(OpDefinition def, DictionaryAttr explicit, DictionaryAttr attributes) {
    List<String> inherent = def.propertyNames();
    if (explicit != null && inherent.isEmpty()) {
      return PropertiesSplit.failure(invalid(def, explicit, "this operation does not support properties"));
    }
    DictionaryAttr props = DictionaryAttr.EMPTY;
    List<NamedAttribute> discardable = new ArrayList<>();
    for (NamedAttribute a : attributes.entries()) {
      if (!inherent.contains(a.name())) {
        discardable.add(a);
        continue;
      }
      AttrDef d = def.attributeDef(a.name());
      if (explicit == null && d != null && !d.constraint().accepts(a.value())) {
        return PropertiesSplit.failure("'" + def.name() + "' op " + DefinitionVerifier.attributeMessage(d, a.value()));
      }
      if (fitsStorage(def, a.name(), a.value())) {
        props = props.with(a.name(), a.value());
      }
    }
    if (explicit != null) {
      for (NamedAttribute e : explicit.entries()) {
        if (!inherent.contains(e.name())) {
          continue;
        }
        String problem = conversionProblem(def, e.name(), e.value());
        if (problem != null) {
          return PropertiesSplit.failure(invalid(def, explicit, problem));
        }
        props = props.with(e.name(), e.value());
      }
    }
    props = withDefaults(def, props);
    return new PropertiesSplit(props.isEmpty() ? null : props, new DictionaryAttr(discardable), null);
  }

  static DictionaryAttr withDefaults(OpDefinition def, DictionaryAttr props) {
    for (AttrDef d : def.attributes()) {
      if (d.inherent() && d.defaultValue() != null && !props.contains(d.name())) {
        props = props.with(d.name(), d.defaultValue());
      }
    }
    if (def.hasOperandSegments() && !props.contains(OpDefinition.OPERAND_SEGMENT_SIZES)) {
      props = props.with(OpDefinition.OPERAND_SEGMENT_SIZES, OpDefinition.segmentSizes(new int[def.operands().size()]));
    }
    if (def.hasResultSegments() && !props.contains(OpDefinition.RESULT_SEGMENT_SIZES)) {
      props = props.with(OpDefinition.RESULT_SEGMENT_SIZES, OpDefinition.segmentSizes(new int[def.results().size()]));
    }
    return props;
  }

  private static boolean fitsStorage(OpDefinition def, String name, Attribute value) {
    return conversionProblem(def, name, value) == null;
  }

  /** Why {@code value} cannot be stored as property {@code name} (MLIR's wording), or null. */
  private static String conversionProblem(OpDefinition def, String name, Attribute value) {
    int groups = segmentGroups(def, name);
    if (groups >= 0) {
      if (!(value instanceof DenseArrayAttr d) || !d.elementType().equals(IntegerType.I32)) {
        return "expected DenseI32ArrayAttr for key `value`";
      }
      return d.size() == groups ? null : "size mismatch in attribute conversion: " + d.size() + " vs " + groups;
    }
    AttrDef d = def.attributeDef(name);
    if (d.constraint().storable(value)) {
      return null;
    }
    return "Invalid attribute `" + name + "` in property conversion: " + AsmPrinter.toString(value);
  }

  /** The number of groups a segment-sizes property covers, or -1 for other properties. */
  private static int segmentGroups(OpDefinition def, String name) {
    if (name.equals(OpDefinition.OPERAND_SEGMENT_SIZES) && def.hasOperandSegments()) {
      return def.operands().size();
    }
    if (name.equals(OpDefinition.RESULT_SEGMENT_SIZES) && def.hasResultSegments()) {
      return def.results().size();
    }
    return -1;
  }

  private static String invalid(OpDefinition def, DictionaryAttr explicit, String detail) {
    return "invalid properties " + AsmPrinter.toString(explicit) + " for op " + def.name() + ": " + detail;
  }
}

package dev.dyad.ir.ods;

import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.type.Type;
import java.util.List;
import java.util.Objects;

/**
 * An op's operand types and properties without the op itself (MLIR's generic adaptor): what
 * result-type inference sees, both when verifying an op and before a builder creates one.
 */
public final class OpAdaptor {
  private final OpDefinition def;
  private final List<Type> operandTypes;
  private final DictionaryAttr properties;
  private final ValueLayout layout;

  private OpAdaptor(OpDefinition def, List<Type> operandTypes, DictionaryAttr properties) {
    this.def = Objects.requireNonNull(def);
    this.operandTypes = List.copyOf(operandTypes);
    this.properties = Objects.requireNonNull(properties);
    this.layout = ValueLayout.operands(def, operandTypes.size(),
        properties.get(OpDefinition.OPERAND_SEGMENT_SIZES));
  }

  /** The adaptor of an existing op (whose counts and segment sizes the verifier has checked). */
  public static OpAdaptor of(OpDefinition def, Operation op) {
    return new OpAdaptor(def, op.getOperandTypes(), op.getPropertiesDictionary());
  }

  /** The adaptor of an op about to be built; throws when the operands do not fit the groups. */
  public static OpAdaptor of(OpDefinition def, List<Type> operandTypes, DictionaryAttr properties) {
    return new OpAdaptor(def, operandTypes, properties);
  }

  public OpDefinition definition() {
    return def;
  }

  public List<Type> operandTypes() {
    return operandTypes;
  }

  /** The types of operand group {@code group}. */
  public List<Type> operandGroup(String group) {
    int[] range = layout.range(def.operandIndex(group));
    return operandTypes.subList(range[0], range[1]);
  }

  /** The type of the single operand {@code group}, or null when an optional operand is absent. */
  public Type operand(String group) {
    List<Type> types = operandGroup(group);
    return types.isEmpty() ? null : types.get(0);
  }

  /** The index of the first operand of {@code group} among all operands. */
  public int operandIndex(String group) {
    return layout.start(def.operandIndex(group));
  }

  public DictionaryAttr properties() {
    return properties;
  }

  /** A declared property, falling back to its default; null when absent. */
  public Attribute property(String name) {
    AttrDef a = def.attributeDef(name);
    if (a == null || !a.inherent()) {
      throw new IllegalArgumentException("'" + def.name() + "' declares no property '" + name + "'");
    }
    Attribute value = properties.get(name);
    return value != null ? value : a.defaultValue();
  }

  /** The failure to throw from an inference: {@code throw op.fail("...")}. */
  public TypeInferenceException fail(String message) {
    return new TypeInferenceException(message);
  }
}

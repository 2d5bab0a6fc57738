package dev.dyad.ir.format;

import dev.dyad.ir.OpAsmPrinter;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.format.FormatElement.AttrVar;
import dev.dyad.ir.format.FormatElement.OptionalGroup;
import dev.dyad.ir.ods.AttrDef;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An op's declarative assembly format (MLIR's {@code assemblyFormat}), compiled and checked
 * against its definition, e.g. {@code $lhs `,` $rhs attr-dict `:` type($result)}. It is
 * interpreted at run time: the printer walks the elements, and the parser in the grammar module
 * reads tokens by them. See docs/assembly-format.md.
 */
public final class AssemblyFormat {
  private final OpDefinition def;
  private final String text;
  private final List<FormatElement> elements;
  private final TypeResolution types;
  private final boolean allOperands;
  private final boolean allOperandTypes;
  private final boolean allResultTypes;
  private final boolean propDict;
  /** Names printed by {@code $name} elements, never by attr-dict or prop-dict. */
  private final Set<String> boundAttributes = new HashSet<>();

  AssemblyFormat(OpDefinition def, String text, List<FormatElement> elements, TypeResolution types,
      boolean allOperands, boolean allOperandTypes, boolean allResultTypes, boolean propDict) {
    this.def = def;
    this.text = text;
    this.elements = List.copyOf(elements);
    this.types = types;
    this.allOperands = allOperands;
    this.allOperandTypes = allOperandTypes;
    this.allResultTypes = allResultTypes;
    this.propDict = propDict;
    collectBound(this.elements);
  }

  private void collectBound(List<FormatElement> list) {
    for (FormatElement e : list) {
      if (e instanceof AttrVar a) {
        boundAttributes.add(a.def().name());
      } else if (e instanceof OptionalGroup g) {
        collectBound(g.thenElements());
        collectBound(g.elseElements());
      }
    }
  }

  /**
   * Compiles {@code text} for {@code def}; throws IllegalArgumentException, naming the op and
   * the problem, when the format is malformed or does not fit the definition.
   */
  public static AssemblyFormat compile(String text, OpDefinition def) {
    return FormatCompiler.compile(text, def);
  }

  /** The format of {@code op}'s kind, or null when it has none (or is not registered). */
  public static AssemblyFormat of(Operation op) {
    OpDef d = op.getName().getDef();
    return d == null ? null : d.assemblyFormat();
  }

  public OpDefinition definition() {
    return def;
  }

  /** The format as written. */
  public String text() {
    return text;
  }

  public List<FormatElement> elements() {
    return elements;
  }

  public TypeResolution types() {
    return types;
  }

  /** Whether the format has the {@code operands} directive (operands are then not grouped by it). */
  public boolean usesAllOperands() {
    return allOperands;
  }

  /** Whether all operand types come as one list ({@code type(operands)}, {@code functional-type}). */
  public boolean usesAllOperandTypes() {
    return allOperandTypes;
  }

  /** Whether all result types come as one list ({@code type(results)}, {@code functional-type}). */
  public boolean usesAllResultTypes() {
    return allResultTypes;
  }

  /** Whether the format has {@code prop-dict} (else properties not bound elsewhere go to attr-dict). */
  public boolean hasPropDict() {
    return propDict;
  }

  // ---- printing -------------------------------------------------------------------------------

  /**
   * Whether {@code op} prints faithfully in this form, i.e. parsing the custom form gives the op
   * back. Ops the verifier would reject (wrong counts, misplaced properties, types that the form
   * infers but that differ) are printed generically instead, as MLIR does for invalid ops.
   */
  public boolean canPrint(Operation op) {
    OpView v = OpView.of(def, op);
    return v != null && propertiesFit(op) && typesInferable(v) && new FormatPrinter(this, v, null).check();
  }

  /** Prints {@code op}'s custom form after its name ({@link #canPrint} must hold). */
  public void print(Operation op, OpAsmPrinter printer) {
    OpView v = OpView.of(def, op);
    if (v == null) {
      throw new IllegalStateException(op.getNameString() + " does not fit its definition");
    }
    new FormatPrinter(this, v, printer).print();
  }

  /** Properties are a dictionary of declared names; no discardable attribute shadows one. */
  private boolean propertiesFit(Operation op) {
    Attribute props = op.getProperties();
    if (props != null && !(props instanceof DictionaryAttr)) {
      return false;
    }
    List<String> inherent = def.propertyNames();
    for (NamedAttribute p : op.getPropertiesDictionary().entries()) {
      if (!inherent.contains(p.name())) {
        return false;
      }
      AttrDef d = def.attributeDef(p.name());
      if (d != null && !d.constraint().storable(p.value())) {
        return false;
      }
    }
    for (NamedAttribute a : op.getAttrDictionary().entries()) {
      if (inherent.contains(a.name())) {
        return false;
      }
    }
    return true;
  }

  /** The types the form leaves out are the ones the parser will infer. */
  private boolean typesInferable(OpView v) {
    List<List<Type>> operandTypes = new ArrayList<>();
    int[] counts = new int[v.operands().size()];
    for (int g = 0; g < v.operands().size(); g++) {
      counts[g] = v.operands().get(g).size();
      operandTypes.add(types.operandTypePrinted(g) ? typesOf(v.operands().get(g)) : null);
    }
    List<List<Type>> resultTypes = new ArrayList<>();
    for (int g = 0; g < v.results().size(); g++) {
      resultTypes.add(types.resultTypePrinted(g) ? typesOf(v.results().get(g)) : null);
    }
    try {
      types.infer(operandTypes, counts, resultTypes);
    } catch (IllegalStateException noSource) {
      return false;
    }
    for (int g = 0; g < v.operands().size(); g++) {
      if (!operandTypes.get(g).equals(typesOf(v.operands().get(g)))) {
        return false;
      }
    }
    for (int g = 0; g < v.results().size(); g++) {
      if (!resultTypes.get(g).equals(typesOf(v.results().get(g)))) {
        return false;
      }
    }
    return true;
  }

  static List<Type> typesOf(List<? extends Value> values) {
    List<Type> out = new ArrayList<>(values.size());
    for (Value value : values) {
      out.add(value.getType());
    }
    return out;
  }

  /**
   * Whether attribute {@code a} of {@code def} prints as itself: a buildable-typed attribute
   * prints without its type, so it must have exactly that type; a dense array of a known element
   * type prints as its bracketed elements, so it must be such an array.
   */
  static boolean printableValue(AttrDef d, Attribute a) {
    Type element = d.constraint().arrayElementType();
    if (element != null) {
      return a instanceof DenseArrayAttr arr && arr.elementType().equals(element);
    }
    Type t = d.constraint().valueType();
    if (t == null) {
      return true;
    }
    return a instanceof IntegerAttr i && i.type().equals(t) || a instanceof FloatAttr f && f.type().equals(t);
  }

  /** Whether the optional value {@code a} counts as present (an unset default does not). */
  static boolean present(AttrDef d, Attribute a) {
    return a != null && !a.equals(d.defaultValue());
  }

  /**
   * The entries {@code attr-dict} prints: discardable attributes and, without prop-dict, the
   * properties no other element prints; minus segment sizes the parser recomputes and values
   * equal to their default.
   */
  List<NamedAttribute> attrDictEntries(Operation op) {
    List<NamedAttribute> all = new ArrayList<>(op.getAttrDictionary().entries());
    if (!propDict) {
      all.addAll(op.getPropertiesDictionary().entries());
      all.sort(NamedAttribute.BY_NAME);
    }
    return withoutElided(all);
  }

  /** The properties {@code prop-dict} prints (same elisions as {@link #attrDictEntries}). */
  DictionaryAttr propDictEntries(Operation op) {
    return new DictionaryAttr(withoutElided(op.getPropertiesDictionary().entries()));
  }

  private List<NamedAttribute> withoutElided(List<NamedAttribute> entries) {
    List<NamedAttribute> out = new ArrayList<>(entries.size());
    for (NamedAttribute e : entries) {
      if (!elided(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private boolean elided(NamedAttribute e) {
    String name = e.name();
    if (boundAttributes.contains(name)) {
      return true;
    }
    if (name.equals(OpDefinition.OPERAND_SEGMENT_SIZES) && def.hasOperandSegments()) {
      return !allOperands;
    }
    if (name.equals(OpDefinition.RESULT_SEGMENT_SIZES) && def.hasResultSegments()) {
      return !allResultTypes;
    }
    // Only properties get their defaults back when parsed (see PropertySplitter).
    AttrDef d = def.attributeDef(name);
    return d != null && d.inherent() && d.defaultValue() != null && d.defaultValue().equals(e.value());
  }

  @Override
  public String toString() {
    return text;
  }
}

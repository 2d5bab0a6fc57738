package dev.dyad.ir.ods;

import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.PropertiesSplit;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.format.AssemblyFormat;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A declarative op definition (MLIR ODS / xDSL IRDL style): operand and result groups,
 * properties and attributes, regions, successors, their constraints, traits and custom rules.
 * The one definition drives verification, typed accessors, the property split used by parsers
 * and the {@code --list-ops} documentation.
 */
public final class OpDefinition implements OpDef {
  /** The property sizing operand groups when more than one is optional or variadic (MLIR's name). */
  public static final String OPERAND_SEGMENT_SIZES = "operandSegmentSizes";
  /** The property sizing result groups when more than one is optional or variadic (MLIR's name). */
  public static final String RESULT_SEGMENT_SIZES = "resultSegmentSizes";

  private final String name;
  private final String summary;
  private final List<ValueDef> operands;
  private final List<ValueDef> results;
  private final List<AttrDef> attributes;
  private final List<RegionDef> regions;
  private final List<SuccessorDef> successors;
  private final Set<Trait> traits;
  private final Trait[] traitArray; // hasTrait scans this: faster than hashing for a handful
  private final VerifyHook verifier;
  private final VerifyHook regionVerifier;
  private final Predicate<Operation> symbolDeclaration;
  private final FoldHook folder;
  private final InferTypesHook typeInference;
  // Derived once: the verifier asks for these on every op.
  private final int variableOperandGroups;
  private final int variableResultGroups;
  private final int variadicRegions;
  private final int variadicSuccessors;
  private final AssemblyFormat assemblyFormat;

  private OpDefinition(Builder b) {
    this.name = b.name;
    this.summary = b.summary;
    this.operands = List.copyOf(b.operands);
    this.results = List.copyOf(b.results);
    this.attributes = List.copyOf(b.attributes);
    this.regions = List.copyOf(b.regions);
    this.successors = List.copyOf(b.successors);
    this.traits = Collections.unmodifiableSet(new LinkedHashSet<>(b.traits));
    this.traitArray = traits.toArray(new Trait[0]);
    this.verifier = b.verifier;
    this.regionVerifier = b.regionVerifier;
    this.symbolDeclaration = b.symbolDeclaration;
    this.folder = b.folder;
    this.typeInference = b.typeInference;
    this.variableOperandGroups = variableCount(operands);
    this.variableResultGroups = variableCount(results);
    this.variadicRegions = (int) regions.stream().filter(RegionDef::variadic).count();
    this.variadicSuccessors = (int) successors.stream().filter(SuccessorDef::variadic).count();
    // Compiled last: the format is checked against the complete definition.
    this.assemblyFormat = b.assemblyFormat == null ? null : AssemblyFormat.compile(b.assemblyFormat, this);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  // ---- the declaration ------------------------------------------------------------------------

  @Override
  public String name() {
    return name;
  }

  @Override
  public String summary() {
    return summary;
  }

  /** The traits, in declaration order (which is their verification order). */
  @Override
  public Set<Trait> traits() {
    return traits;
  }

  @Override
  public boolean hasTrait(Trait trait) {
    for (Trait t : traitArray) {
      if (t == trait || t.equals(trait)) {
        return true;
      }
    }
    return false;
  }

  public List<ValueDef> operands() {
    return operands;
  }

  public List<ValueDef> results() {
    return results;
  }

  /** Declared properties and discardable attributes, in declaration order. */
  public List<AttrDef> attributes() {
    return attributes;
  }

  public List<RegionDef> regions() {
    return regions;
  }

  public List<SuccessorDef> successors() {
    return successors;
  }

  @Override
  public AssemblyFormat assemblyFormat() {
    return assemblyFormat;
  }

  /** Whether the op is a symbol declaration (MLIR's SymbolOpInterface::isDeclaration). */
  public boolean isSymbolDeclaration(Operation op) {
    return symbolDeclaration != null && symbolDeclaration.test(op);
  }

  VerifyHook verifier() {
    return verifier;
  }

  VerifyHook regionVerifier() {
    return regionVerifier;
  }

  InferTypesHook typeInference() {
    return typeInference;
  }

  public AttrDef attributeDef(String attrName) {
    for (AttrDef a : attributes) {
      if (a.name().equals(attrName)) {
        return a;
      }
    }
    return null;
  }

  /** Whether operand groups are sized by {@link #OPERAND_SEGMENT_SIZES}. */
  public boolean hasOperandSegments() {
    return variableOperandGroups > 1;
  }

  /** Whether result groups are sized by {@link #RESULT_SEGMENT_SIZES}. */
  public boolean hasResultSegments() {
    return variableResultGroups > 1;
  }

  /** How many operand groups are optional or variadic. */
  int variableOperandGroups() {
    return variableOperandGroups;
  }

  /** How many result groups are optional or variadic. */
  int variableResultGroups() {
    return variableResultGroups;
  }

  int variadicRegions() {
    return variadicRegions;
  }

  int variadicSuccessors() {
    return variadicSuccessors;
  }

  static int variableCount(List<ValueDef> groups) {
    return (int) groups.stream().filter(g -> g.arity().isVariable()).count();
  }

  /** Inherent attribute names: declared properties, then segment sizes. */
  @Override
  public List<String> propertyNames() {
    List<String> names = new ArrayList<>();
    for (AttrDef a : attributes) {
      if (a.inherent()) {
        names.add(a.name());
      }
    }
    if (hasOperandSegments()) {
      names.add(OPERAND_SEGMENT_SIZES);
    }
    if (hasResultSegments()) {
      names.add(RESULT_SEGMENT_SIZES);
    }
    return names;
  }

  // ---- verification ---------------------------------------------------------------------------

  @Override
  public void verify(Operation op, DiagnosticEmitter emitter) {
    new DefinitionVerifier(this, op, emitter).verifyOp();
  }

  @Override
  public void verifyRegions(Operation op, DiagnosticEmitter emitter) {
    new DefinitionVerifier(this, op, emitter).verifyRegions();
  }

  @Override
  public FoldResult fold(Operation op, List<Attribute> operands) {
    return folder == null ? FoldResult.failure() : folder.fold(op, operands);
  }

  // ---- result-type inference -------------------------------------------------------------------

  /** Whether the definition declares a result-type inference. */
  public boolean infersTypes() {
    return typeInference != null;
  }

  /**
   * The result types of an op of this kind with these operand types and properties (defaults
   * apply to absent properties).
   *
   * @throws TypeInferenceException when the operands or properties are invalid for the op
   * @throws IllegalStateException when the definition declares no inference
   */
  public List<Type> inferResultTypes(List<Type> operandTypes, DictionaryAttr properties) {
    if (typeInference == null) {
      throw new IllegalStateException("'" + name + "' does not infer its result types");
    }
    return List.copyOf(typeInference.infer(OpAdaptor.of(this, operandTypes, properties)));
  }

  /**
   * Creates an op at {@code b}'s insertion point with inferred result types and the properties'
   * defaults materialised (as the parser does).
   *
   * @throws IllegalArgumentException when the result types cannot be inferred (invalid operands
   *     or properties: a bug in the caller); the message is the verifier's
   */
  public Operation create(dev.dyad.ir.Builder b, Location loc, List<? extends Value> operands,
      DictionaryAttr properties) {
    List<Type> types = new ArrayList<>();
    for (Value v : operands) {
      types.add(v.getType());
    }
    DictionaryAttr props = PropertySplitter.withDefaults(this, properties);
    try {
      return create(b, loc, operands, props, inferResultTypes(types, props));
    } catch (TypeInferenceException e) {
      throw new IllegalArgumentException("'" + name + "' op " + e.getMessage(), e);
    }
  }

  /** Creates an op with the given result types and the properties' defaults materialised. */
  public Operation create(dev.dyad.ir.Builder b, Location loc, List<? extends Value> operands,
      DictionaryAttr properties, List<? extends Type> resultTypes) {
    OperationState st = b.state(name, loc);
    st.addOperands(operands).addTypes(resultTypes);
    DictionaryAttr props = PropertySplitter.withDefaults(this, properties);
    st.properties = props.isEmpty() ? null : props;
    return b.create(st);
  }

  /** Whether the definition declares a fold rule. */
  public boolean hasFolder() {
    return folder != null;
  }

  @Override
  public PropertiesSplit splitProperties(DictionaryAttr explicitProperties, DictionaryAttr attributes) {
    return PropertySplitter.split(this, explicitProperties, attributes);
  }

  // ---- typed access ---------------------------------------------------------------------------

  /** The values of operand group {@code group} of {@code op}. */
  public List<Value> operandGroup(Operation op, String group) {
    int[] range = ValueLayout.operands(this, op).range(indexOf(operands, group));
    return op.getOperands().subList(range[0], range[1]);
  }

  /** The single operand {@code group} (null when an optional operand is absent). */
  public Value operand(Operation op, String group) {
    List<Value> values = operandGroup(op, group);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The results of result group {@code group} of {@code op}. */
  public List<OpResult> resultGroup(Operation op, String group) {
    int[] range = ValueLayout.results(this, op).range(indexOf(results, group));
    return op.getResults().subList(range[0], range[1]);
  }

  /** The single result {@code group} (null when an optional result is absent). */
  public OpResult result(Operation op, String group) {
    List<OpResult> values = resultGroup(op, group);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The regions of region group {@code group} (one unless variadic). */
  public List<Region> regionGroup(Operation op, String group) {
    int index = -1;
    for (int i = 0; i < regions.size(); i++) {
      if (regions.get(i).name().equals(group)) {
        index = i;
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException("'" + name + "' has no region named '" + group + "'");
    }
    // Only the last region group may be variadic (as in ODS), so it takes what the others leave.
    boolean variadicTail = index == regions.size() - 1 && regions.get(index).variadic();
    int end = variadicTail ? op.getNumRegions() : index + 1;
    return op.getRegions().subList(index, end);
  }

  /**
   * A declared property or attribute of {@code op}, falling back to its default; null when
   * absent. Properties are read from {@code op.getProperties()}, attributes from the dictionary.
   */
  public Attribute attribute(Operation op, String attrName) {
    AttrDef def = attributeDef(attrName);
    if (def == null) {
      throw new IllegalArgumentException("'" + name + "' declares no attribute '" + attrName + "'");
    }
    Attribute value = def.inherent() ? op.getProperty(attrName) : op.getAttrDictionary().get(attrName);
    return value != null ? value : def.defaultValue();
  }

  /** A segment-sizes value ({@code array<i32: ...>}) for ops built programmatically. */
  public static DenseArrayAttr segmentSizes(int... sizes) {
    long[] bits = new long[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      bits[i] = sizes[i];
    }
    return new DenseArrayAttr(IntegerType.I32, bits);
  }

  /** The index of operand group {@code group} in the declaration. */
  int operandIndex(String group) {
    return indexOf(operands, group);
  }

  private int indexOf(List<ValueDef> groups, String group) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).name().equals(group)) {
        return i;
      }
    }
    throw new IllegalArgumentException("'" + name + "' has no group named '" + group + "'");
  }

  // ---- documentation --------------------------------------------------------------------------

  @Override
  public String describe() {
    return OpDescription.describe(this);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Collects a definition; {@link #build()} checks that it is well formed. */
  public static final class Builder {
    private final String name;
    private String summary = "";
    private final List<ValueDef> operands = new ArrayList<>();
    private final List<ValueDef> results = new ArrayList<>();
    private final List<AttrDef> attributes = new ArrayList<>();
    private final List<RegionDef> regions = new ArrayList<>();
    private final List<SuccessorDef> successors = new ArrayList<>();
    private final List<Trait> traits = new ArrayList<>();
    private VerifyHook verifier;
    private VerifyHook regionVerifier;
    private Predicate<Operation> symbolDeclaration;
    private FoldHook folder;
    private InferTypesHook typeInference;
    private String assemblyFormat;

    private Builder(String name) {
      if (name.indexOf('.') <= 0) {
        throw new IllegalArgumentException("op name must be 'dialect.op': " + name);
      }
      this.name = name;
    }

    public Builder summary(String text) {
      this.summary = Objects.requireNonNull(text);
      return this;
    }

    public Builder operand(String group, TypeConstraint c) {
      return operand(group, ValueSpec.single(c));
    }

    public Builder operand(String group, ValueSpec spec) {
      operands.add(new ValueDef(group, spec.arity(), spec.constraint()));
      return this;
    }

    public Builder result(String group, TypeConstraint c) {
      return result(group, ValueSpec.single(c));
    }

    public Builder result(String group, ValueSpec spec) {
      results.add(new ValueDef(group, spec.arity(), spec.constraint()));
      return this;
    }

    /** A required property. */
    public Builder property(String attr, AttrConstraint c) {
      attributes.add(new AttrDef(attr, c, true, null, true));
      return this;
    }

    /** A property set to {@code defaultValue} when absent. */
    public Builder property(String attr, AttrConstraint c, Attribute defaultValue) {
      attributes.add(new AttrDef(attr, c, true, Objects.requireNonNull(defaultValue), true));
      return this;
    }

    public Builder optionalProperty(String attr, AttrConstraint c) {
      attributes.add(new AttrDef(attr, c, false, null, true));
      return this;
    }

    /** A required discardable attribute (kept in the attribute dictionary). */
    public Builder attribute(String attr, AttrConstraint c) {
      attributes.add(new AttrDef(attr, c, true, null, false));
      return this;
    }

    public Builder optionalAttribute(String attr, AttrConstraint c) {
      attributes.add(new AttrDef(attr, c, false, null, false));
      return this;
    }

    public Builder region(String region, RegionConstraint c) {
      regions.add(new RegionDef(region, c, false));
      return this;
    }

    /** A variadic group of regions; it must be the last region group. */
    public Builder variadicRegion(String region, RegionConstraint c) {
      regions.add(new RegionDef(region, c, true));
      return this;
    }

    public Builder successor(String successor) {
      successors.add(new SuccessorDef(successor, false));
      return this;
    }

    /** A variadic group of successors; it must be the last successor group. */
    public Builder variadicSuccessor(String successor) {
      successors.add(new SuccessorDef(successor, true));
      return this;
    }

    public Builder trait(Trait... ts) {
      traits.addAll(List.of(ts));
      return this;
    }

    /** The custom rule, run after the declared constraints and the traits. */
    public Builder verify(VerifyHook hook) {
      this.verifier = hook;
      return this;
    }

    /** A rule that needs the nested ops verified first (MLIR's {@code hasRegionVerifier}). */
    public Builder verifyRegions(VerifyHook hook) {
      this.regionVerifier = hook;
      return this;
    }

    /** Checks the op's symbol references when the enclosing symbol table is verified. */
    public Builder verifySymbolUses(VerifyHook hook) {
      traits.add(new SymbolUser(hook));
      return this;
    }

    /** When the op (a Symbol) is a declaration only, which may not be public. */
    public Builder symbolDeclaration(Predicate<Operation> isDeclaration) {
      this.symbolDeclaration = isDeclaration;
      return this;
    }

    /** The fold rule (MLIR's {@code hasFolder}); the op's results may fold to values or constants. */
    public Builder fold(FoldHook hook) {
      this.folder = hook;
      return this;
    }

    /**
     * The result-type inference (MLIR's {@code InferTypeOpInterface}): the verifier reports its
     * failures and any difference from the op's result types, and {@link OpDefinition#create}
     * builds ops from it. It runs after the declared constraints and traits.
     */
    public Builder inferTypes(InferTypesHook hook) {
      this.typeInference = hook;
      return this;
    }

    /**
     * The op's custom form, as an MLIR assembly format, e.g. {@code $lhs `,` $rhs attr-dict `:`
     * type($result)} (see docs/assembly-format.md). {@link #build()} checks it against the
     * definition and throws IllegalArgumentException when it does not fit.
     */
    public Builder assemblyFormat(String format) {
      this.assemblyFormat = Objects.requireNonNull(format);
      return this;
    }

    public OpDefinition build() {
      checkUnique();
      for (int i = 0; i + 1 < regions.size(); i++) {
        if (regions.get(i).variadic()) {
          throw new IllegalStateException(name + ": only the last region group may be variadic");
        }
      }
      for (int i = 0; i + 1 < successors.size(); i++) {
        if (successors.get(i).variadic()) {
          throw new IllegalStateException(name + ": only the last successor group may be variadic");
        }
      }
      return new OpDefinition(this);
    }

    private void checkUnique() {
      Set<String> seen = new HashSet<>();
      for (ValueDef v : operands) {
        require(seen.add("operand " + v.name()), v.name());
      }
      for (ValueDef v : results) {
        require(seen.add("result " + v.name()), v.name());
      }
      for (AttrDef a : attributes) {
        require(seen.add("attr " + a.name()), a.name());
      }
    }

    private void require(boolean unique, String what) {
      if (!unique) {
        throw new IllegalStateException(name + ": '" + what + "' is declared twice");
      }
    }
  }
}

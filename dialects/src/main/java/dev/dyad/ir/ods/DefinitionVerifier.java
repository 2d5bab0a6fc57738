package dev.dyad.ir.ods;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies one op against its definition in the order of MLIR's generated verifiers: counts,
 * structural traits, segment sizes, required attributes, attribute constraints, operand, result
 * and region constraints, constraint variables, the other traits, the custom rule. The first
 * failure ends it, as in MLIR.
 */
final class DefinitionVerifier {
  private final OpDefinition def;
  private final Operation op;
  private final TrackingEmitter emitter;

  DefinitionVerifier(OpDefinition def, Operation op, DiagnosticEmitter emitter) {
    this.def = def;
    this.op = op;
    this.emitter = new TrackingEmitter(emitter);
  }

  void verifyOp() {
    boolean ok = verifyCounts()
        && verifyTraits(true)
        && verifySegments()
        && verifyRequiredAttributes()
        && verifyAttributeConstraints()
        && verifyValues("operand", def.operands(), ValueLayout::operands, op.getOperands())
        && verifyValues("result", def.results(), ValueLayout::results, op.getResults())
        && verifyRegionConstraints()
        && verifyConstraintVariables()
        && verifyTraits(false);
    if (ok && def.verifier() != null) {
      def.verifier().verify(op, emitter);
    }
  }

  void verifyRegions() {
    for (Trait t : def.traits()) {
      TraitVerifier.verifyRegions(t, op, emitter);
      if (emitter.failed()) {
        return;
      }
    }
    if (def.regionVerifier() != null) {
      def.regionVerifier().verify(op, emitter);
    }
  }

  // ---- counts (MLIR's ZeroOperands / OneOperand / NOperands / AtLeastNOperands ... traits) ----

  private boolean verifyCounts() {
    return verifyRegionCount() && verifyResultCount() && verifySuccessorCount() && verifyOperandCount();
  }

  private boolean verifyRegionCount() {
    int declared = def.regions().size();
    int variadic = def.variadicRegions();
    int actual = op.getNumRegions();
    if (variadic > 0) {
      return declared == variadic || actual >= declared - variadic
          || fail("expected " + (declared - variadic) + " or more regions");
    }
    if (actual == declared) {
      return true;
    }
    return switch (declared) {
      case 0 -> fail("requires zero regions");
      case 1 -> fail("requires one region");
      default -> fail("expected " + declared + " regions");
    };
  }

  private boolean verifyResultCount() {
    int declared = def.results().size();
    int variable = def.variableResultGroups();
    int actual = op.getNumResults();
    if (variable > 0) {
      return declared == variable || actual >= declared - variable
          || fail("expected " + (declared - variable) + " or more results");
    }
    if (actual == declared) {
      return true;
    }
    return switch (declared) {
      case 0 -> fail("requires zero results");
      case 1 -> fail("requires one result");
      default -> fail("expected " + declared + " results");
    };
  }

  private boolean verifySuccessorCount() {
    int declared = def.successors().size();
    int variadic = def.variadicSuccessors();
    int actual = op.getNumSuccessors();
    if (variadic > 0) {
      if (declared == variadic) {
        return true;
      }
      int min = declared - variadic;
      return (actual >= min || fail("requires at least " + min + " successors but found " + actual))
          && verifySuccessorsInRegion();
    }
    if (declared == 0) {
      return actual == 0 || fail("requires 0 successors but found " + actual);
    }
    if (actual != declared) {
      return fail("requires " + declared + (declared == 1 ? " successor" : " successors") + " but found " + actual);
    }
    return verifySuccessorsInRegion();
  }

  private boolean verifySuccessorsInRegion() {
    for (Block succ : op.getSuccessors()) {
      if (succ.getParent() != op.getParentRegion()) {
        emitter.emitError(op, "reference to block defined in another region");
        return false;
      }
    }
    return true;
  }

  private boolean verifyOperandCount() {
    int declared = def.operands().size();
    int variable = def.variableOperandGroups();
    int actual = op.getNumOperands();
    if (variable > 0) {
      int min = declared - variable;
      return declared == variable || actual >= min
          || fail("expected " + min + " or more operands, but found " + actual);
    }
    if (actual == declared) {
      return true;
    }
    return switch (declared) {
      case 0 -> fail("requires zero operands");
      case 1 -> fail("requires a single operand");
      default -> fail("expected " + declared + " operands, but found " + actual);
    };
  }

  // ---- traits -------------------------------------------------------------------------------

  private boolean verifyTraits(boolean structural) {
    for (Trait t : def.traits()) {
      if (TraitVerifier.isStructural(t) != structural) {
        continue;
      }
      TraitVerifier.verify(def, t, op, emitter);
      if (emitter.failed()) {
        return false;
      }
    }
    return true;
  }

  // ---- segment sizes (MLIR's AttrSizedOperandSegments / AttrSizedResultSegments) ------------

  private boolean verifySegments() {
    return (!def.hasOperandSegments()
            || verifySegment(OpDefinition.OPERAND_SEGMENT_SIZES, "operand", def.operands().size(), op.getNumOperands()))
        && (!def.hasResultSegments()
            || verifySegment(OpDefinition.RESULT_SEGMENT_SIZES, "result", def.results().size(), op.getNumResults()));
  }

  private boolean verifySegment(String name, String kind, int groups, int actual) {
    Attribute value = op.getProperty(name);
    long[] sizes = new long[groups];
    if (value != null) {
      if (!(value instanceof DenseArrayAttr d) || !d.elementType().equals(IntegerType.I32)) {
        return fail("requires dense i32 array attribute '" + name + "'");
      }
      if (d.size() != groups) {
        return fail("'" + name + "' attribute for specifying " + kind + " segments must have " + groups
            + " elements, but got " + d.size());
      }
      sizes = d.toLongArray();
    }
    long total = 0;
    for (long s : sizes) {
      if (s < 0) {
        return fail("'" + name + "' attribute cannot have negative elements");
      }
      total += s;
    }
    if (total != actual) {
      return fail(kind + " count (" + actual + ") does not match with the total size (" + total
          + ") specified in attribute '" + name + "'");
    }
    return true;
  }

  // ---- attributes ---------------------------------------------------------------------------

  /** Missing required attributes, reported in name order as MLIR's generated code does. */
  private boolean verifyRequiredAttributes() {
    List<AttrDef> required = new ArrayList<>();
    for (AttrDef a : def.attributes()) {
      if (a.mustBePresent()) {
        required.add(a);
      }
    }
    required.sort(Comparator.comparing(AttrDef::name));
    for (AttrDef a : required) {
      if (valueOf(a) == null) {
        return fail("requires attribute '" + a.name() + "'");
      }
    }
    return true;
  }

  private boolean verifyAttributeConstraints() {
    for (AttrDef a : def.attributes()) {
      Attribute value = valueOf(a);
      if (value == null || a.constraint().accepts(value)) {
        continue;
      }
      return fail(attributeMessage(a, value));
    }
    return true;
  }

  /** MLIR's {@code attribute 'x' failed to satisfy constraint: ...}, or the custom message. */
  static String attributeMessage(AttrDef a, Attribute value) {
    String template = a.constraint().message();
    if (template == null) {
      return "attribute '" + a.name() + "' failed to satisfy constraint: " + a.constraint().description();
    }
    return template.replace("{name}", a.name()).replace("{value}", AsmPrinter.toString(value));
  }

  private Attribute valueOf(AttrDef a) {
    return a.inherent() ? op.getProperty(a.name()) : op.getAttrDictionary().get(a.name());
  }

  // ---- operands and results -------------------------------------------------------------------

  private interface LayoutOf {
    ValueLayout of(OpDefinition def, Operation op);
  }

  private boolean verifyValues(String kind, List<ValueDef> groups, LayoutOf layoutOf, List<? extends Value> values) {
    ValueLayout layout = layoutOf.of(def, op);
    for (int g = 0; g < groups.size(); g++) {
      ValueDef group = groups.get(g);
      int start = layout.start(g);
      int size = layout.size(g);
      if (group.arity() == Arity.OPTIONAL && size > 1) {
        return fail(kind + " group starting at #" + start + " requires 0 or 1 element, but found " + size);
      }
      for (int i = start; i < start + size; i++) {
        Type type = values.get(i).getType();
        if (!group.constraint().accepts(type)) {
          return fail(valueMessage(kind, i, group, type));
        }
      }
    }
    return true;
  }

  private static String valueMessage(String kind, int index, ValueDef group, Type type) {
    String quoted = "'" + AsmPrinter.toString(type) + "'";
    String template = group.constraint().message();
    if (template == null) {
      return kind + " #" + index + " must be " + group.constraint().description() + ", but got " + quoted;
    }
    return template.replace("{kind}", kind).replace("{index}", Integer.toString(index))
        .replace("{name}", group.name()).replace("{type}", quoted);
  }

  // ---- regions ------------------------------------------------------------------------------

  private boolean verifyRegionConstraints() {
    List<RegionDef> groups = def.regions();
    for (int i = 0; i < op.getNumRegions() && !groups.isEmpty(); i++) {
      RegionDef group = groups.get(Math.min(i, groups.size() - 1));
      Region region = op.getRegion(i);
      if (group.constraint().accepts(region)) {
        continue;
      }
      String name = group.name().isEmpty() ? " " : " ('" + group.name() + "') ";
      return fail("region #" + i + name + "failed to verify constraint: " + group.constraint().description());
    }
    return true;
  }

  // ---- constraint variables (MLIR's AllTypesMatch) -----------------------------------------

  private boolean verifyConstraintVariables() {
    Map<String, Set<String>> groupsByVar = new LinkedHashMap<>();
    Map<String, Set<Type>> typesByVar = new LinkedHashMap<>();
    collectVariables(def.operands(), ValueLayout.operands(def, op), op.getOperands(), groupsByVar, typesByVar);
    collectVariables(def.results(), ValueLayout.results(def, op), op.getResults(), groupsByVar, typesByVar);
    for (Map.Entry<String, Set<Type>> e : typesByVar.entrySet()) {
      if (e.getValue().size() > 1) {
        return fail("failed to verify that all of {" + String.join(", ", groupsByVar.get(e.getKey()))
            + "} have same type");
      }
    }
    return true;
  }

  private static void collectVariables(List<ValueDef> groups, ValueLayout layout, List<? extends Value> values,
      Map<String, Set<String>> groupsByVar, Map<String, Set<Type>> typesByVar) {
    for (int g = 0; g < groups.size(); g++) {
      if (!(groups.get(g).constraint() instanceof TypeConstraint.Var var)) {
        continue;
      }
      groupsByVar.computeIfAbsent(var.name(), k -> new LinkedHashSet<>()).add(groups.get(g).name());
      Set<Type> types = typesByVar.computeIfAbsent(var.name(), k -> new LinkedHashSet<>());
      for (int i = layout.start(g); i < layout.start(g) + layout.size(g); i++) {
        types.add(values.get(i).getType());
      }
    }
  }

  private boolean fail(String message) {
    emitter.emitOpError(op, message);
    return false;
  }
}

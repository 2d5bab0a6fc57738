package dev.dyad.ir.ods;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Trait;

/** Renders an op definition as the text of {@code cim-opt --list-ops}. */
final class OpDescription {
  private OpDescription() {}

  /**
   * One header line ({@code name: summary}) and one indented line per operand, result,
   * property, attribute, region, successor and trait, in declaration order.
   */
  static String describe(OpDefinition def) {
    StringBuilder sb = new StringBuilder(def.name());
    if (!def.summary().isEmpty()) {
      sb.append(": ").append(def.summary());
    }
    sb.append('\n');
    for (ValueDef v : def.operands()) {
      line(sb, "operand", v.name(), v.describe());
    }
    for (ValueDef v : def.results()) {
      line(sb, "result", v.name(), v.describe());
    }
    for (AttrDef a : def.attributes()) {
      line(sb, a.inherent() ? "property" : "attribute", a.name(), attributeText(a));
    }
    for (RegionDef r : def.regions()) {
      line(sb, "region", r.name(), (r.variadic() ? "variadic of " : "") + r.constraint().description());
    }
    for (SuccessorDef s : def.successors()) {
      line(sb, "successor", s.name(), s.variadic() ? "variadic of any successor" : "any successor");
    }
    for (Trait t : def.traits()) {
      sb.append("  trait ").append(t.name()).append('\n');
    }
    if (def.infersTypes()) {
      sb.append("  infers its result types\n");
    }
    if (def.assemblyFormat() != null) {
      sb.append("  format ").append(def.assemblyFormat().text()).append('\n');
    }
    return sb.toString();
  }

  private static String attributeText(AttrDef a) {
    String text = a.constraint().description();
    if (a.defaultValue() != null) {
      return text + " (default " + AsmPrinter.toString(a.defaultValue()) + ")";
    }
    return a.required() ? text : text + " (optional)";
  }

  private static void line(StringBuilder sb, String kind, String name, String text) {
    sb.append("  ").append(kind).append(' ').append(name).append(": ").append(text).append('\n');
  }
}

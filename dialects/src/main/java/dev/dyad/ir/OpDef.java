package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.format.AssemblyFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The definition of a registered operation kind: its traits, its inherent attribute (property)
 * names, and its verification. Dialects declare ops declaratively and the result implements this.
 */
public interface OpDef {
  String name();

  /** A one-line summary for documentation. */
  default String summary() {
    return "";
  }

  Set<Trait> traits();

  default boolean hasTrait(Trait trait) {
    return traits().contains(trait);
  }

  /** Names of inherent attributes, stored as properties ({@code <{...}>}) like MLIR does. */
  default List<String> propertyNames() {
    return List.of();
  }

  /**
   * Checks the op itself, in MLIR's order (counts, structural traits, declared constraints, the
   * other traits, custom rules), stopping at the first failure and reporting it through
   * {@code emitter}. Nested ops are the {@link Verifier}'s business.
   */
  void verify(Operation op, DiagnosticEmitter emitter);

  /**
   * Checks what needs the nested ops verified first (MLIR's region verifiers, e.g. symbol table
   * uniqueness and region isolation); called after the op's regions verified successfully.
   */
  default void verifyRegions(Operation op, DiagnosticEmitter emitter) {}

  /**
   * Sorts the attributes of an op being created (by a parser) into properties and discardable
   * attributes the way MLIR does: inherent names found among {@code attributes} move into the
   * properties and {@code explicitProperties} (the generic form's {@code <{...}>}, or null) win
   * over them. This default moves every name of {@link #propertyNames()} and checks nothing.
   */
  default PropertiesSplit splitProperties(DictionaryAttr explicitProperties, DictionaryAttr attributes) {
    List<String> inherent = propertyNames();
    if (explicitProperties != null && inherent.isEmpty()) {
      return PropertiesSplit.failure("invalid properties " + AsmPrinter.toString(explicitProperties) + " for op "
          + name() + ": this operation does not support properties");
    }
    DictionaryAttr props = DictionaryAttr.EMPTY;
    List<NamedAttribute> discardable = new ArrayList<>();
    for (NamedAttribute a : attributes.entries()) {
      if (inherent.contains(a.name())) {
        props = props.with(a.name(), a.value());
      } else {
        discardable.add(a);
      }
    }
    if (explicitProperties != null) {
      for (NamedAttribute a : explicitProperties.entries()) {
        if (inherent.contains(a.name())) {
          props = props.with(a.name(), a.value());
        }
      }
    }
    return new PropertiesSplit(props.isEmpty() ? null : props, new DictionaryAttr(discardable), null);
  }

  /**
   * Folds {@code op} (MLIR's fold hook): {@code operands} holds, per operand, the constant value
   * it is known to have, or null. A fold must not create ops; it may update {@code op} in place.
   * The default folds nothing.
   */
  default FoldResult fold(Operation op, List<Attribute> operands) {
    return FoldResult.failure();
  }

  /**
   * The declarative assembly format of the op's custom (pretty) form, or null when the op is
   * always printed in the generic form.
   */
  default AssemblyFormat assemblyFormat() {
    return null;
  }

  /** A human-readable description for {@code cim-opt --list-ops}. */
  default String describe() {
    StringBuilder sb = new StringBuilder(name());
    if (!summary().isEmpty()) {
      sb.append(": ").append(summary());
    }
    sb.append('\n');
    for (Trait t : traits()) {
      sb.append("  trait ").append(t.name()).append('\n');
    }
    return sb.toString();
  }
}

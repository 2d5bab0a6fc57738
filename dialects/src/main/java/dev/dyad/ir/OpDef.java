package dev.dyad.ir;

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
   * Checks the op's declared structure, constraints and custom rules (not traits, not nested
   * regions: the verifier does those), reporting each failure through {@code emitter}.
   */
  void verify(Operation op, DiagnosticEmitter emitter);
}

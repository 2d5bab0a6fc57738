package dev.dyad.ir;

/**
 * The name of an operation kind, interned per Context; registered names carry their definition.
 */
public final class OperationName {
  private final String name;
  private final String dialect;
  private final OpDef def;
  private final Context context;

  OperationName(String name, OpDef def, Context context) {
    this.name = name;
    this.context = context;
    int dot = name.indexOf('.');
    this.dialect = dot < 0 ? "" : name.substring(0, dot);
    this.def = def;
  }

  public String getStringRef() {
    return name;
  }

  /** The dialect namespace: the part of the name before the first dot. */
  public String getDialectNamespace() {
    return dialect;
  }

  /** The Context that interned this name (MLIR's {@code OperationName::getContext}). */
  public Context getContext() {
    return context;
  }

  public boolean isRegistered() {
    return def != null;
  }

  /** The definition, or null for an unregistered op. */
  public OpDef getDef() {
    return def;
  }

  public boolean hasTrait(Trait trait) {
    return def != null && def.hasTrait(trait);
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.dyad.ir;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Owns what IR shares: the registered dialects and op names, the diagnostics, and the sources
 * read so far. One Context per compilation; not thread-safe.
 */
public final class Context {
  private final Map<String, Dialect> dialects = new LinkedHashMap<>();
  private final Map<String, OperationName> opNames = new HashMap<>();
  private final TreeMap<String, OpDef> registeredOps = new TreeMap<>();
  private final DiagnosticEngine diagnostics = new DiagnosticEngine();
  private final SourceManager sources = new SourceManager();
  private boolean allowUnregisteredDialects;

  public Context() {}

  /** Registers {@code dialect} and all its ops; registering the same namespace twice is a no-op. */
  public Context register(Dialect dialect) {
    if (dialects.containsKey(dialect.namespace())) {
      return this;
    }
    dialects.put(dialect.namespace(), dialect);
    for (OpDef def : dialect.ops()) {
      registeredOps.put(def.name(), def);
      opNames.put(def.name(), new OperationName(def.name(), def, this));
    }
    return this;
  }

  public Dialect getDialect(String namespace) {
    return dialects.get(namespace);
  }

  public Collection<Dialect> getDialects() {
    return Collections.unmodifiableCollection(dialects.values());
  }

  /** All registered op definitions, sorted by name. */
  public Collection<OpDef> getRegisteredOps() {
    return Collections.unmodifiableCollection(registeredOps.values());
  }

  /** The interned name for {@code name}, registered or not. */
  public OperationName getOperationName(String name) {
    return opNames.computeIfAbsent(name, n -> new OperationName(n, null, this));
  }

  /** The registered definition of {@code name}, or null. */
  public OpDef lookupOp(String name) {
    return registeredOps.get(name);
  }

  public boolean isDialectRegistered(String namespace) {
    return dialects.containsKey(namespace);
  }

  public boolean allowsUnregisteredDialects() {
    return allowUnregisteredDialects;
  }

  public void setAllowUnregisteredDialects(boolean allow) {
    this.allowUnregisteredDialects = allow;
  }

  public DiagnosticEngine diagnostics() {
    return diagnostics;
  }

  public SourceManager sources() {
    return sources;
  }

  /** Emits an error at {@code loc}. */
  public Diagnostic emitError(Location loc, String message) {
    return diagnostics.emitError(loc, message);
  }
}

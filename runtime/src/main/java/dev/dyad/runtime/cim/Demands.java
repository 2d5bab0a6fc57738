package dev.dyad.runtime.cim;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What one op asks of each resource, in exact cycles (docs/dialects/meta.md, the ops' "demands"). */
public final class Demands {
  private final TreeMap<Resource, Rational> byResource = new TreeMap<>();

  /** Adds {@code cycles} on {@code r} (zero demands are not recorded). */
  public Demands add(Resource r, Rational cycles) {
    if (cycles.signum() != 0) {
      byResource.merge(r, cycles, Rational::plus);
    }
    return this;
  }

  public Demands addAll(Demands other) {
    other.byResource.forEach(this::add);
    return this;
  }

  public Rational get(Resource r) {
    return byResource.getOrDefault(r, Rational.ZERO);
  }

  /** The demands, ordered by resource. */
  public Map<Resource, Rational> asMap() {
    return Collections.unmodifiableMap(byResource);
  }

  public boolean isEmpty() {
    return byResource.isEmpty();
  }

  /** The largest demand (0 when there is none): an op's latency on its own, before rounding. */
  public Rational max() {
    Rational m = Rational.ZERO;
    for (Rational r : byResource.values()) {
      m = m.max(r);
    }
    return m;
  }

  /** The resource with the largest demand (the first in resource order on ties), or null. */
  public Resource argMax() {
    Resource best = null;
    Rational m = Rational.ZERO;
    for (Map.Entry<Resource, Rational> e : byResource.entrySet()) {
      if (best == null || e.getValue().compareTo(m) > 0) {
        best = e.getKey();
        m = e.getValue();
      }
    }
    return best;
  }
}

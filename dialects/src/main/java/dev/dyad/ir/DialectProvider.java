package dev.dyad.ir;

import java.util.List;

/**
 * Contributes dialects to the contexts the tools create, found with {@link java.util.ServiceLoader}
 * (list implementations in {@code META-INF/services/dev.dyad.ir.DialectProvider}): how test
 * dialects reach {@code cim-opt} in tests without being part of the tools.
 */
public interface DialectProvider {
  /** New instances of the dialects to register. */
  List<Dialect> dialects();
}

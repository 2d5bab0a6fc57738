package dev.dyad.transforms;

import dev.dyad.dialect.arith.ArithDialect;
import dev.dyad.dialect.arith.transforms.ArithCanonicalization;
import dev.dyad.ir.Context;
import dev.dyad.ir.Dialect;
import dev.dyad.rewrite.PatternSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where canonicalize finds each dialect's canonicalization patterns (MLIR keeps them on the ops;
 * Dyad's op definitions live below the rewriting library, so dialects register them here).
 */
public final class CanonicalizationPatterns {
  private static final Map<String, Supplier<PatternSet>> BY_DIALECT = new ConcurrentHashMap<>();

  static {
    register(ArithDialect.NAMESPACE, ArithCanonicalization::patterns);
  }

  private CanonicalizationPatterns() {}

  /** Makes {@code patterns} the canonicalization patterns of dialect {@code namespace}. */
  public static void register(String namespace, Supplier<PatternSet> patterns) {
    BY_DIALECT.put(namespace, patterns);
  }

  /** The patterns of every dialect registered in {@code ctx}, dialect by dialect. */
  public static PatternSet forContext(Context ctx) {
    PatternSet all = new PatternSet();
    for (Dialect d : ctx.getDialects()) {
      Supplier<PatternSet> patterns = BY_DIALECT.get(d.namespace());
      if (patterns != null) {
        all.addAll(patterns.get());
      }
    }
    return all;
  }
}

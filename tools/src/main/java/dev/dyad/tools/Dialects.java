package dev.dyad.tools;

import dev.dyad.dialect.arith.ArithDialect;
import dev.dyad.dialect.builtin.BuiltinDialect;
import dev.dyad.dialect.cim.CimDialect;
import dev.dyad.dialect.func.FuncDialect;
import dev.dyad.dialect.meta.MetaDialect;
import dev.dyad.dialect.nn.NnDialect;
import dev.dyad.ir.Context;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.DialectProvider;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The dialects every Dyad tool registers, plus those of any {@link DialectProvider} on the class
 * path (test dialects, in tests).
 */
public final class Dialects {
  private Dialects() {}

  /** Looked up once: the class path does not change while the tools run. */
  private static final List<DialectProvider> PROVIDERS =
      ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get).toList();

  public static Context newContext() {
    Context ctx = new Context();
    ctx.register(new BuiltinDialect());
    ctx.register(new FuncDialect());
    ctx.register(new ArithDialect());
    ctx.register(new NnDialect());
    ctx.register(new CimDialect());
    ctx.register(new MetaDialect());
    for (DialectProvider p : PROVIDERS) {
      for (Dialect d : p.dialects()) {
        ctx.register(d);
      }
    }
    return ctx;
  }
}

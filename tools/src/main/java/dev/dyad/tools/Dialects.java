package dev.dyad.tools;

import dev.dyad.dialect.arith.ArithDialect;
import dev.dyad.dialect.builtin.BuiltinDialect;
import dev.dyad.dialect.cim.CimDialect;
import dev.dyad.dialect.func.FuncDialect;
import dev.dyad.dialect.meta.MetaDialect;
import dev.dyad.dialect.nn.NnDialect;
import dev.dyad.ir.Context;

/** The dialects every Dyad tool registers. */
public final class Dialects {
  private Dialects() {}

  public static Context newContext() {
    Context ctx = new Context();
    ctx.register(new BuiltinDialect());
    ctx.register(new FuncDialect());
    ctx.register(new ArithDialect());
    ctx.register(new NnDialect());
    ctx.register(new CimDialect());
    ctx.register(new MetaDialect());
    return ctx;
  }
}

package dev.dyad.transforms;

import dev.dyad.ir.Operation;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;

/** {@code symbol-dce}: runs {@link SymbolDce} on a symbol table op. */
public final class SymbolDcePass extends Pass {
  private final Statistic numDce = statistic("num-dce", "Number of symbols DCE'd");

  @Override
  public String argument() {
    return "symbol-dce";
  }

  @Override
  public String summary() {
    return "Eliminate dead symbols";
  }

  @Override
  public String name() {
    return "SymbolDCE";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    SymbolDce dce = new SymbolDce(ctx::emitError);
    dce.run(op);
    numDce.add(dce.erasedSymbols());
    if (dce.failed()) {
      ctx.signalPassFailure();
    }
  }
}

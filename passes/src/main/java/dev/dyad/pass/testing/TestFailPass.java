package dev.dyad.pass.testing;

import dev.dyad.ir.Operation;
import dev.dyad.ir.SymbolTable;
import dev.dyad.pass.Option;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;

/** Fails on the op it runs on (or only on the symbol it is told), with an error unless silent. */
public final class TestFailPass extends Pass {
  private final Option<String> symbol = options.stringOption("symbol", "",
      "Fail only on the op with this symbol name (empty: on every op)");
  private final Option<Boolean> silent = options.boolOption("silent", false,
      "Signal failure without emitting an error");
  private final Statistic failures = statistic("num-failures", "Number of operations failed on");

  @Override
  public String argument() {
    return "test-fail";
  }

  @Override
  public String summary() {
    return "Test pass: fails";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    if (!symbol.get().isEmpty() && !symbol.get().equals(SymbolTable.symbolName(op))) {
      return;
    }
    failures.increment();
    if (!silent.get()) {
      ctx.emitError(op, "test-fail: failing as requested");
    }
    ctx.signalPassFailure();
  }
}

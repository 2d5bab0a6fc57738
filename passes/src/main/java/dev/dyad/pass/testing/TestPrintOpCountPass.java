package dev.dyad.pass.testing;

import dev.dyad.ir.Operation;
import dev.dyad.ir.SymbolTable;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;

/** Reports, as a remark on the op it runs on, how many ops that op holds. Changes nothing. */
public final class TestPrintOpCountPass extends Pass {
  private final Statistic counted = statistic("num-ops", "Number of nested operations counted");
  private final Statistic runs = statistic("num-runs", "Number of operations the pass ran on");

  @Override
  public String argument() {
    return "test-print-op-count";
  }

  @Override
  public String summary() {
    return "Test pass: remark with the number of operations nested in the op";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    long[] count = {0};
    op.walk(nested -> count[0]++);
    long inside = count[0] - 1;
    counted.add(inside);
    runs.increment();
    String symbol = SymbolTable.symbolName(op);
    String which = "'" + op.getNameString() + "' op" + (symbol == null ? "" : " @" + symbol);
    ctx.emitRemark(op, which + " holds " + inside + " operations");
  }
}

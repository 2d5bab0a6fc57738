package dev.dyad.conversion.cimtometa;

import dev.dyad.alloc.ModuleArch;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.dialect.meta.MetaDialect;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.Operation;
import dev.dyad.pass.Option;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;
import java.util.List;

/**
 * {@code cim-to-meta}: lowers every allocated cim function of a module to the meta program the
 * CIM interpreter runs ({@link FunctionLowering}; docs/lowering.md).
 */
public final class CimToMetaPass extends Pass {
  private final Option<String> arch = options.stringOption("arch", "",
      "Hardware description: a preset name or a JSON file (default: the module's cim.arch)");
  private final Statistic segments = statistic("num-segments", "Number of meta.segment ops emitted");
  private final Statistic written = statistic("arrays-written", "Arrays whose weights are written");
  private final Statistic toMemory = statistic("switches-to-memory", "Arrays switched to memory mode");
  private final Statistic toCompute = statistic("switches-to-compute", "Arrays switched to compute mode");
  private final Statistic spilled = statistic("num-spilled",
      "Values kept in external memory between segments because the buffer is full");
  private final Statistic banded = statistic("num-banded",
      "Products computed in row blocks because the buffer cannot hold them at once");
  private final Statistic rowBlocks = statistic("row-blocks", "Row blocks of those products");

  @Override
  public String argument() {
    return "cim-to-meta";
  }

  @Override
  public String summary() {
    return "Lower allocated cim functions to meta programs (arrays, switches, weight writes, data placement)";
  }

  @Override
  public String description() {
    return "Assigns physical arrays to every segment's weight tiles and memory buffers (keeping resident weights,"
        + " few mode switches), then emits one meta.segment per cim.segment: write-back, meta.switch,"
        + " meta.write_weights and the compute phase (loads, im2col, one meta.mvm per tile, col2im, vector work,"
        + " stores), separated by meta.barrier. Activations stay in the buffer while it has room; products too big"
        + " for it run in row blocks (meta.load_slice, meta.store_slice).";
  }

  @Override
  public String anchor() {
    return "builtin.module";
  }

  @Override
  public List<Dialect> dependentDialects() {
    return List.of(new MetaDialect());
  }

  @Override
  public void run(Operation module, PassContext ctx) {
    HardwareDescription d = ModuleArch.resolve(module, arch.get(), argument(), ctx);
    if (d == null) {
      ctx.signalPassFailure();
      return;
    }
    for (Operation op : module.getRegion(0).front().getOpsList()) {
      if (!FuncOp.isa(op) || new FuncOp(op).isExternal()) {
        continue;
      }
      FunctionLowering.Counts c = new FunctionLowering(op, d, ctx).run();
      if (c == null) {
        ctx.signalPassFailure();
        continue;
      }
      segments.add(c.segments());
      written.add(c.arraysWritten());
      toMemory.add(c.toMemory());
      toCompute.add(c.toCompute());
      spilled.add(c.spilled());
      banded.add(c.bandedProducts());
      rowBlocks.add(c.rowBlocks());
    }
  }
}

package dev.dyad.alloc;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.dialect.cim.AllocAttr;
import dev.dyad.dialect.cim.MmmOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.ir.Operation;
import dev.dyad.pass.Option;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;
import java.util.ArrayList;
import java.util.List;

/**
 * What the allocation passes share: the {@code arch} option, the products as {@link CimOperator}s,
 * {@code #cim.alloc} and the segments ({@link SegmentFormation}); subclasses choose the allocator.
 */
public abstract class AllocationPass extends Pass {
  private final Option<String> arch = options.stringOption("arch", "",
      "Hardware description: a preset name or a JSON file (default: the module's cim.arch)");
  private final Statistic segments = statistic("num-segments", "Number of segments formed");
  private final Statistic operators = statistic("num-operators", "Number of cim.mmm operators allocated");
  private final Statistic arraysUsed = statistic("arrays-used", "Compute arrays used, summed over segments");
  private final Statistic maxArrays = statistic("max-arrays", "Most arrays one segment uses");

  /** Runs the allocator on the operators of one function, in program order. */
  protected abstract Allocation allocate(List<CimOperator> ops, HardwareDescription arch) throws AllocationException;

  @Override
  public final String anchor() {
    return "builtin.module";
  }

  @Override
  public final void run(Operation module, PassContext ctx) {
    HardwareDescription d = ModuleArch.resolve(module, arch.get(), argument(), ctx);
    if (d == null) {
      ctx.signalPassFailure();
      return;
    }
    for (Operation op : module.getRegion(0).front().getOpsList()) {
      if (FuncOp.isa(op) && !new FuncOp(op).isExternal() && !allocateFunction(op, d, ctx)) {
        ctx.signalPassFailure();
      }
    }
  }

  private boolean allocateFunction(Operation func, HardwareDescription d, PassContext ctx) {
    SegmentFormation formation = SegmentFormation.analyze(func, ctx);
    if (formation == null) {
      return false;
    }
    List<MmmOp> mmms = formation.products();
    List<CimOperator> ops = new ArrayList<>();
    for (MmmOp m : mmms) {
      ops.add(new CimOperator(m.source().orElse(MmmOp.NAME), m.M(), m.K(), m.N()));
    }
    Allocation allocation;
    try {
      allocation = allocate(ops, d);
    } catch (AllocationException e) {
      ctx.emitError(mmms.get(e.operator()).op(), e.getMessage());
      return false;
    }
    int[] segmentOf = new int[mmms.size()];
    for (int s = 0; s < allocation.segments().size(); s++) {
      Segment seg = allocation.segments().get(s);
      long used = 0;
      for (int i = seg.first(); i <= seg.last(); i++) {
        if (seg.memoryArrays().get(i - seg.first()) != 0) {
          throw new IllegalStateException(allocation.allocator() + " gave memory-mode arrays to a baseline operator");
        }
        long tiles = ops.get(i).tiles(d);
        mmms.get(i).setAlloc(AllocAttr.computeOnly(tiles, seg.dupOf(i)));
        used += tiles * seg.dupOf(i);
        segmentOf[i] = s;
      }
      arraysUsed.add(used);
      maxArrays.set(Math.max(maxArrays.get(), used));
    }
    int formed = formation.wrap(segmentOf);
    segments.add(formed);
    operators.add(mmms.size());
    return true;
  }
}

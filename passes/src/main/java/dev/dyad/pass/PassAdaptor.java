package dev.dyad.pass;

import dev.dyad.ir.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pass that runs nested pipelines (MLIR's {@code OpToOpPassAdaptor}): for each op directly
 * inside the op it runs on, the first of its pass managers that can be scheduled on that op runs
 * its pipeline there. {@code func.func(cse)} in a pipeline is one of these. The
 * {@link PassManager} executes it; {@link #run} is never called.
 */
public final class PassAdaptor extends Pass {
  private final List<OpPassManager> managers = new ArrayList<>();

  PassAdaptor(OpPassManager nested) {
    managers.add(nested);
  }

  public List<OpPassManager> managers() {
    return List.copyOf(managers);
  }

  @Override
  public String argument() {
    return "";
  }

  @Override
  public String summary() {
    return "Runs nested pass pipelines";
  }

  /** As MLIR's timing report names it. */
  @Override
  public String name() {
    if (managers.size() == 1) {
      return "'" + managers.get(0).anchor() + "' Pipeline";
    }
    StringBuilder sb = new StringBuilder("Pipeline Collection : [");
    for (int i = 0; i < managers.size(); i++) {
      sb.append(i > 0 ? ", '" : "'").append(managers.get(i).anchor()).append('\'');
    }
    return sb.append(']').toString();
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    throw new IllegalStateException("pass adaptors are run by the pass manager");
  }

  @Override
  public String toPipelineText() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < managers.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(managers.get(i).toPipelineText());
    }
    return sb.toString();
  }

  /**
   * Moves this adaptor's managers into {@code into} (its predecessor in a pipeline), merging
   * managers with equal anchors, as MLIR does before running; false (nothing moved) when an
   * op-agnostic manager could run on the same ops as another one, since their order would matter.
   */
  boolean tryMergeInto(PassAdaptor into, dev.dyad.ir.Context ctx) {
    if (hasScheduleConflict(managers, into.managers, ctx) || hasScheduleConflict(into.managers, managers, ctx)) {
      return false;
    }
    for (OpPassManager pm : managers) {
      OpPassManager existing = null;
      for (OpPassManager candidate : into.managers) {
        if (candidate.anchor().equals(pm.anchor())) {
          existing = candidate;
        }
      }
      if (existing != null) {
        existing.appendPassesOf(pm);
      } else {
        into.managers.add(pm);
      }
    }
    managers.clear();
    // Op-specific managers first, by name; the op-agnostic one last.
    into.managers.sort(Comparator.comparing((OpPassManager m) -> m.isOpAgnostic()).thenComparing(OpPassManager::anchor));
    return true;
  }

  private static boolean hasScheduleConflict(List<OpPassManager> ours, List<OpPassManager> theirs, dev.dyad.ir.Context ctx) {
    for (OpPassManager generic : ours) {
      if (!generic.isOpAgnostic()) {
        continue;
      }
      for (OpPassManager other : theirs) {
        if (other.isOpAgnostic() || generic.canScheduleOn(ctx.getOperationName(other.anchor()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The manager that runs on {@code op}, or null. */
  OpPassManager managerFor(Operation op) {
    for (OpPassManager pm : managers) {
      if (pm.canScheduleOn(op.getName())) {
        return pm;
      }
    }
    return null;
  }
}

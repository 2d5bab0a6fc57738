package dev.dyad.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Verifies an op and everything nested in it the way MLIR's OperationVerifier does, with its
 * messages. Each IsolatedFromAbove op is a unit: inside one, verification stops at the first
 * failure (then nested ops, region verifiers and dominance are skipped), while sibling isolated
 * ops are all verified, so one run reports at most one error per isolated op. Diagnostics go to
 * the Context's engine, each with a {@code see current operation} note like mlir-opt's.
 *
 * <p>Order per op: on entrance its definition's checks ({@link OpDef#verify}), graph regions
 * having at most one block, entry blocks without predecessors; then its blocks (successors only
 * on the last op, terminators) and their ops; on exit the isolated ops nested in it, its region
 * verifiers ({@link OpDef#verifyRegions}) and, for unregistered ops, the dialect checks. Once an
 * isolated op verified, dominance is checked in its regions.
 */
public final class Verifier {
  private final Context context;
  private boolean printOpOnDiagnostic = true;
  private final DiagnosticEmitter emitter = this::emitOpDiagnostic;

  public Verifier(Context context) {
    this.context = context;
  }

  /** Verifies {@code op} and its nested ops; returns whether no error was found. */
  public static boolean verify(Context context, Operation op) {
    return new Verifier(context).run(op);
  }

  /**
   * Whether errors get the {@code see current operation: <generic op>} note (on by default;
   * mlir-opt turns it off under {@code --verify-diagnostics}).
   */
  public Verifier printOpOnDiagnostic(boolean on) {
    this.printOpOnDiagnostic = on;
    return this;
  }

  public boolean run(Operation op) {
    return verifyOpAndDominance(op);
  }

  // ---- diagnostics ----------------------------------------------------------------------------

  private Diagnostic emitOpDiagnostic(Operation op, String message) {
    Diagnostic d = Diagnostic.error(op.getLoc(), message);
    if (printOpOnDiagnostic) {
      d.attachNote(op.getLoc(), "see current operation: " + printForDiagnostic(op));
    }
    return context.diagnostics().emit(d);
  }

  /** An op as MLIR streams it into a diagnostic: generic, local scope, on its own line if long. */
  public static String printForDiagnostic(Operation op) {
    String text = OperationPrinter.print(op, PrintOptions.GENERIC.withLocalScope(true));
    return text.indexOf('\n') >= 0 ? "\n" + text : text;
  }

  private void emitAt(Location loc, String message) {
    context.diagnostics().emitError(loc, message);
  }

  // ---- the walk ---------------------------------------------------------------------------------

  private boolean verifyOpAndDominance(Operation op) {
    if (!verifyOperation(op)) {
      return false;
    }
    return op.getNumRegions() == 0 || verifyDominanceOfContainedRegions(op, new DominanceInfo());
  }

  /** Depth first; isolated ops are left to {@link #verifyOnExit} of their parent. */
  private boolean verifyOperation(Operation op) {
    if (!verifyOnEntrance(op)) {
      return false;
    }
    for (Region region : op.getRegions()) {
      for (Block block : region.getBlocks()) {
        if (!verifyOnEntrance(block)) {
          return false;
        }
        for (Operation nested : block.getOperations()) {
          if (!isIsolatedWithRegions(nested) && !verifyOperation(nested)) {
            return false;
          }
        }
        if (!verifyOnExit(block)) {
          return false;
        }
      }
    }
    return verifyOnExit(op);
  }

  private static boolean isIsolatedWithRegions(Operation op) {
    return op.getNumRegions() != 0 && op.hasTrait(Trait.ISOLATED_FROM_ABOVE);
  }

  private boolean verifyOnEntrance(Operation op) {
    OpDef def = op.getName().getDef();
    if (def != null && !runDefinitionCheck(op, def, false)) {
      return false;
    }
    for (int i = 0; i < op.getNumRegions(); i++) {
      Region region = op.getRegion(i);
      // MLIR keeps graph regions to one block so that transforms need not handle more.
      if (def != null && op.hasTrait(Trait.GRAPH_REGION) && region.getBlocks().size() > 1) {
        emitter.emitOpError(op, "expects graph region #" + i + " to have 0 or 1 blocks");
        return false;
      }
      if (!region.isEmpty() && !region.front().hasNoPredecessors()) {
        emitAt(op.getLoc(), "entry block of region may not have predecessors");
        return false;
      }
    }
    return true;
  }

  private boolean verifyOnExit(Operation op) {
    List<Operation> isolated = new ArrayList<>();
    for (Region region : op.getRegions()) {
      for (Block block : region.getBlocks()) {
        for (Operation nested : block.getOperations()) {
          if (isIsolatedWithRegions(nested)) {
            isolated.add(nested);
          }
        }
      }
    }
    // Every isolated op is verified, even after one failed: MLIR runs them in parallel.
    boolean ok = true;
    for (Operation nested : isolated) {
      ok &= verifyOpAndDominance(nested);
    }
    if (!ok) {
      return false;
    }
    OpDef def = op.getName().getDef();
    if (def != null) {
      return runDefinitionCheck(op, def, true);
    }
    return verifyUnregistered(op);
  }

  private boolean runDefinitionCheck(Operation op, OpDef def, boolean regions) {
    boolean[] failed = {false};
    DiagnosticEmitter tracking = (o, message) -> {
      failed[0] = true;
      return emitter.emitError(o, message);
    };
    if (regions) {
      def.verifyRegions(op, tracking);
    } else {
      def.verify(op, tracking);
    }
    return !failed[0];
  }

  /**
   * Unknown ops of a registered dialect are errors; ops of unregistered dialects are errors
   * unless the Context allows them. (A parser rejects the latter while parsing already, as
   * MLIR's does; this catches ops built programmatically.)
   */
  private boolean verifyUnregistered(Operation op) {
    String dialect = op.getName().getDialectNamespace();
    if (!context.isDialectRegistered(dialect)) {
      if (context.allowsUnregisteredDialects()) {
        return true;
      }
      emitter.emitOpError(op, "created with unregistered dialect. If this is intended, please call "
          + "allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with "
          + "the MLIR opt tool used");
      return false;
    }
    Dialect known = context.getDialect(dialect);
    if (known.allowsUnknownOperations()) {
      return true;
    }
    emitter.emitError(op, "unregistered operation '" + op.getNameString() + "' found in dialect ('" + dialect
        + "') that does not allow unknown operations");
    return false;
  }

  // ---- blocks -----------------------------------------------------------------------------------

  private boolean verifyOnEntrance(Block block) {
    if (block.isEmpty()) {
      if (mayBeValidWithoutTerminator(block)) {
        return true;
      }
      Operation parent = block.getParentOp();
      emitAt(parent != null ? parent.getLoc() : Location.UNKNOWN, "empty block: expect at least a terminator");
      return false;
    }
    for (Operation op : block.getOperations()) {
      if (op.getNumSuccessors() != 0 && op != block.back()) {
        emitter.emitError(op, "operation with block successors must terminate its parent block");
        return false;
      }
    }
    return true;
  }

  private boolean verifyOnExit(Block block) {
    Operation last = block.back();
    if (last != null) {
      for (Block succ : last.getSuccessors()) {
        if (succ.getParent() != block.getParent()) {
          emitter.emitOpError(last, "branching to block of a different region");
          return false;
        }
      }
    }
    if (mayBeValidWithoutTerminator(block)) {
      return true;
    }
    if (!mightHaveTerminatorTrait(last)) {
      emitter.emitError(last, "block with no terminator, has " + printForDiagnostic(last));
      return false;
    }
    return true;
  }

  /** A lone block of an unregistered op or of a NoTerminator op may end with anything. */
  private static boolean mayBeValidWithoutTerminator(Block block) {
    Region region = block.getParent();
    if (region == null) {
      return true;
    }
    if (region.getBlocks().size() != 1) {
      return false;
    }
    Operation parent = region.getParentOp();
    return parent == null || !parent.isRegistered() || parent.hasTrait(Trait.NO_TERMINATOR);
  }

  private static boolean mightHaveTerminatorTrait(Operation op) {
    return !op.isRegistered() || op.hasTrait(Trait.TERMINATOR);
  }

  // ---- dominance --------------------------------------------------------------------------------

  /**
   * Checks that operands dominate their uses in {@code root}'s regions and, recursively, in the
   * regions of non-isolated nested ops (stack order, as MLIR). Uses in unreachable blocks are
   * not checked; graph regions allow any order within their block.
   */
  private boolean verifyDominanceOfContainedRegions(Operation root, DominanceInfo dom) {
    Deque<Operation> worklist = new ArrayDeque<>();
    worklist.push(root);
    while (!worklist.isEmpty()) {
      Operation op = worklist.pop();
      for (Region region : op.getRegions()) {
        for (Block block : region.getBlocks()) {
          boolean reachable = dom.isReachableFromEntry(block);
          for (Operation user : block.getOperations()) {
            if (reachable && !operandsDominate(user, dom)) {
              return false;
            }
            if (user.getNumRegions() != 0 && !user.hasTrait(Trait.ISOLATED_FROM_ABOVE)) {
              worklist.push(user);
            }
          }
        }
      }
    }
    return true;
  }

  private boolean operandsDominate(Operation user, DominanceInfo dom) {
    for (int i = 0; i < user.getNumOperands(); i++) {
      if (!dom.properlyDominates(user.getOperand(i), user)) {
        diagnoseInvalidOperandDominance(user, i);
        return false;
      }
    }
    return true;
  }

  private void diagnoseInvalidOperandDominance(Operation user, int operandNo) {
    Diagnostic diag = emitter.emitError(user, "operand #" + operandNo + " does not dominate this use");
    Value operand = user.getOperand(operandNo);
    Block useBlock = user.getBlock();
    Region useRegion = useBlock.getParent();
    Operation def = operand.getDefiningOp();
    if (def != null) {
      Region defRegion = def.getParentRegion();
      String where;
      if (def.getBlock() == useBlock) {
        where = " (op in the same block)";
      } else if (defRegion == useRegion) {
        where = " (op in the same region)";
      } else if (isProperAncestor(defRegion, useRegion)) {
        where = " (op in a parent region)";
      } else if (isProperAncestor(useRegion, defRegion)) {
        where = " (op in a child region)";
      } else {
        where = " (op is neither in a parent nor in a child region)";
      }
      diag.attachNote(def.getLoc(), "operand defined here" + where);
      return;
    }
    Block argBlock = ((BlockArgument) operand).getOwner();
    Region argRegion = argBlock.getParent();
    Operation argOwner = argBlock.getParentOp();
    Location loc = argOwner != null ? argOwner.getLoc() : Location.UNKNOWN;
    if (argRegion == null) {
      diag.attachNote(loc, " (block without parent)");
      return;
    }
    String where;
    if (argRegion == useRegion) {
      where = " in the same region)";
    } else if (isProperAncestor(argRegion, useRegion)) {
      where = " in a parent region)";
    } else if (isProperAncestor(useRegion, argRegion)) {
      where = " in a child region)";
    } else {
      where = " neither in a parent nor in a child region)";
    }
    int index = argRegion.getBlocks().indexOf(argBlock);
    diag.attachNote(loc, "operand defined as a block argument (block #" + index + where);
  }

  private static boolean isProperAncestor(Region ancestor, Region region) {
    return ancestor != region && ancestor.isAncestor(region);
  }
}

package dev.dyad.conversion;

import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpFoldResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.rewrite.Folding;
import dev.dyad.rewrite.PatternApplicator;
import dev.dyad.rewrite.PatternSet;
import dev.dyad.rewrite.RewritePattern;
import dev.dyad.rewrite.RewriterListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives a dialect conversion (MLIR's {@code applyPartialConversion} and {@code
 * applyFullConversion}): every op under the root, in pre-order, is legalized against the target
 * by folding it or by applying a pattern, and the ops a pattern creates are legalized in turn.
 * A partial conversion fails on ops explicitly illegal that no pattern legalized; a full one on
 * any op that did not end up legal. The first failure is reported (naming the op and the
 * patterns tried, each with the reason it gave {@code notifyMatchFailure}) and ends the
 * conversion. Changes are not rolled back, so a pattern may only
 * succeed when it can finish the job.
 */
public final class DialectConversion {
  /** How far the conversion must go. */
  public enum Mode { PARTIAL, FULL }

  private static final int MAX_DEPTH = 32;

  private final Context context;
  private final ConversionTarget target;
  private final PatternApplicator patterns;
  private final Mode mode;
  private final ConversionPatternRewriter rewriter;
  private final Set<Operation> erased = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Patterns being applied, so that a pattern is not applied again to what it created. */
  private final Set<RewritePattern> active = new LinkedHashSet<>();
  /** Why the pattern applied last declined (its {@code notifyMatchFailure}), or null. */
  private String lastMatchFailure;

  private DialectConversion(Context context, ConversionTarget target, PatternSet patterns, Mode mode) {
    this.context = context;
    this.target = target;
    this.patterns = new PatternApplicator(patterns);
    this.mode = mode;
    this.rewriter = new ConversionPatternRewriter(context);
    rewriter.addListener(new RewriterListener() {
      @Override
      public void notifyOperationErased(Operation op) {
        erased.add(op);
      }
    });
  }

  /** Converts what it can; fails only on explicitly illegal ops left over. */
  public static boolean applyPartialConversion(Context ctx, Operation root, ConversionTarget target,
      PatternSet patterns) {
    return new DialectConversion(ctx, target, patterns, Mode.PARTIAL).run(root);
  }

  /** Converts everything; fails on any op not legal at the end. */
  public static boolean applyFullConversion(Context ctx, Operation root, ConversionTarget target,
      PatternSet patterns) {
    return new DialectConversion(ctx, target, patterns, Mode.FULL).run(root);
  }

  private boolean run(Operation root) {
    List<Operation> toConvert = new ArrayList<>();
    collect(root, toConvert);
    for (Operation op : toConvert) {
      if (erased.contains(op)) {
        continue;
      }
      List<String> tried = new ArrayList<>();
      if (!legalize(op, 0, tried) && !acceptUnlegalized(op, tried)) {
        return false;
      }
    }
    rewriter.reconcileMaterializations();
    return true;
  }

  /** Pre-order, not entering ops that are recursively legal. */
  private void collect(Operation op, List<Operation> out) {
    out.add(op);
    if (target.isRecursivelyLegal(op)) {
      return;
    }
    for (Region r : op.getRegions()) {
      for (Block b : r.getBlocks()) {
        for (Operation nested : b.getOperations()) {
          collect(nested, out);
        }
      }
    }
  }

  /** Whether the mode tolerates {@code op} staying unlegalized; if not, reports it. */
  private boolean acceptUnlegalized(Operation op, List<String> tried) {
    boolean illegal = target.isIllegal(op);
    if (mode == Mode.PARTIAL && !illegal) {
      return true;
    }
    String message = "failed to legalize operation '" + op.getNameString() + "'"
        + (mode == Mode.PARTIAL ? " that was explicitly marked illegal" : "");
    Diagnostic d = context.emitError(op.getLoc(), message);
    d.attachNote(op.getLoc(), tried.isEmpty()
        ? "no pattern applies to '" + op.getNameString() + "'"
        : "patterns tried: " + String.join(", ", tried));
    return false;
  }

  /** Makes {@code op} legal; records the names of the patterns that were tried. */
  private boolean legalize(Operation op, int depth, List<String> tried) {
    if (rewriter.isMaterialization(op) || target.isLegal(op)) {
      return true;
    }
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (legalizeWithFold(op, depth)) {
      return true;
    }
    for (RewritePattern p : patterns.patternsFor(op.getNameString())) {
      if (active.contains(p)) {
        continue;
      }
      if (applyPattern(p, op, depth)) {
        return true;
      }
      tried.add(lastMatchFailure == null ? p.debugName() : p.debugName() + " (" + lastMatchFailure + ")");
      if (erased.contains(op) || op.getBlock() == null) {
        return false;
      }
    }
    return false;
  }

  /**
   * Applies {@code p} to {@code op}, then legalizes what it created and, if {@code op} was
   * updated in place, {@code op} again.
   */
  private boolean applyPattern(RewritePattern p, Operation op, int depth) {
    List<Operation> created = new ArrayList<>();
    String[] reason = {null};
    RewriterListener recorder = new RewriterListener() {
      @Override
      public void notifyOperationInserted(Operation inserted) {
        created.add(inserted);
      }

      @Override
      public void notifyMatchFailure(Location loc, String why) {
        reason[0] = why;
      }
    };
    rewriter.addListener(recorder);
    rewriter.setInsertionPoint(op);
    active.add(p);
    boolean applied;
    try {
      applied = p.matchAndRewrite(op, rewriter);
    } finally {
      rewriter.removeListener(recorder);
    }
    lastMatchFailure = applied ? null : reason[0];
    try {
      if (!applied) {
        return false;
      }
      for (Operation newOp : created) {
        if (!legalizeCreated(newOp, depth)) {
          return false;
        }
      }
      return erased.contains(op) || op.getBlock() == null || legalize(op, depth + 1, new ArrayList<>());
    } finally {
      active.remove(p);
      if (applied) {
        lastMatchFailure = null; // what nested legalizations recorded is not this pattern's reason
      }
    }
  }

  /** A created op and the ops nested in it must all end up legal (or at least not illegal). */
  private boolean legalizeCreated(Operation created, int depth) {
    List<Operation> ops = new ArrayList<>();
    collect(created, ops);
    for (Operation op : ops) {
      if (erased.contains(op) || op.getBlock() == null) {
        continue;
      }
      List<String> tried = new ArrayList<>();
      if (!legalize(op, depth + 1, tried) && !acceptUnlegalized(op, tried)) {
        return false;
      }
    }
    return true;
  }

  /** Folds {@code op} away if its fold results (and any constants built for them) are legal. */
  private boolean legalizeWithFold(Operation op, int depth) {
    FoldResult r = Folding.fold(op);
    if (r.failed()) {
      return false;
    }
    if (r.isInPlace()) {
      rewriter.finalizeOpModification(op);
      return target.isLegal(op);
    }
    Dialect dialect = context.getDialect(op.getName().getDialectNamespace());
    Builder.InsertPoint saved = rewriter.saveInsertionPoint();
    rewriter.setInsertionPoint(op);
    List<Value> replacements = new ArrayList<>();
    List<Operation> constants = new ArrayList<>();
    for (int i = 0; i < op.getNumResults(); i++) {
      OpFoldResult result = r.results().get(i);
      if (result.isValue()) {
        replacements.add(result.value());
        continue;
      }
      Operation c = dialect == null ? null
          : dialect.materializeConstant(rewriter, result.attribute(), op.getResult(i).getType(), op.getLoc());
      if (c == null || !target.isLegal(c)) {
        if (c != null) {
          constants.add(c);
        }
        constants.forEach(rewriter::eraseOp);
        rewriter.restoreInsertionPoint(saved);
        return false;
      }
      constants.add(c);
      replacements.add(c.getResult(0));
    }
    rewriter.restoreInsertionPoint(saved);
    rewriter.replaceOp(op, replacements);
    return true;
  }
}

package dev.dyad.pass;

import dev.dyad.ir.Context;
import dev.dyad.ir.OperationName;
import dev.dyad.ir.Trait;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pipeline of passes anchored on one op name, or on any op ({@link Pass#ANY}). Nested
 * pipelines are added with {@link #nest} and run on the matching ops directly inside the anchor.
 */
public final class OpPassManager {
  private final String anchor;
  private final List<Pass> passes = new ArrayList<>();

  public OpPassManager(String anchor) {
    this.anchor = anchor;
  }

  /** The op name this pipeline runs on, or {@link Pass#ANY}. */
  public String anchor() {
    return anchor;
  }

  public boolean isOpAgnostic() {
    return Pass.ANY.equals(anchor);
  }

  public List<Pass> passes() {
    return Collections.unmodifiableList(passes);
  }

  public int size() {
    return passes.size();
  }

  /**
   * Appends {@code pass}; an anchored pass must have this pipeline's anchor (or this pipeline
   * must be op-agnostic).
   *
   * @throws IllegalArgumentException with MLIR's message when the anchors differ
   */
  public OpPassManager addPass(Pass pass) {
    String error = anchorMismatch(pass);
    if (error != null) {
      throw new IllegalArgumentException(error);
    }
    passes.add(pass);
    return this;
  }

  /** MLIR's message when {@code pass} cannot be added here, or null when it can. */
  String anchorMismatch(Pass pass) {
    if (isOpAgnostic() || Pass.ANY.equals(pass.anchor()) || pass.anchor().equals(anchor)) {
      return null;
    }
    return "Can't add pass '" + pass.name() + "' restricted to '" + pass.anchor()
        + "' on a PassManager intended to run on '" + anchor + "', did you intend to nest?";
  }

  /** Adds a nested pipeline that runs on each {@code opName} op directly inside this anchor. */
  public OpPassManager nest(String opName) {
    OpPassManager nested = new OpPassManager(opName);
    passes.add(new PassAdaptor(nested));
    return nested;
  }

  /** Adds a nested pipeline that runs on each isolated-from-above op directly inside this anchor. */
  public OpPassManager nestAny() {
    return nest(Pass.ANY);
  }

  void appendPassesOf(OpPassManager other) {
    passes.addAll(other.passes);
  }

  /**
   * Whether this pipeline runs on ops named {@code name}: its anchor, or for an op-agnostic
   * pipeline a registered isolated-from-above op that every pass can run on (MLIR's rule).
   */
  boolean canScheduleOn(OperationName name) {
    if (!isOpAgnostic()) {
      return anchor.equals(name.getStringRef());
    }
    if (!name.isRegistered() || !name.hasTrait(Trait.ISOLATED_FROM_ABOVE)) {
      return false;
    }
    for (Pass p : passes) {
      if (!(p instanceof PassAdaptor) && !p.canScheduleOn(name)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Prepares for running, as MLIR does: merges adjacent nested pipelines (so that
   * {@code func.func(a),func.func(b)} visits each function once) and checks that every pass can
   * run on the anchor.
   *
   * @return null, or the error message
   */
  String finalizePasses(Context ctx) {
    PassAdaptor last = null;
    List<Pass> kept = new ArrayList<>();
    for (Pass p : passes) {
      if (p instanceof PassAdaptor a) {
        if (last != null && a.tryMergeInto(last, ctx)) {
          continue;
        }
        last = a;
      } else {
        last = null;
      }
      kept.add(p);
    }
    passes.clear();
    passes.addAll(kept);
    for (Pass p : passes) {
      if (p instanceof PassAdaptor a) {
        for (OpPassManager nested : a.managers()) {
          String error = nested.finalizePasses(ctx);
          if (error != null) {
            return error;
          }
        }
      } else if (!isOpAgnostic() && !p.canScheduleOn(ctx.getOperationName(anchor))) {
        return "unable to schedule pass '" + p.name() + "' on a PassManager intended to run on '" + anchor + "'!";
      }
    }
    return null;
  }

  /** {@code anchor(pass,pass{opt=1},nested(...))}: the pipeline on one line. */
  public String toPipelineText() {
    StringBuilder sb = new StringBuilder(anchor).append('(');
    for (int i = 0; i < passes.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(passes.get(i).toPipelineText());
    }
    return sb.append(')').toString();
  }

  /** The pipeline with one pass per line, as MLIR's {@code --dump-pass-pipeline} shows it. */
  public String toPrettyPipelineText() {
    StringBuilder sb = new StringBuilder();
    printPretty(sb, 0);
    return sb.toString();
  }

  private void printPretty(StringBuilder sb, int indent) {
    sb.append(anchor).append("(\n");
    String inner = " ".repeat(indent + 2);
    for (int i = 0; i < passes.size(); i++) {
      if (i > 0) {
        sb.append(",\n");
      }
      sb.append(inner);
      Pass p = passes.get(i);
      if (p instanceof PassAdaptor a) {
        List<OpPassManager> managers = a.managers();
        for (int m = 0; m < managers.size(); m++) {
          if (m > 0) {
            sb.append(",\n").append(inner);
          }
          managers.get(m).printPretty(sb, indent + 2);
        }
      } else {
        sb.append(p.toPipelineText());
      }
    }
    sb.append('\n').append(" ".repeat(indent)).append(')');
  }
}

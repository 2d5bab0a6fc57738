package dev.dyad.pass;

import dev.dyad.ir.Operation;

/**
 * Hooks around the execution of passes and nested pipelines (MLIR's {@code PassInstrumentation}),
 * for printing, timing and the like. Calls nest: a pass adaptor's before/after hooks enclose the
 * pipelines it runs, which enclose their passes'.
 */
public interface PassInstrumentation {
  /** Before {@code pm} runs on {@code op} (nested pipelines only: the top level has no call). */
  default void runBeforePipeline(OpPassManager pm, Operation op) {}

  default void runAfterPipeline(OpPassManager pm, Operation op) {}

  default void runBeforePass(Pass pass, Operation op) {}

  /** After {@code pass} succeeded on {@code op} (and the op verified, if verification is on). */
  default void runAfterPass(Pass pass, Operation op) {}

  /** After {@code pass} failed on {@code op}, or left it invalid. */
  default void runAfterPassFailed(Pass pass, Operation op) {}
}

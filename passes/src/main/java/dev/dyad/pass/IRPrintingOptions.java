package dev.dyad.pass;

import dev.dyad.ir.PrintOptions;
import java.util.Set;

/**
 * When to print the IR around passes (MLIR's {@code --mlir-print-ir-*} flags).
 *
 * @param before pass arguments to print before
 * @param after pass arguments to print after
 * @param beforeAll print before every pass
 * @param afterAll print after every pass
 * @param afterChange print after a pass only if it changed the IR; alone, it means "after every
 *     pass that changed the IR" (in MLIR it only filters the other after-flags)
 * @param afterFailure print after a pass only if it failed
 * @param moduleScope print the whole top-level op, not just the op the pass ran on
 * @param printOptions how to print
 */
public record IRPrintingOptions(Set<String> before, Set<String> after, boolean beforeAll, boolean afterAll,
    boolean afterChange, boolean afterFailure, boolean moduleScope, PrintOptions printOptions) {

  public IRPrintingOptions {
    before = Set.copyOf(before);
    after = Set.copyOf(after);
  }

  /** Whether any printing is asked for. */
  public boolean enabled() {
    return beforeAll || afterAll || afterChange || afterFailure || !before.isEmpty() || !after.isEmpty();
  }

  boolean printBefore(Pass pass) {
    return beforeAll || before.contains(pass.argument());
  }

  /** Whether to print after {@code pass} (if it failed, or changed the IR when that matters). */
  boolean printAfter(Pass pass) {
    return afterAll || afterFailure || after.contains(pass.argument()) || (afterChange && after.isEmpty());
  }
}

package dev.dyad.pass.testing;

import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;

/**
 * Erases the first registered terminator inside the op, leaving invalid IR while reporting
 * success: for testing {@code --verify-each}.
 */
public final class TestBreakIrPass extends Pass {
  @Override
  public String argument() {
    return "test-break-ir";
  }

  @Override
  public String summary() {
    return "Test pass: erases a terminator, leaving invalid IR";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    Operation[] found = {null};
    op.walkPreOrder(nested -> {
      if (found[0] == null && nested != op && nested.hasTrait(Trait.TERMINATOR)) {
        found[0] = nested;
      }
    });
    if (found[0] != null) {
      found[0].erase();
    }
  }
}

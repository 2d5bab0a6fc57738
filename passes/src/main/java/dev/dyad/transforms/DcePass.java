package dev.dyad.transforms;

import dev.dyad.ir.Operation;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;

/** {@code dce}: runs {@link Dce} on the op's regions (Dyad's; MLIR has no such pass). */
public final class DcePass extends Pass {
  @Override
  public String argument() {
    return "dce";
  }

  @Override
  public String summary() {
    return "Erase dead operations";
  }

  @Override
  public String description() {
    return "Erases ops without effects whose results no live op uses (chains and cycles included).";
  }

  @Override
  public String name() {
    return "DCE";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    new Dce(ctx.context()).run(op);
  }
}

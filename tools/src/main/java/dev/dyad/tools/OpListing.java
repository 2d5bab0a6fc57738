package dev.dyad.tools;

import dev.dyad.ir.Context;
import dev.dyad.ir.OpDef;

/** The text of {@code cim-opt --list-ops}: every registered op as its definition describes it. */
final class OpListing {
  private OpListing() {}

  static String render(Context ctx) {
    StringBuilder sb = new StringBuilder("Operations:\n");
    for (OpDef def : ctx.getRegisteredOps()) {
      sb.append('\n').append(def.describe());
    }
    return sb.toString();
  }
}

package dev.dyad.tools;

import dev.dyad.ir.Context;

/** The dialects every Dyad tool registers. */
public final class Dialects {
  private Dialects() {}

  public static Context newContext() {
    Context ctx = new Context();
    return ctx;
  }
}

package dev.dyad.runtime.cim;

import dev.dyad.ir.Location;

/** Locations as reports and traces print them: {@code file:line:col}. */
final class Locations {
  private Locations() {}

  /** {@code name.cir:line:col}: the file without its folders, for labels. */
  static String brief(Location loc) {
    String full = describe(loc);
    int slash = full.lastIndexOf('/', loc instanceof Location.FileLineCol f ? f.file().length() - 1 : full.length());
    return slash < 0 ? full : full.substring(slash + 1);
  }

  static String describe(Location loc) {
    if (loc instanceof Location.FileLineCol f) {
      return f.file() + ":" + f.line() + ":" + f.column();
    }
    if (loc instanceof Location.Name n) {
      return n.child() instanceof Location.Unknown ? n.name() : n.name() + "@" + describe(n.child());
    }
    if (loc instanceof Location.CallSite c) {
      return describe(c.callee());
    }
    if (loc instanceof Location.Fused f && !f.locations().isEmpty()) {
      return describe(f.locations().get(0));
    }
    return "unknown";
  }
}

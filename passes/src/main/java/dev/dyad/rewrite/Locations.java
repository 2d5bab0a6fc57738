package dev.dyad.rewrite;

import dev.dyad.ir.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Location helpers for rewrites. */
public final class Locations {
  private Locations() {}

  /**
   * MLIR's {@code FusedLoc::get} without metadata: nested fused locations are flattened, unknown
   * ones dropped and duplicates removed; one location is itself, none is unknown.
   */
  public static Location fuse(Location... locs) {
    Set<Location> parts = new LinkedHashSet<>();
    for (Location loc : locs) {
      if (loc instanceof Location.Fused f && f.metadata() == null) {
        parts.addAll(f.locations());
      } else if (!(loc instanceof Location.Unknown)) {
        parts.add(loc);
      }
    }
    if (parts.isEmpty()) {
      return Location.UNKNOWN;
    }
    List<Location> list = new ArrayList<>(parts);
    return list.size() == 1 ? list.get(0) : new Location.Fused(list, null);
  }
}

package dev.dyad.ir.ods;

import dev.dyad.ir.Region;
import java.util.function.Predicate;

/**
 * A predicate on a region, described as in MLIR's
 * {@code region #0 ('body') failed to verify constraint: region with 1 blocks}.
 */
public record RegionConstraint(String description, Predicate<Region> predicate) {
  public boolean accepts(Region region) {
    return predicate.test(region);
  }

  /** {@code AnyRegion}. */
  public static RegionConstraint anyRegion() {
    return new RegionConstraint("any region", r -> true);
  }

  /** {@code SizedRegion<n>}: exactly {@code n} blocks. */
  public static RegionConstraint sizedRegion(int blocks) {
    return new RegionConstraint("region with " + blocks + " blocks", r -> r.getBlocks().size() == blocks);
  }

  /** A region with exactly one block: MLIR's {@code SizedRegion<1>}. */
  public static RegionConstraint singleBlockRegion() {
    return sizedRegion(1);
  }

  /** {@code MaxSizedRegion<n>}. */
  public static RegionConstraint maxSizedRegion(int blocks) {
    return new RegionConstraint("region with at most " + blocks + " blocks", r -> r.getBlocks().size() <= blocks);
  }
}

package dev.dyad.ir.ods;

/** A named region (or variadic group of regions) of an op definition. */
public record RegionDef(String name, RegionConstraint constraint, boolean variadic) {}

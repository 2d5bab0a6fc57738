package dev.dyad.ir.ods;

/** A named successor (or variadic group of successors) of an op definition. */
public record SuccessorDef(String name, boolean variadic) {}

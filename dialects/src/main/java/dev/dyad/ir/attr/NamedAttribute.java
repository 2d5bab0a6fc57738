package dev.dyad.ir.attr;

import java.util.Objects;

/** A (name, value) entry of an attribute dictionary. */
public record NamedAttribute(String name, Attribute value) {
  public NamedAttribute {
    Objects.requireNonNull(name);
    Objects.requireNonNull(value);
  }
}

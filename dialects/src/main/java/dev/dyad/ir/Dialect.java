package dev.dyad.ir;

import java.util.List;

/** A namespace of operations (and, later, types and attributes) registered in a Context. */
public interface Dialect {
  /** The namespace, e.g. {@code func}. */
  String namespace();

  /** The op definitions of this dialect. */
  List<OpDef> ops();
}

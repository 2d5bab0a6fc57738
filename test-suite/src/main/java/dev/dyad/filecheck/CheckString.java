package dev.dyad.filecheck;

import java.util.List;

/**
 * A positive check (CHECK, -NEXT, -SAME, -EMPTY, -LABEL, -COUNT or the implicit EOF) together with the
 * CHECK-DAG/CHECK-NOT directives (and implicit NOTs) that precede it and are matched before it.
 */
record CheckString(Pattern pattern, String prefix, List<DagNot> dagNots) {

  /** A CHECK-DAG or CHECK-NOT and the prefix it was written with. */
  record DagNot(Pattern pattern, String prefix) {}

  CheckString {
    dagNots = List.copyOf(dagNots);
  }
}

package dev.dyad.filecheck;

import java.util.List;

/** The result of searching for one pattern in a range of the input. */
sealed interface MatchOutcome {

  /** A match at absolute input offset {@code pos}, with the variables it captured. */
  record Found(int pos, int len, List<Capture> captures) implements MatchOutcome {
    Found(int pos, int len) {
      this(pos, len, List.of());
    }

    int end() {
      return pos + len;
    }
  }

  /** Where in the input a variable was captured, for "captured var" notes. */
  record Capture(String name, int start, int end) {}

  record NotFound() implements MatchOutcome {}

  /** The pattern could not be searched for, e.g. it uses an undefined variable. */
  record Invalid(List<Located> errors) implements MatchOutcome {}
}

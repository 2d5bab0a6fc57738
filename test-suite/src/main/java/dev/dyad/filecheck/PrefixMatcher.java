package dev.dyad.filecheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the earliest occurrence of any check or comment prefix, preferring the longest at a tie.
 * Each prefix's next occurrence is cached, so scanning a whole check file stays linear.
 */
final class PrefixMatcher {

  record Hit(String prefix, int at) {}

  private final String text;
  private final List<String> prefixes;
  private final int[] next;

  PrefixMatcher(String text, List<String> prefixes) {
    this.text = text;
    this.prefixes = new ArrayList<>(prefixes);
    this.prefixes.sort(Comparator.comparingInt(String::length).reversed());
    this.next = new int[this.prefixes.size()];
    java.util.Arrays.fill(next, -2);
  }

  /** The first prefix occurrence at or after {@code from}, or null. */
  Hit find(int from) {
    Hit best = null;
    for (int i = 0; i < prefixes.size(); i++) {
      if (next[i] != -1 && next[i] < from) {
        next[i] = text.indexOf(prefixes.get(i), from);
      }
      if (next[i] >= 0 && (best == null || next[i] < best.at())) {
        best = new Hit(prefixes.get(i), next[i]);
      }
    }
    return best;
  }
}

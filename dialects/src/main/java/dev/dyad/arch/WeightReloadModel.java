package dev.dyad.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * How the cost of rewriting weights between two segments is modelled (CMSwitch's T_rw). Kept in
 * the description because the choice decides LLM results (CMSWITCH.md §7) and must travel with
 * the chip a module was compiled for.
 */
public enum WeightReloadModel {
  /**
   * The paper's Eq. 2: {@code T_rw = max over the segment's operators O of Com_O x
   * weightWriteArrayCycles}. Operators load in parallel; one operator's arrays one after another.
   */
  EQ2("eq2"),
  /** Bandwidth-bound: the segment's weight bits divided by the external bandwidth. */
  BANDWIDTH("bandwidth"),
  /** Both bounds hold, the larger one wins: {@code max(eq2, bandwidth)}. */
  MAX("max");

  private final String spelling;

  WeightReloadModel(String spelling) {
    this.spelling = spelling;
  }

  public String spelling() {
    return spelling;
  }

  /** The model spelled {@code s}, or null. */
  public static WeightReloadModel fromSpelling(String s) {
    for (WeightReloadModel m : values()) {
      if (m.spelling.equals(s)) {
        return m;
      }
    }
    return null;
  }

  static List<String> spellings() {
    List<String> out = new ArrayList<>();
    for (WeightReloadModel m : values()) {
      out.add(m.spelling);
    }
    return out;
  }
}

package dev.dyad.arch;

import java.util.ArrayList;
import java.util.List;

/** The memory technology of a chip's CIM arrays. */
public enum Technology {
  EDRAM("eDRAM"),
  RERAM("ReRAM"),
  SRAM("SRAM");

  private final String spelling;

  Technology(String spelling) {
    this.spelling = spelling;
  }

  /** How descriptions and {@code #cim.arch} write it. */
  public String spelling() {
    return spelling;
  }

  /** The technology spelled {@code s}, or null. */
  public static Technology fromSpelling(String s) {
    for (Technology t : values()) {
      if (t.spelling.equals(s)) {
        return t;
      }
    }
    return null;
  }

  static List<String> spellings() {
    List<String> out = new ArrayList<>();
    for (Technology t : values()) {
      out.add(t.spelling);
    }
    return out;
  }
}

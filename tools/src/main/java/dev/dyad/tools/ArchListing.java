package dev.dyad.tools;

import dev.dyad.arch.ArchException;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The text of {@code cim-opt --list-archs}: one aligned line per hardware preset. */
final class ArchListing {
  private ArchListing() {}

  static String render() throws ArchException {
    List<String[]> rows = new ArrayList<>();
    for (String name : HardwareDescriptions.presetNames()) {
      HardwareDescription d = HardwareDescriptions.preset(name);
      rows.add(new String[] {name, d.arrays() + " x", d.rows() + "x" + d.cols(),
          d.dualMode() ? "dual-mode" : "compute-only", clock(d.clockHz()), d.summary()});
    }
    int[] width = new int[5];
    for (String[] r : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder("Hardware presets (--arch=NAME; --arch=FILE reads a JSON description):\n");
    for (String[] r : rows) {
      sb.append("  ").append(pad(r[0], width[0], false)).append("  ").append(pad(r[1], width[1], true))
          .append(' ').append(pad(r[2], width[2], false)).append("  ").append(pad(r[3], width[3], false))
          .append("  ").append(pad(r[4], width[4], true)).append("  - ").append(r[5]).append('\n');
    }
    return sb.toString();
  }

  /** {@code 250 MHz}, {@code 1 GHz}, {@code 1.2 GHz}. */
  static String clock(long hz) {
    boolean giga = hz >= 1_000_000_000L;
    BigDecimal v = BigDecimal.valueOf(hz).movePointLeft(giga ? 9 : 6).stripTrailingZeros();
    return v.toPlainString() + (giga ? " GHz" : " MHz");
  }

  private static String pad(String s, int width, boolean right) {
    String space = " ".repeat(width - s.length());
    return right ? space + s : s + space;
  }
}

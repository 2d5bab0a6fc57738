package dev.dyad.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FloatFormat against mlir-opt-22 for f80, f128 and the small formats (f8E4M3FN, FNUZ, E8M0,
 * f6, f4); see resources/text/README.md.
 */
class FloatFormatMoreGoldenTest {

  @Test
  void printsLikeMlirOpt() {
    Golden.Failures failures = new Golden.Failures();
    Map<FloatKind, Integer> counts = new HashMap<>();
    for (String[] r : Golden.rows("float-golden-more.tsv", 4)) {
      FloatKind kind = FloatKind.fromMlirName(r[0]);
      BigInteger bits = new BigInteger(r[1], 16);
      counts.merge(kind, 1, Integer::sum);
      String got = FloatFormat.formatWide(bits, kind);
      if (!got.equals(r[2])) {
        failures.add(r[0] + " " + r[1] + ": expected " + r[2] + " got " + got);
      }
      if (!kind.isWide()) {
        String narrow = FloatFormat.format(bits.longValue(), kind);
        String slow = FloatFormat.formatSlow(bits.longValue(), kind);
        if (!narrow.equals(r[2]) || !slow.equals(r[2])) {
          failures.add(r[0] + " " + r[1] + ": expected " + r[2] + " got " + narrow + " (slow "
            + slow + ")");
        }
      }
    }
    failures.check("print");
    for (FloatKind kind : FloatKind.values()) {
      if (kind.width() <= 8 && counts.containsKey(kind)) {
        // Exhaustive for the small formats.
        assertEquals(1 << kind.width(), counts.get(kind), kind.mlirName());
      }
    }
    assertTrue(counts.get(FloatKind.F80) > 3000);
    assertTrue(counts.get(FloatKind.F128) > 3000);
    assertEquals(11, counts.size());
  }

  /**
   * Column 4 is what mlir-opt makes of the text it printed. For the small formats that is the
   * original pattern; for f80/f128 a decimal goes through double, so only values that are
   * doubles (and hex-printed ones, canonicalized) come back.
   */
  @Test
  void parsesPrintedTextLikeMlirOpt() {
    Golden.Failures failures = new Golden.Failures();
    for (String[] r : Golden.rows("float-golden-more.tsv", 4)) {
      FloatKind kind = FloatKind.fromMlirName(r[0]);
      BigInteger expected = new BigInteger(r[3], 16);
      BigInteger got = FloatFormat.parseWide(r[2], kind);
      if (!got.equals(expected)) {
        failures.add(r[0] + " " + r[2] + ": expected " + r[3] + " got " + got.toString(16));
      }
      BigInteger bits = new BigInteger(r[1], 16);
      if (!kind.isWide()) {
        if (!expected.equals(bits)) {
          failures.add(r[0] + " " + r[1] + " does not round-trip in MLIR");
        }
        if (FloatFormat.parse(r[2], kind) != bits.longValue()) {
          failures.add(r[0] + " " + r[2] + ": narrow parse differs");
        }
      }
    }
    failures.check("print/parse round-trip");
  }

  @Test
  void parsesLikeMlirOpt() {
    Golden.Failures failures = new Golden.Failures();
    int divergent = 0;
    for (String[] r : Golden.rows("float-parse-golden-more.tsv", 4)) {
      FloatKind kind = FloatKind.fromMlirName(r[0]);
      BigInteger expected = new BigInteger(r[2], 16);
      BigInteger got = FloatFormat.parseWide(r[1], kind);
      if (!got.equals(expected)) {
        failures.add(r[0] + " " + r[1] + ": expected " + r[2] + " got " + got.toString(16));
      }
      if (!kind.isWide() && FloatFormat.parse(r[1], kind) != expected.longValue()) {
        failures.add(r[0] + " " + r[1] + ": narrow parse differs");
      }
      String attributeText = attributeText(r[1], kind, expected);
      if (!attributeText.equals(FloatFormat.formatWide(expected, kind))) {
        divergent++;
      }
      if (!attributeText.equals(r[3])) {
        failures.add(r[0] + " " + r[1] + ": printed " + attributeText + " but mlir-opt printed "
          + r[3]);
      }
    }
    failures.check("parse");
    // The divergent cases are really exercised.
    assertTrue(divergent > 100, "divergent: " + divergent);
  }

  /**
   * What mlir-opt prints for the attribute {@code literal : kind}. A plain attribute keeps
   * MLIR's APFloat, which in two cases holds a value no bit pattern encodes, so the text is
   * not that of the stored bits {@code bits}:
   * <ul>
   *   <li>f8E8M0FNU has no sign, but a negative literal keeps its sign in the APFloat and
   *       prints as "-" and the magnitude (unless it overflowed to NaN or underflowed to the
   *       smallest value, which come out positive);
   *   <li>a finite-only kind given a literal beyond double's range holds an infinity it cannot
   *       encode, and prints it in hex: the pattern of a zero.
   * </ul>
   */
  private static String attributeText(String literal, FloatKind kind, BigInteger bits) {
    if (!literal.contains("0x")) {
      double d = Double.parseDouble(literal);
      if (kind == FloatKind.F8E8M0FNU && literal.startsWith("-")) {
        long magnitude = FloatFormat.parse(literal.substring(1), kind);
        if (!kind.isNaN(magnitude) && Math.abs(d) > 0x1p-128) {
          return "-" + FloatFormat.format(magnitude, kind);
        }
      }
      if (kind.nonFiniteBehavior() == FloatKind.NonFiniteBehavior.FINITE_ONLY
          && Double.isInfinite(d)) {
        return FloatFormat.toHexLiteral(bits, kind);
      }
    }
    return FloatFormat.formatWide(bits, kind);
  }

  @Test
  void goldenFilesCoverEveryMlirFloatType() {
    List<String[]> rows = Golden.rows("float-parse-golden-more.tsv", 4);
    assertEquals(11, rows.stream().map(r -> r[0]).distinct().count());
  }
}

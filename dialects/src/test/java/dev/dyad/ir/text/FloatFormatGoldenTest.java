package dev.dyad.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FloatFormat against text printed by mlir-opt-22 (see resources/text/README.md). */
class FloatFormatGoldenTest {

  @Test
  void printsLikeMlirOpt() {
    Golden.Failures failures = new Golden.Failures();
    List<String[]> rows = Golden.rows("float-golden.tsv", 3);
    for (String[] r : rows) {
      FloatKind kind = FloatKind.fromMlirName(r[0]);
      long bits = Long.parseUnsignedLong(r[1], 16);
      String got = FloatFormat.format(bits, kind);
      if (!got.equals(r[2])) {
        failures.add(r[0] + " " + r[1] + ": expected " + r[2] + " got " + got
          + " (slow " + FloatFormat.formatSlow(bits, kind) + ")");
      }
    }
    failures.check("print");
    assertEquals(true, rows.size() > 10_000);
  }

  @Test
  void printsEvery16BitPatternLikeMlirOpt() {
    List<String> lines = Golden.lines("float-golden-16bit.txt.gz");
    assertEquals(2 * 65536, lines.size());
    Golden.Failures failures = new Golden.Failures();
    for (int i = 0; i < lines.size(); i++) {
      FloatKind kind = i < 65536 ? FloatKind.F16 : FloatKind.BF16;
      long bits = i & 0xFFFF;
      String got = FloatFormat.format(bits, kind);
      if (!got.equals(lines.get(i))) {
        failures.add(kind.mlirName() + " " + Long.toHexString(bits) + ": expected "
          + lines.get(i) + " got " + got + " (slow " + FloatFormat.formatSlow(bits, kind) + ")");
      }
    }
    failures.check("16-bit print");
  }

  @Test
  void parsesLikeMlirOpt() {
    Golden.Failures failures = new Golden.Failures();
    for (String[] r : Golden.rows("float-parse-golden.tsv", 4)) {
      FloatKind kind = FloatKind.fromMlirName(r[0]);
      long expected = Long.parseUnsignedLong(r[2], 16);
      long got = FloatFormat.parse(r[1], kind);
      if (got != expected) {
        failures.add(r[0] + " " + r[1] + ": expected " + r[2] + " got " + Long.toHexString(got));
      }
      String text = FloatFormat.format(expected, kind);
      if (!text.equals(r[3])) {
        failures.add(r[0] + " " + r[1] + ": printed " + text + " but mlir-opt printed " + r[3]);
      }
    }
    failures.check("parse");
  }

  @Test
  void printedTextParsesBackToTheSameBits() {
    Golden.Failures failures = new Golden.Failures();
    for (String[] r : Golden.rows("float-golden.tsv", 3)) {
      FloatKind kind = FloatKind.fromMlirName(r[0]);
      long bits = Long.parseUnsignedLong(r[1], 16);
      long back = FloatFormat.parse(r[2], kind);
      if (back != bits) {
        failures.add(r[0] + " " + r[1] + " -> " + r[2] + " -> " + Long.toHexString(back));
      }
    }
    List<String> lines = Golden.lines("float-golden-16bit.txt.gz");
    for (int i = 0; i < lines.size(); i++) {
      FloatKind kind = i < 65536 ? FloatKind.F16 : FloatKind.BF16;
      long back = FloatFormat.parse(lines.get(i), kind);
      if (back != (i & 0xFFFF)) {
        failures.add(kind.mlirName() + " " + Integer.toHexString(i & 0xFFFF) + " -> "
          + lines.get(i) + " -> " + Long.toHexString(back));
      }
    }
    failures.check("round-trip");
  }
}

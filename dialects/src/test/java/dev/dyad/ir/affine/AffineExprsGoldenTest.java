package dev.dyad.ir.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Affine expressions, maps and sets built through {@link AffineExprs} and printed by
 * {@link AffinePrinter}, against what mlir-opt-22 prints for the same input text (see
 * resources/affine/README.md; the test never runs mlir-opt).
 */
class AffineExprsGoldenTest {

  @Test
  void handPickedExpressions() {
    int rows = check("exprs-golden.tsv", AffineExprsGoldenTest::printExpr);
    assertTrue(rows >= 150, "rows: " + rows);
  }

  @Test
  void randomExpressions() {
    int rows = check("exprs-random.tsv", AffineExprsGoldenTest::printExpr);
    assertTrue(rows >= 300, "rows: " + rows);
  }

  @Test
  void integerSets() {
    check("sets-golden.tsv", in -> AffineTextParser.parseSet(in).toString());
  }

  @Test
  void maps() {
    check("maps-golden.tsv", in -> AffineTextParser.parseMap(in).toString());
  }

  private static String printExpr(String in) {
    StringBuilder sb = new StringBuilder();
    AffinePrinter.printExpr(sb, AffineTextParser.parseExpr(in));
    return sb.toString();
  }

  /** Compares every row, reporting all mismatches at once; returns the number of rows. */
  private static int check(String resource, Function<String, String> print) {
    List<String> failures = new ArrayList<>();
    List<String[]> rows = rows(resource);
    for (String[] row : rows) {
      String got;
      try {
        got = print.apply(row[0]);
      } catch (AffineTextParser.ParseException e) {
        got = "error: " + e.getMessage();
      }
      if (!got.equals(row[1])) {
        failures.add(row[0] + "\n    mlir-opt: " + row[1] + "\n    dyad:     " + got);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + rows.size() + " rows of " + resource + " differ:\n  "
          + String.join("\n  ", failures));
    }
    return rows.size();
  }

  private static List<String[]> rows(String resource) {
    InputStream in = AffineExprsGoldenTest.class.getResourceAsStream("/affine/" + resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource /affine/" + resource);
    }
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        assertEquals(2, f.length, resource + ": bad line: " + line);
        out.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

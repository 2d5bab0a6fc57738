package dev.dyad.lit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.filecheck.FileCheck;
import dev.dyad.tools.CimCompile;
import dev.dyad.tools.CimOpt;
import dev.dyad.tools.CimRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every lit-style test under {@code src/test/lit} (files ending in {@code .cir}, except under
 * {@code Inputs} folders) as its own JUnit test, with cim-opt and filecheck executed in-process.
 */
class LitTest {
  static final Path ROOT = Path.of("src/test/lit");

  @TempDir
  Path temp;

  static final Map<String, LitTool> TOOLS = Map.of(
      "cim-opt", (args, in, out, err) -> CimOpt.run(args.toArray(String[]::new), in, out, err),
      "cim-run", (args, in, out, err) -> CimRun.run(args.toArray(String[]::new), out, err),
      "cim-compile", (args, in, out, err) -> CimCompile.run(args.toArray(String[]::new), out, err),
      "filecheck", LitTest::fileCheck,
      "FileCheck", LitTest::fileCheck,
      "diff", LitTest::diff);

  private static int fileCheck(List<String> args, java.io.InputStream in, java.io.PrintStream out,
      java.io.PrintStream err) {
    return FileCheck.execute(args.toArray(String[]::new), in, out, err);
  }

  /**
   * {@code diff FILE1 FILE2}: exit 0 if the files are identical, else 1 with the first differing
   * line (enough to show why an output is not what a test expected); 2 if one cannot be read.
   */
  static int diff(List<String> args, java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err) {
    if (args.size() != 2) {
      err.println("diff: expected two files");
      return 2;
    }
    String left;
    String right;
    try {
      left = Files.readString(Path.of(args.get(0)));
      right = Files.readString(Path.of(args.get(1)));
    } catch (IOException e) {
      err.println("diff: cannot read " + e.getMessage());
      return 2;
    }
    if (left.equals(right)) {
      return 0;
    }
    // Split keeping trailing empty strings, so a missing final newline is a difference too.
    List<String> a = List.of(left.split("\n", -1));
    List<String> b = List.of(right.split("\n", -1));
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
      i++;
    }
    out.println("files differ at line " + (i + 1) + ":");
    out.println("< " + (i < a.size() ? a.get(i) : "<end of file>"));
    out.println("> " + (i < b.size() ? b.get(i) : "<end of file>"));
    return 1;
  }

  @TestFactory
  Stream<DynamicTest> lit() throws IOException {
    List<Path> tests;
    try (Stream<Path> s = Files.walk(ROOT)) {
      // As in LLVM's lit, files under an Inputs folder are data for tests, not tests.
      tests = s.filter(p -> p.toString().endsWith(".cir") && !ROOT.relativize(p).toString().contains("Inputs"))
          .sorted().toList();
    }
    LitRunner runner = new LitRunner(TOOLS);
    return tests.stream().map(t -> DynamicTest.dynamicTest(ROOT.relativize(t).toString(), t.toUri(), () -> {
      Path dir = Files.createDirectories(temp.resolve(ROOT.relativize(t).toString().replace('/', '_')));
      LitRunner.Outcome outcome = runner.run(t, dir);
      assertTrue(outcome.passed(), () -> "lit test " + t + " failed:\n" + outcome.transcript());
    }));
  }
}

package dev.dyad.lit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.filecheck.FileCheck;
import dev.dyad.tools.CimOpt;
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
      "filecheck", LitTest::fileCheck,
      "FileCheck", LitTest::fileCheck);

  private static int fileCheck(List<String> args, java.io.InputStream in, java.io.PrintStream out,
      java.io.PrintStream err) {
    return FileCheck.execute(args.toArray(String[]::new), in, out, err);
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

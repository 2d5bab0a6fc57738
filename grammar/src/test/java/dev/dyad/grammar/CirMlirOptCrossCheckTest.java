package dev.dyad.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * When MLIR's reference tool is installed ({@code mlir-opt-22} on the PATH, or the executable
 * named by the environment variable {@code MLIR_OPT}), checks that it accepts every valid corpus
 * file and rejects every invalid one, so the corpus stays faithful to MLIR 22. Skipped otherwise.
 */
class CirMlirOptCrossCheckTest {

  static String mlirOpt() {
    String configured = System.getenv("MLIR_OPT");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "mlir-opt-22"))) {
        return Path.of(dir, "mlir-opt-22").toString();
      }
    }
    return null;
  }

  static int run(String tool, Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(tool, "--allow-unregistered-dialect",
        "--mlir-print-op-generic", "-o", File.separatorChar == '/' ? "/dev/null" : "NUL",
        file.toString()))
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  @TestFactory
  Stream<DynamicTest> mlirOptAgreesWithTheCorpus() {
    String tool = mlirOpt();
    assumeTrue(tool != null, "mlir-opt-22 not installed");
    Stream<DynamicTest> valid = CirCorpusTest.corpus("valid").stream().map(f ->
        DynamicTest.dynamicTest("accepts " + f.getFileName(), () ->
            assertEquals(0, run(tool, f), "mlir-opt rejects " + f.getFileName())));
    Stream<DynamicTest> invalid = CirCorpusTest.corpus("invalid").stream().map(f ->
        DynamicTest.dynamicTest("rejects " + f.getFileName(), () ->
            assertNotEquals(0, run(tool, f), "mlir-opt accepts "
                + new String(Files.readAllBytes(f), StandardCharsets.UTF_8))));
    return Stream.concat(valid, invalid);
  }
}

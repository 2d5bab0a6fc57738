package dev.dyad.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every corpus case through LLVM's FileCheck-22 and through ours and requires the same verdict,
 * exit code and (apart from the echoed command line) the same diagnostics. Skipped without the binary.
 */
class FileCheckCrossCheckTest {

    private static final String BINARY = "FileCheck-22";

    @TestFactory
    Stream<DynamicTest> agreesWithLlvmFileCheck() {
        Optional<Path> llvm = findOnPath(BINARY);
        if (llvm.isEmpty()) {
            // An aborted factory leaves no trace in Surefire's report; a skipped test carries the notice.
            String notice = BINARY + " not installed: cross-check against LLVM skipped (PATH="
                    + System.getenv("PATH") + ")";
            return Stream.of(DynamicTest.dynamicTest(BINARY + " availability",
                    () -> Assumptions.assumeTrue(false, notice)));
        }
        return CorpusCase.load().stream().map(c -> DynamicTest.dynamicTest(c.name(), c.checkFile().toUri(), () -> {
            CorpusCase.Outcome theirs = runLlvm(llvm.get(), c);
            CorpusCase.Outcome ours = c.runOurs();
            assertEquals(theirs.passed(), ours.passed(), () -> c + ": verdicts differ\nFileCheck-22:\n"
                    + theirs.stderr() + "ours:\n" + ours.stderr());
            assertEquals(theirs.exitCode(), ours.exitCode(), () -> c + ": exit codes differ");
            assertEquals(CorpusCase.comparableDiagnostics(theirs.stderr()),
                    CorpusCase.comparableDiagnostics(ours.stderr()), () -> c + ": diagnostics differ");
        }));
    }

    static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static CorpusCase.Outcome runLlvm(Path binary, CorpusCase c) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        // Our clone never prints LLVM's annotated input dump, so ask FileCheck not to either.
        command.add("--dump-input=never");
        command.addAll(c.commandArgs());
        Path stderr = Files.createTempFile("filecheck-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(c.inputFile().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(BINARY + " timed out on " + c);
            }
            return new CorpusCase.Outcome(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}

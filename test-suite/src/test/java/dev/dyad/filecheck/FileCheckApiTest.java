package dev.dyad.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library entry point, the command line, and the absence of quadratic blow-ups on large inputs. */
class FileCheckApiTest {

    @TempDir
    Path tmp;

    private record Cli(int exitCode, String stderr, String stdout) {}

    private Cli cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLine.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void libraryPassAndFail() {
        FileCheckOptions opts = FileCheckOptions.defaults();
        assertTrue(FileCheck.run("CHECK: a\n", "x.check", "a\n", opts).passed());
        FileCheckResult failed = FileCheck.run("CHECK: b\n", "x.check", "a\n", opts);
        assertFalse(failed.passed());
        assertEquals(1, failed.exitCode());
        assertTrue(failed.diagnostics().startsWith("x.check:1:8: error: CHECK: expected string not found in input\n"));
    }

    @Test
    void optionsAreImmutableValues() {
        FileCheckOptions base = FileCheckOptions.defaults();
        FileCheckOptions custom = base.withCheckPrefixes("A").withCheckPrefixes("B").withMatchFullLines(true);
        assertEquals(java.util.List.of(), base.checkPrefixes());
        assertEquals(java.util.List.of("A", "B"), custom.checkPrefixes());
        assertTrue(custom.matchFullLines());
        assertFalse(base.matchFullLines());
        assertEquals("<stdin>", base.inputName());
    }

    @Test
    void inputNameAppearsInDiagnostics() {
        FileCheckResult r = FileCheck.run("CHECK: b\n", "c", "a\n", FileCheckOptions.defaults().withInputName("out.mlir"));
        assertTrue(r.diagnostics().contains("out.mlir:1:1: note: scanning from here\n"), r.diagnostics());
    }

    @Test
    void commandLineReadsStdinAndFiles() throws IOException {
        Path check = write("t.check", "; CHECK: hello\n; CHECK-NEXT: world\n");
        assertEquals(0, cli("hello\nworld\n", check.toString()).exitCode());
        Cli failed = cli("hello\n\nworld\n", check.toString());
        assertEquals(1, failed.exitCode());
        assertTrue(failed.stderr().contains("CHECK-NEXT: is not on the line after the previous match"));

        Path input = write("t.input", "hello\nworld\n");
        assertEquals(0, cli("", "--input-file=" + input, check.toString()).exitCode());
        assertEquals(0, cli("", "--input-file", input.toString(), check.toString()).exitCode());
        assertEquals(0, cli("", "-input-file=" + input, check.toString()).exitCode(), "single-dash spelling");
    }

    @Test
    void commandLineOptions() throws IOException {
        Path check = write("p.check", "FOO: a\nBAR: b\n");
        assertEquals(0, cli("a b\n", "--check-prefixes=FOO,BAR", check.toString()).exitCode());
        assertEquals(0, cli("a b\n", "--check-prefix=FOO", "--check-prefix", "BAR", check.toString()).exitCode());
        assertEquals(2, cli("a b\n", "--check-prefix=FOO", "--check-prefix=BAZ", check.toString()).exitCode());
        assertEquals(0, cli("a b\n", "--check-prefixes=FOO,BAZ", "--allow-unused-prefixes", check.toString())
                .exitCode());

        Path plain = write("q.check", "CHECK: x\n");
        assertEquals(1, cli("x\nbad\n", "--implicit-check-not=bad", plain.toString()).exitCode());
        assertEquals(0, cli("x\n", "--implicit-check-not", "bad", "--dump-input=fail", plain.toString()).exitCode());
        assertEquals(1, cli("x y\n", "--match-full-lines", plain.toString()).exitCode());
        assertEquals(0, cli("X\n", "--ignore-case", plain.toString()).exitCode());

        Path vars = write("v.check", "CHECK: [[V]] [[#N+1]]\n");
        assertEquals(0, cli("val 6\n", "-DV=val", "-D#N=5", vars.toString()).exitCode());
        assertEquals(0, cli("val 6\n", "-D", "V=val", "-D", "#N=5", vars.toString()).exitCode());
    }

    @Test
    void emptyInputMessageEchoesTheCommandLine() throws IOException {
        Path check = write("e.check", "CHECK-NOT: x\n");
        Cli r = cli("", check.toString());
        assertEquals(2, r.exitCode());
        assertEquals("FileCheck error: '<stdin>' is empty.\nFileCheck command line:  filecheck " + check + "\n",
                r.stderr());
        assertEquals(0, cli("", "--allow-empty", check.toString()).exitCode());
    }

    @Test
    void usageErrors() throws IOException {
        assertEquals(2, cli("").exitCode());
        assertEquals(2, cli("", "--no-such-option", "x").exitCode());
        assertEquals(2, cli("", "a", "b").exitCode());
        Cli missing = cli("x\n", tmp.resolve("nope.check").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().startsWith("Could not open check file"), missing.stderr());
        Cli help = cli("", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().startsWith("USAGE: filecheck"));
    }

    /** An MLIR-like module of {@code functions} functions and checks covering most directive kinds. */
    private static String[] bigCase(int functions) {
        StringBuilder in = new StringBuilder();
        StringBuilder check = new StringBuilder();
        for (int f = 0; f < functions; f++) {
            in.append("func.func @f").append(f).append("(%arg0: i32) -> i32 {\n")
                    .append("  %c").append(f).append(" = arith.constant ").append(f).append(" : i32\n")
                    .append("  %0 = arith.addi %arg0, %c").append(f).append(" : i32\n")
                    .append("  // note: value ").append(f * 3).append('\n')
                    .append("  return %0 : i32\n}\n");
            check.append("// CHECK-LABEL: func.func @f").append(f).append("(\n")
                    .append("// CHECK: %[[C:.*]] = arith.constant [[#V:]] : i32\n")
                    .append("// CHECK-NEXT: %{{[0-9]+}} = arith.addi %arg0, %[[C]] : i32\n")
                    .append("// CHECK-DAG: return\n")
                    .append("// CHECK-DAG: value [[#mul(V,3)]]\n")
                    .append("// CHECK-NOT: error\n")
                    .append("// CHECK: }\n");
        }
        return new String[] {check.toString(), in.toString()};
    }

    @Test
    void largeInputIsFast() {
        String[] big = bigCase(2500);
        assertTrue(big[1].length() > 300_000);
        // Generous bound: a quadratic algorithm would take minutes here, even on a loaded machine.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 3; i++) {
                FileCheckResult r = FileCheck.run(big[0], "big.check", big[1],
                        FileCheckOptions.defaults().withEnableVarScope(true).withImplicitCheckNot("{{fatal|crash}}"));
                assertTrue(r.passed(), r.diagnostics());
            }
        });
    }

    @Test
    void largeFailingInputIsFast() {
        String[] big = bigCase(2500);
        String input = big[1] + "one last line\n";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            FileCheckResult r = FileCheck.run("CHECK-NOT: nothing-like-this\nCHECK: {{^}}one last line{{$}}\n"
                    + "CHECK: never printed anywhere\n", "c", input, FileCheckOptions.defaults());
            assertEquals(1, r.exitCode());
            FileCheckResult labels = FileCheck.run(big[0] + "// CHECK-LABEL: func.func @missing(\n", "c", big[1],
                    FileCheckOptions.defaults());
            assertEquals(1, labels.exitCode());
        });
    }
}

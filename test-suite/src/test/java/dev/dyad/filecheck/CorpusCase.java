package dev.dyad.filecheck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One corpus case: {@code NAME.check} (whose header lines {@code ; EXPECT: pass|fail} and optional
 * {@code ; ARGS: ...} give the verdict and FileCheck options) checked against {@code NAME.input}.
 */
record CorpusCase(String name, Path checkFile, Path inputFile, boolean expectPass, List<String> args) {

    static final String RESOURCE_DIR = "filecheck/cases";

    /** How a FileCheck implementation ended on a case. */
    record Outcome(int exitCode, String stderr) {
        boolean passed() {
            return exitCode == 0;
        }
    }

    static List<CorpusCase> load() {
        Path dir;
        try {
            dir = Path.of(CorpusCase.class.getClassLoader().getResource(RESOURCE_DIR).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".check"))
                    .sorted()
                    .map(CorpusCase::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CorpusCase parse(Path check) {
        String file = check.getFileName().toString();
        String name = file.substring(0, file.length() - ".check".length());
        Path input = check.resolveSibling(name + ".input");
        String expect = null;
        List<String> args = List.of();
        try {
            for (String line : Files.readAllLines(check, StandardCharsets.UTF_8)) {
                if (line.startsWith("; EXPECT:")) {
                    expect = line.substring("; EXPECT:".length()).trim();
                } else if (line.startsWith("; ARGS:")) {
                    args = splitArgs(line.substring("; ARGS:".length()).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"pass".equals(expect) && !"fail".equals(expect)) {
            throw new IllegalStateException(check + ": missing '; EXPECT: pass|fail' header");
        }
        if (!Files.exists(input)) {
            throw new IllegalStateException(check + ": missing " + input.getFileName());
        }
        return new CorpusCase(name, check, input, expect.equals("pass"), args);
    }

    /** Splits like a POSIX shell would for the simple forms used in headers: blanks, '...' and "...". */
    static List<String> splitArgs(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /** The command-line arguments after the program name: options then the check file. */
    List<String> commandArgs() {
        List<String> all = new ArrayList<>(args);
        all.add(checkFile.toString());
        return all;
    }

    /** Runs our FileCheck through its command-line entry point, with the input on stdin. */
    Outcome runOurs() {
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code;
            try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
                 PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                code = CommandLine.execute(commandArgs().toArray(String[]::new),
                        new ByteArrayInputStream(Files.readAllBytes(inputFile)), outStream, errStream);
            }
            return new Outcome(code, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** FileCheck echoes its command line after some errors; that line legitimately differs. */
    static String comparableDiagnostics(String stderr) {
        return stderr.lines()
                .filter(l -> !l.startsWith("FileCheck command line:"))
                .reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append)
                .toString();
    }

    @Override
    public String toString() {
        return name + " " + args;
    }
}

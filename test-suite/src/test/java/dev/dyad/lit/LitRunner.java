package dev.dyad.lit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Executes the RUN lines of one lit test in-process: pipelines of registered tools with their
 * standard streams connected through memory, so hundreds of tests need no extra JVM.
 */
final class LitRunner {
  private final Map<String, LitTool> tools;

  LitRunner(Map<String, LitTool> tools) {
    this.tools = tools;
  }

  /** The outcome of a test: passed, or failed with a transcript of what happened. */
  record Outcome(boolean passed, String transcript) {}

  Outcome run(Path testFile, Path tempDir) throws IOException {
    String text = Files.readString(testFile, StandardCharsets.UTF_8);
    Path temp = tempDir.resolve(testFile.getFileName() + ".tmp");
    List<RunLine> runs = RunLine.parseAll(text, testFile, temp);
    StringBuilder transcript = new StringBuilder();
    if (runs.isEmpty()) {
      return new Outcome(false, testFile + ": no RUN lines\n");
    }
    for (RunLine run : runs) {
      transcript.append("RUN at line ").append(run.line()).append(": ").append(describe(run)).append('\n');
      String failure = execute(run, transcript);
      if (failure != null) {
        transcript.append(failure);
        return new Outcome(false, transcript.toString());
      }
    }
    return new Outcome(true, transcript.toString());
  }

  private static String describe(RunLine run) {
    StringBuilder sb = new StringBuilder();
    for (RunLine.Stage s : run.stages()) {
      if (sb.length() > 0) {
        sb.append(" | ");
      }
      sb.append(String.join(" ", s.words()));
      // The redirections too, so that the transcript shows what really ran.
      if (s.stdinFile() != null) {
        sb.append(" < ").append(s.stdinFile());
      }
      if (s.stderrToStdout()) {
        sb.append(" 2>&1");
      }
      if (s.stdoutFile() != null) {
        sb.append(" > ").append(s.stdoutFile());
      }
    }
    return sb.toString();
  }

  /** Runs one pipeline; returns null on success, otherwise a description of the failure. */
  private String execute(RunLine run, StringBuilder transcript) throws IOException {
    byte[] input = new byte[0];
    for (RunLine.Stage stage : run.stages()) {
      if (stage.stdinFile() != null) {
        input = Files.readAllBytes(Path.of(stage.stdinFile()));
      }
      List<String> words = stage.words();
      boolean expectFailure = false;
      while (!words.isEmpty() && words.get(0).equals("not")) {
        expectFailure = !expectFailure;
        words = words.subList(1, words.size());
      }
      if (words.isEmpty()) {
        return "empty command\n";
      }
      LitTool tool = tools.get(words.get(0));
      if (tool == null) {
        return "unknown command '" + words.get(0) + "' (known: " + tools.keySet() + ")\n";
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = stage.stderrToStdout() ? out : new ByteArrayOutputStream();
      int code;
      try (PrintStream pout = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream perr = stage.stderrToStdout() ? pout : new PrintStream(err, true, StandardCharsets.UTF_8)) {
        InputStream in = new ByteArrayInputStream(input);
        code = tool.run(words.subList(1, words.size()), in, pout, perr);
      }
      if (!stage.stderrToStdout() && err.size() > 0) {
        transcript.append("--- stderr of ").append(words.get(0)).append(" ---\n").append(err.toString(StandardCharsets.UTF_8));
      }
      boolean failed = code != 0;
      if (failed != expectFailure) {
        return "'" + String.join(" ", stage.words()) + "' exited with code " + code + "\n--- stdout ---\n"
            + out.toString(StandardCharsets.UTF_8);
      }
      input = out.toByteArray();
      if (stage.stdoutFile() != null) {
        Files.write(Path.of(stage.stdoutFile()), input);
        input = new byte[0];
      }
    }
    return null;
  }
}

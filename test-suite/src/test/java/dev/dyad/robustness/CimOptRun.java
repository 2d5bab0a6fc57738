package dev.dyad.robustness;

import dev.dyad.tools.CimOpt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * Runs cim-opt in-process on arbitrary input and checks that it behaves like a tool, not like a
 * crashing program: it returns (never throws), exits with 0 or 1, never shows a Java stack trace
 * or an internal error, explains a failure with a {@code file:line:col: error:} diagnostic (or a
 * {@code cim-opt: error:} one), and on success prints IR that cim-opt reads back unchanged.
 */
final class CimOptRun {
  /**
   * A diagnostic with a position; one at a location without a file position, which mlir-opt
   * prints as {@code <unknown>:0: error: loc(...): ...} (ops may carry any location); or a
   * tool-level error.
   */
  private static final Pattern ERROR = Pattern.compile(
      "(?m)(^[^\\n]*:\\d+:\\d+: error: |^<unknown>:0: error: |^cim-opt: error: )");
  /** Outputs larger than this are not re-read (deep region nesting prints quadratically many spaces). */
  private static final int MAX_REREAD_CHARS = 32 << 20;

  record Result(int exitCode, String stdout, String stderr) {}

  private CimOptRun() {}

  /** Runs {@code cim-opt --allow-unregistered-dialect [args] -} on {@code input}. */
  static Result run(byte[] input, String... args) {
    List<String> all = new ArrayList<>();
    all.add("--allow-unregistered-dialect");
    all.addAll(List.of(args));
    all.add("-");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = CimOpt.run(all.toArray(new String[0]), new ByteArrayInputStream(input),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result check(String what, String input, String... args) {
    return check(what, input.getBytes(StandardCharsets.UTF_8), args);
  }

  /**
   * Runs cim-opt on {@code input} and asserts that it behaved; {@code what} names the input in
   * failure messages (together with a prefix of the input itself).
   */
  static Result check(String what, byte[] input, String... args) {
    Result r;
    try {
      r = run(input, args);
    } catch (Throwable t) {
      throw failure(what, input, "cim-opt threw " + t, t);
    }
    String text = new String(input, StandardCharsets.UTF_8);
    if (r.exitCode() != 0 && r.exitCode() != 1) {
      throw failure(what, input, "exit code " + r.exitCode() + "\n" + excerpt(r.stderr()), null);
    }
    // Words that the echoed source line of a diagnostic may legitimately contain are only
    // suspicious when the input does not contain them.
    for (String bad : new String[] {"Exception", "\tat ", "internal error", "StackOverflow"}) {
      if (r.stderr().contains(bad) && !text.contains(bad)) {
        throw failure(what, input, "stderr contains '" + bad.strip() + "':\n" + excerpt(r.stderr()), null);
      }
    }
    if (r.exitCode() == 1 && !ERROR.matcher(r.stderr()).find()) {
      throw failure(what, input, "exit code 1 without a 'file:line:col: error:' diagnostic; stderr:\n"
          + excerpt(r.stderr()), null);
    }
    if (r.exitCode() == 0 && r.stdout().length() <= MAX_REREAD_CHARS) {
      // Under --verify-diagnostics a chunk whose expected errors occurred prints nothing, as with
      // mlir-opt, so the output need not be a fixpoint there; it must still read back.
      boolean verifying = List.of(args).contains("--verify-diagnostics");
      List<String> againArgs = new ArrayList<>(List.of(args));
      againArgs.remove("--verify-diagnostics");
      Result again;
      try {
        again = run(r.stdout().getBytes(StandardCharsets.UTF_8), againArgs.toArray(new String[0]));
      } catch (Throwable t) {
        throw failure(what, input, "cim-opt threw on its own output: " + t, t);
      }
      if (again.exitCode() != 0 || !verifying && !again.stdout().equals(r.stdout())) {
        throw failure(what, input, "cim-opt does not read its own output back unchanged (exit code "
            + again.exitCode() + "):\n" + excerpt(again.stderr()) + "---- output ----\n" + excerpt(r.stdout())
            + "---- output of the output ----\n" + excerpt(again.stdout()), null);
      }
    }
    return r;
  }

  private static AssertionFailedError failure(String what, byte[] input, String why, Throwable cause) {
    return new AssertionFailedError(what + ": " + why + "\n---- input (" + input.length + " bytes) ----\n"
        + excerpt(new String(input, StandardCharsets.UTF_8)), cause);
  }

  /** At most 4,000 characters of {@code s}, so that 10 MB inputs do not flood the report. */
  static String excerpt(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 2000) + "\n[... " + (s.length() - 4000) + " chars ...]\n"
        + s.substring(s.length() - 2000);
  }
}

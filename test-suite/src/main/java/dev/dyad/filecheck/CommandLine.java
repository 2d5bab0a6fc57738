package dev.dyad.filecheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code filecheck} command: LLVM-compatible option spelling, stdin input, exit codes 0/1/2. */
final class CommandLine {

  static final String USAGE = String.join("\n",
      "USAGE: filecheck [options] <check-file>",
      "",
      "Reads the input from stdin (or --input-file) and verifies it against <check-file>.",
      "",
      "OPTIONS:",
      "  --check-prefix=<prefix>        Prefix to use from check file (repeatable; default CHECK)",
      "  --check-prefixes=<a,b,...>     Comma-separated list of check prefixes",
      "  --comment-prefixes=<a,b,...>   Comment prefixes (default COM,RUN)",
      "  --input-file=<file>            File to check (default stdin)",
      "  --implicit-check-not=<pattern> Add an implicit negative check (repeatable)",
      "  -D<VAR>=<VALUE>, -D#<VAR>=<EXPR>  Define a string or numeric variable",
      "  --allow-empty                  Allow the input to be empty",
      "  --allow-unused-prefixes        Allow prefixes that match nothing",
      "  --allow-deprecated-dag-overlap Let CHECK-DAG matches overlap",
      "  --enable-var-scope             Clear local variables at each CHECK-LABEL",
      "  --ignore-case                  Match case-insensitively",
      "  --match-full-lines             Patterns must match whole lines",
      "  --strict-whitespace            Do not canonicalize horizontal whitespace",
      "  --dump-input=<mode>            Accepted for compatibility; no input dump is printed",
      "");

  private CommandLine() {
  }

  /** Thrown for a malformed command line. */
  private static final class UsageError extends Exception {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  static int execute(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    FileCheckOptions options = FileCheckOptions.defaults();
    String checkFile = null;
    String inputFile = "-";
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("-") || arg.equals("-")) {
          if (checkFile != null) {
            throw new UsageError("Too many positional arguments specified!");
          }
          checkFile = arg;
          continue;
        }
        String name = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
        String value = null;
        int eq = name.indexOf('=');
        if (name.startsWith("D")) {
          String def = name.substring(1);
          if (def.isEmpty()) {
            def = next(args, ++i, arg);
          }
          options = options.withDefines(def);
          continue;
        }
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        switch (name) {
          case "help", "h" -> {
            out.print(USAGE);
            return 0;
          }
          case "check-prefix" -> options = options.withCheckPrefixes(
              value != null ? value : next(args, ++i, arg));
          case "check-prefixes" -> options = options.withCheckPrefixes(
              (value != null ? value : next(args, ++i, arg)).split(",", -1));
          case "comment-prefixes" -> options = options.withCommentPrefixes(
              (value != null ? value : next(args, ++i, arg)).split(",", -1));
          case "implicit-check-not" -> options = options.withImplicitCheckNot(
              value != null ? value : next(args, ++i, arg));
          case "input-file" -> inputFile = value != null ? value : next(args, ++i, arg);
          case "dump-input", "dump-input-filter", "dump-input-context" -> {
            if (value == null) {
              next(args, ++i, arg);
            }
          }
          case "allow-empty" -> options = options.withAllowEmpty(flag(value, arg));
          case "allow-unused-prefixes" -> options = options.withAllowUnusedPrefixes(flag(value, arg));
          case "allow-deprecated-dag-overlap" -> options = options.withAllowDagOverlap(flag(value, arg));
          case "enable-var-scope" -> options = options.withEnableVarScope(flag(value, arg));
          case "ignore-case" -> options = options.withIgnoreCase(flag(value, arg));
          case "match-full-lines" -> options = options.withMatchFullLines(flag(value, arg));
          case "strict-whitespace" -> options = options.withStrictWhitespace(flag(value, arg));
          default -> throw new UsageError("Unknown command line argument '" + arg + "'.");
        }
      }
      if (checkFile == null) {
        throw new UsageError("Not enough positional command line arguments specified!");
      }
    } catch (UsageError e) {
      err.println("filecheck: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }

    String checkText;
    try {
      checkText = read(checkFile, stdin);
    } catch (IOException e) {
      err.println("Could not open check file '" + checkFile + "': " + describe(e));
      return 2;
    }
    String input;
    try {
      input = read(inputFile, stdin);
    } catch (IOException e) {
      err.println("Could not open input file '" + inputFile + "': " + describe(e));
      return 2;
    }
    options = options.withInputName(inputFile.equals("-") ? "<stdin>" : inputFile);
    FileCheckResult result = FileCheck.run(checkText, checkFile, input, options);
    err.print(result.diagnostics());
    if (input.isEmpty() && !options.allowEmpty() && result.exitCode() == 2
        && result.diagnostics().endsWith("' is empty.\n")) {
      err.println("FileCheck command line:  filecheck " + String.join(" ", args));
    }
    err.flush();
    return result.exitCode();
  }

  private static String next(String[] args, int i, String option) throws UsageError {
    if (i >= args.length) {
      throw new UsageError("Not enough values given for option '" + option + "'!");
    }
    return args[i];
  }

  private static boolean flag(String value, String arg) throws UsageError {
    if (value == null || value.equals("true") || value.equals("1") || value.equals("TRUE")) {
      return true;
    }
    if (value.equals("false") || value.equals("0") || value.equals("FALSE")) {
      return false;
    }
    throw new UsageError("'" + value + "' is invalid value for boolean argument! Try 0 or 1 in '" + arg + "'");
  }

  private static String read(String file, InputStream stdin) throws IOException {
    byte[] bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "No such file or directory" : e.getMessage();
  }
}

package dev.dyad.filecheck;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An in-JVM clone of LLVM 22's FileCheck: verifies that an input text matches the directives of a check file.
 * Use {@link #run} as a library, or {@link #main} as the {@code filecheck} command.
 */
public final class FileCheck {

  private FileCheck() {
  }

  /**
   * Checks {@code input} against the directives in {@code checkFileText}.
   *
   * @param checkFileName the name shown in diagnostics for the check file
   */
  public static FileCheckResult run(String checkFileText, String checkFileName, String input,
                   FileCheckOptions options) {
    Diagnostics diags = new Diagnostics();
    String prefixError = validatePrefixes(options);
    if (prefixError != null) {
      diags.plain(prefixError);
      return new FileCheckResult(2, diags.text());
    }
    SourceText check = new SourceText(checkFileName,
        canonicalize(SourceText.toBytes(checkFileText), options.strictWhitespace()));
    Variables vars = new Variables();
    List<CheckString> checks;
    try {
      Defines.apply(options.defines(), vars);
      checks = CheckFileParser.parse(check, options, vars, diags);
    } catch (CheckFileError e) {
      e.print(diags);
      return new FileCheckResult(e.exitCode, diags.text());
    }
    if (input.isEmpty() && !options.allowEmpty()) {
      diags.plain("FileCheck error: '" + options.inputName() + "' is empty.");
      return new FileCheckResult(2, diags.text());
    }
    SourceText in = new SourceText(options.inputName(),
        canonicalize(SourceText.toBytes(input), options.strictWhitespace()));
    boolean passed = new Checker(in, checks, vars, options, diags).run();
    return new FileCheckResult(passed ? 0 : 1, diags.text());
  }

  /**
   * Runs as the {@code filecheck} command with the given streams (in-process use, e.g. by the lit
   * runner); returns the exit code.
   */
  public static int execute(String[] args, java.io.InputStream stdin, java.io.PrintStream out,
      java.io.PrintStream err) {
    return CommandLine.execute(args, stdin, out, err);
  }

  /** Runs as the {@code filecheck} command; see {@link CommandLine} for the options. */
  public static void main(String[] args) {
    System.exit(CommandLine.execute(args, System.in, System.out, System.err));
  }

  /**
   * Drops the '\r' of every "\r\n" and, unless whitespace is strict, folds each run of blanks into one
   * space; FileCheck does this to both the check file and the input before anything else.
   */
  static String canonicalize(String text, boolean strictWhitespace) {
    StringBuilder sb = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (strictWhitespace || (c != ' ' && c != '\t')) {
        sb.append(c);
        continue;
      }
      sb.append(' ');
      while (i + 1 < n && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
        i++;
      }
    }
    return sb.toString();
  }

  /** FileCheck::ValidateCheckPrefixes; returns the error line or null. */
  static String validatePrefixes(FileCheckOptions options) {
    Set<String> seen = new HashSet<>();
    if (options.checkPrefixes().isEmpty()) {
      seen.add("CHECK");
    }
    if (options.commentPrefixes().isEmpty()) {
      seen.addAll(List.of("COM", "RUN"));
    }
    String error = validatePrefixes("check", options.checkPrefixes(), seen);
    return error != null ? error : validatePrefixes("comment", options.commentPrefixes(), seen);
  }

  private static String validatePrefixes(String kind, List<String> prefixes, Set<String> seen) {
    for (String prefix : prefixes) {
      if (prefix.isEmpty()) {
        return "error: supplied " + kind + " prefix must not be the empty string";
      }
      // Like FileCheck's own check, this does not actually require a leading letter.
      if (!prefix.matches("[a-zA-Z0-9_-]*")) {
        return "error: supplied " + kind + " prefix must start with a letter and contain only alphanumeric "
            + "characters, hyphens, and underscores: '" + prefix + "'";
      }
      if (!seen.add(prefix)) {
        return "error: supplied " + kind + " prefix must be unique among check and comment prefixes: '"
            + prefix + "'";
      }
    }
    return null;
  }
}

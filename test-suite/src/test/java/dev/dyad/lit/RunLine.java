package dev.dyad.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code // RUN:} command of a lit test: a pipeline of commands, each a list of words with
 * lit substitutions applied ({@code %s} the test file, {@code %S} its folder, {@code %t} a
 * temporary path), plus {@code 2>&1} and {@code > FILE} redirections.
 */
record RunLine(int line, List<Stage> stages) {

  /** One command of the pipeline. */
  record Stage(List<String> words, boolean stderrToStdout, String stdoutFile, String stdinFile) {}

  /** Collects the RUN lines of {@code text} (with backslash continuations). */
  static List<RunLine> parseAll(String text, Path testFile, Path tempPath) {
    List<RunLine> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    StringBuilder pending = null;
    int pendingLine = 0;
    for (int i = 0; i < lines.length; i++) {
      int at = lines[i].indexOf("RUN:");
      if (at < 0 || !lines[i].substring(0, at).strip().startsWith("//")) {
        continue;
      }
      String body = lines[i].substring(at + 4).strip();
      if (pending == null) {
        pending = new StringBuilder();
        pendingLine = i + 1;
      }
      if (body.endsWith("\\")) {
        pending.append(body, 0, body.length() - 1).append(' ');
        continue;
      }
      pending.append(body);
      out.add(parse(pendingLine, pending.toString(), testFile, tempPath));
      pending = null;
    }
    return out;
  }

  static RunLine parse(int line, String command, Path testFile, Path tempPath) {
    String substituted = command
        .replace("%s", testFile.toString())
        .replace("%S", testFile.getParent().toString())
        .replace("%t", tempPath.toString());
    List<Stage> stages = new ArrayList<>();
    for (String part : splitPipes(substituted)) {
      List<String> words = tokenize(part);
      boolean merge = false;
      String outFile = null;
      String inFile = null;
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        if (w.equals("2>&1")) {
          merge = true;
        } else if (w.equals(">") && i + 1 < words.size()) {
          outFile = words.get(++i);
        } else if (w.equals("<") && i + 1 < words.size()) {
          inFile = words.get(++i);
        } else {
          kept.add(w);
        }
      }
      stages.add(new Stage(kept, merge, outFile, inFile));
    }
    return new RunLine(line, stages);
  }

  private static List<String> splitPipes(String s) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        cur.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        cur.append(c);
      } else if (c == '|') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  /** Shell-like word splitting with single and double quotes. */
  static List<String> tokenize(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }
}

package dev.dyad.interop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code mlir-opt-22} on batches of modules. One process handles many modules through
 * {@code --split-input-file}: starting mlir-opt costs far more than parsing a small module.
 */
final class MlirOpt {
  static final String NAME = "mlir-opt-22";
  /** What separates chunks in mlir-opt's input and output under {@code --split-input-file}. */
  static final String SEPARATOR = "// -----\n";

  private static final Path BINARY = find();

  private MlirOpt() {}

  private static Path find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, NAME);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Skips the calling test, with a visible reason, when mlir-opt-22 is not installed. */
  static void assumeInstalled() {
    Assumptions.assumeTrue(BINARY != null, NAME + " not installed: interop tests skipped");
  }

  /**
   * Modules per mlir-opt process. mlir-opt's --split-input-file takes time quadratic in the number
   * of chunks (500 small modules: 0.7 s, 2,000: 10 s), so large batches are cut into parts.
   */
  private static final int MAX_CHUNKS_PER_PROCESS = 250;

  /** The outcome of running mlir-opt over a batch: per module, its output and its errors. */
  record Result(List<String> outputs, List<String> errors) {
    /** The diagnostics mlir-opt printed for module {@code i} (empty when it had none). */
    String errorsOf(int i) {
      return errors.get(i);
    }
  }

  /**
   * Runs mlir-opt with {@code args} plus {@code --split-input-file} over {@code modules} joined by
   * {@code // -----} lines, from files named {@code batch.mlir} in a temporary directory.
   */
  static Result runBatch(List<String> modules, String... args) {
    List<String> outputs = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int from = 0; from < modules.size(); from += MAX_CHUNKS_PER_PROCESS) {
      List<String> part = modules.subList(from, Math.min(modules.size(), from + MAX_CHUNKS_PER_PROCESS));
      runPart(part, args, outputs, errors);
    }
    return new Result(outputs, errors);
  }

  private static void runPart(List<String> modules, String[] args, List<String> outputs, List<String> errors) {
    StringBuilder input = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    int line = 1;
    for (int i = 0; i < modules.size(); i++) {
      if (i > 0) {
        input.append(SEPARATOR);
        line++;
      }
      starts.add(line);
      String m = modules.get(i);
      input.append(m);
      if (!m.endsWith("\n")) {
        input.append('\n');
      }
      line += (int) m.chars().filter(c -> c == '\n').count() + (m.endsWith("\n") ? 0 : 1);
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("dyad-mlir-opt");
      Files.writeString(dir.resolve("batch.mlir"), input, StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>();
      cmd.add(BINARY.toString());
      cmd.addAll(List.of(args));
      cmd.add("--split-input-file");
      cmd.add("batch.mlir");
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
      p.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      String out = readAll(p.getInputStream());
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(NAME + " did not finish in 120 s");
      }
      String[] chunks = out.split(SEPARATOR, -1);
      if (chunks.length != modules.size()) {
        throw new IllegalStateException(NAME + " printed " + chunks.length + " chunks for " + modules.size()
            + " inputs; stderr:\n" + err.join());
      }
      outputs.addAll(List.of(chunks));
      String stderr = err.join();
      for (int i = 0; i < modules.size(); i++) {
        errors.add(errorsIn(stderr, starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : Integer.MAX_VALUE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (dir != null) {
        try {
          Files.deleteIfExists(dir.resolve("batch.mlir"));
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // A leftover temporary directory is harmless.
        }
      }
    }
  }

  /** The diagnostics of {@code stderr} located on lines [{@code from}, {@code to}) of the batch. */
  private static String errorsIn(String stderr, int from, int to) {
    StringBuilder sb = new StringBuilder();
    boolean inChunk = false;
    for (String line : stderr.split("\n", -1)) {
      // Diagnostics start with "batch.mlir:LINE:COL: "; the source excerpt lines that follow
      // belong to the same diagnostic.
      if (line.startsWith("batch.mlir:")) {
        String[] parts = line.split(":", 4);
        int l = parts.length > 2 && !parts[1].isEmpty() && parts[1].chars().allMatch(Character::isDigit)
            ? Integer.parseInt(parts[1]) : -1;
        inChunk = l >= from && l < to;
      }
      if (inChunk) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.dyad.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written all at once: the text goes to a temporary file beside the target, which
 * replaces the target only on {@link #commit}. On {@link #abort} (or any failure) the target is
 * left untouched. A symbolic link is written through (its file is replaced, not the link), and a
 * target that is not a regular file ({@code /dev/null}, a pipe) is written into on commit rather
 * than replaced.
 */
public final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path tmp;
  private final java.io.OutputStream stream;
  private final Writer writer;
  private boolean done;

  private AtomicOutput(Path target, Path tmp, java.io.OutputStream stream) {
    this.target = target;
    this.tmp = tmp;
    this.stream = stream;
    this.writer = new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }

  public static AtomicOutput begin(Path target) throws IOException {
    if (Files.exists(target)) {
      target = target.toRealPath();
    }
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isRegularFile(target) && Files.exists(target)) {
      dir = Path.of(System.getProperty("java.io.tmpdir"));
    }
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    return new AtomicOutput(target, tmp, new java.io.BufferedOutputStream(Files.newOutputStream(tmp)));
  }

  /** For text; use either this or {@link #stream()}, not both. */
  public Writer writer() {
    return writer;
  }

  /** For binary content (e.g. {@code .npy}); use either this or {@link #writer()}, not both. */
  public java.io.OutputStream stream() {
    return stream;
  }

  /** Makes the written text the target's content. */
  public void commit() throws IOException {
    writer.close();
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      try (java.io.OutputStream out = Files.newOutputStream(target)) {
        Files.copy(tmp, out);
      } finally {
        Files.deleteIfExists(tmp);
      }
      done = true;
      return;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    done = true;
  }

  /** Discards the written text. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      writer.close();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code content} to {@code target} atomically. */
  public static void write(Path target, String content) throws IOException {
    try (AtomicOutput out = begin(target)) {
      out.writer().write(content);
      out.commit();
    }
  }

  static Writer bufferedStdout(java.io.PrintStream stdout) {
    return new BufferedWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
  }
}

package dev.dyad.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where -o output goes: regular files are replaced atomically, links and special files are not. */
class AtomicOutputTest {
  @TempDir
  Path dir;

  @Test
  void replacesARegularFileOnlyOnCommit() throws Exception {
    Path target = Files.writeString(dir.resolve("out.cir"), "old");
    try (AtomicOutput out = AtomicOutput.begin(target)) {
      out.writer().write("new");
      assertEquals("old", Files.readString(target));
    }
    assertEquals("old", Files.readString(target), "no commit: untouched");
    AtomicOutput.write(target, "new");
    assertEquals("new", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void writesThroughASymbolicLink() throws Exception {
    Path real = Files.writeString(dir.resolve("real.cir"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.cir"), real);
    AtomicOutput.write(link, "new");
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertEquals("new", Files.readString(real));
  }

  /** A special file (here a FIFO; /dev/null is the everyday case) is written into, never replaced. */
  @Test
  void writesIntoAPipeInsteadOfReplacingIt() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo unavailable");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    AtomicOutput.write(fifo, "through the pipe");
    assertEquals("through the pipe", reader.get(10, TimeUnit.SECONDS));
    assertFalse(Files.isRegularFile(fifo), "the pipe is still a pipe");
  }
}

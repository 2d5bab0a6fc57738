package dev.dyad.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.rewrite.GreedyRewriteConfig;
import dev.dyad.rewrite.TestIr;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against {@code mlir-opt-22} (skipped where it is not installed): random arith
 * programs, printed in the generic form, must come out of Dyad's transforms exactly as they come
 * out of mlir-opt's, byte for byte.
 */
class MlirOptOracleTest {
  private static final int PROGRAMS = 120;
  private static final String SEPARATOR = "// -----\n";

  private static Path mlirOpt() {
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "mlir-opt-22");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Assumptions.assumeTrue(false, "mlir-opt-22 not installed: differential tests skipped");
    return null;
  }

  private static List<String> cfgPrograms(long seed) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < PROGRAMS; i++) {
      out.add(TestIr.print(TestIr.parse(TestIr.context(), CfgPrograms.generate(seed + i))));
    }
    return out;
  }

  private static List<String> programs(long seed) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < PROGRAMS; i++) {
      Context ctx = TestIr.context();
      out.add(TestIr.print(ArithPrograms.generate(ctx, seed + i, ArithPrograms.Options.EVERYTHING)));
    }
    return out;
  }

  private static List<String> runMlirOpt(Path binary, List<String> inputs, String... passes)
      throws IOException, InterruptedException {
    Path in = Files.createTempFile("oracle-", ".mlir");
    Path out = Files.createTempFile("oracle-", ".out");
    try {
      Files.writeString(in, String.join(SEPARATOR, inputs), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(binary.toString(), "--split-input-file",
          "--mlir-print-op-generic", "--allow-unregistered-dialect"));
      command.addAll(List.of(passes));
      command.add(in.toString());
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("mlir-opt-22 timed out");
      }
      assertEquals(0, p.exitValue(), "mlir-opt-22 failed");
      List<String> chunks = List.of(Files.readString(out, StandardCharsets.UTF_8).split(SEPARATOR, -1));
      assertEquals(inputs.size(), chunks.size());
      return chunks;
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
    }
  }

  private static void compare(long seed, BiConsumer<Context, Operation> ours, String... theirs) throws Exception {
    compare(programs(seed), ours, theirs);
  }

  private static void compare(List<String> inputs, BiConsumer<Context, Operation> ours, String... theirs)
      throws Exception {
    Path binary = mlirOpt();
    List<String> expected = runMlirOpt(binary, inputs, theirs);
    for (int i = 0; i < inputs.size(); i++) {
      Context ctx = TestIr.context();
      Operation m = TestIr.parse(ctx, inputs.get(i));
      ours.accept(ctx, m);
      assertEquals(expected.get(i), TestIr.print(m), "program " + i + ":\n" + inputs.get(i));
    }
  }

  private static Canonicalizer.Options options(boolean topDown, int maxIterations) {
    return options(topDown, maxIterations, GreedyRewriteConfig.RegionSimplification.NORMAL);
  }

  private static Canonicalizer.Options options(boolean topDown, int maxIterations,
      GreedyRewriteConfig.RegionSimplification level) {
    return new Canonicalizer.Options(topDown, level, maxIterations, GreedyRewriteConfig.NO_LIMIT, false, List.of(),
        List.of());
  }

  @Test
  void canonicalizeMultiBlock() throws Exception {
    compare(cfgPrograms(5000), (ctx, m) -> new Canonicalizer(ctx).run(m), "--canonicalize");
  }

  @Test
  void canonicalizeMultiBlockAggressive() throws Exception {
    compare(cfgPrograms(6000), (ctx, m) -> new Canonicalizer(ctx,
        options(true, 10, GreedyRewriteConfig.RegionSimplification.AGGRESSIVE)).run(m),
        "--canonicalize=region-simplify=aggressive");
  }

  @Test
  void canonicalizeMultiBlockAggressiveBottomUp() throws Exception {
    compare(cfgPrograms(7000), (ctx, m) -> new Canonicalizer(ctx,
        options(false, 10, GreedyRewriteConfig.RegionSimplification.AGGRESSIVE)).run(m),
        "--canonicalize=region-simplify=aggressive top-down=false");
  }

  @Test
  void canonicalize() throws Exception {
    compare(1000, (ctx, m) -> new Canonicalizer(ctx).run(m), "--canonicalize");
  }

  @Test
  void canonicalizeBottomUpWithOneIteration() throws Exception {
    compare(2000, (ctx, m) -> new Canonicalizer(ctx, options(false, 1)).run(m),
        "--canonicalize=top-down=false max-iterations=1");
  }

  @Test
  void cse() throws Exception {
    compare(3000, (ctx, m) -> new Cse(ctx).run(m), "--cse");
  }

  @Test
  void canonicalizeThenCse() throws Exception {
    compare(4000, (ctx, m) -> {
      new Canonicalizer(ctx).run(m);
      new Cse(ctx).run(m);
    }, "--canonicalize", "--cse");
  }
}

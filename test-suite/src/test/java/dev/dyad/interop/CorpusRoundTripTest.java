package dev.dyad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.parse.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the interop corpus is mlir-opt-22's own output; Dyad must parse it and print it
 * back byte for byte (no MLIR tools needed to run this).
 */
class CorpusRoundTripTest {
  static final Path CORPUS = Path.of("src/test/resources/interop");

  static Stream<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList().stream();
    }
  }

  static String roundTrip(Path file, PrintOptions options) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Context ctx = new Context();
    ctx.setAllowUnregisteredDialects(true);
    Operation module = Parser.parse(ctx, text, file.getFileName().toString());
    if (module == null) {
      StringBuilder sb = new StringBuilder();
      for (Diagnostic d : ctx.diagnostics().diagnostics()) {
        ctx.sources().add(file.getFileName().toString(), text);
        sb.append(ctx.sources().render(d));
      }
      fail("parse failed:\n" + sb);
    }
    assertNotNull(module);
    return OperationPrinter.printTopLevel(module, options);
  }

  private static DynamicTest fixpoint(Path file, PrintOptions options) {
    return DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertEquals(expected, roundTrip(file, options));
    });
  }

  @TestFactory
  Stream<DynamicTest> genericCorpus() throws IOException {
    return files("generic", ".mlir").map(f -> fixpoint(f, PrintOptions.GENERIC));
  }

  @TestFactory
  Stream<DynamicTest> mlirSyntaxGenericOutputs() throws IOException {
    return files("mlir-syntax", ".generic.mlir").map(f -> fixpoint(f, PrintOptions.GENERIC));
  }

  @TestFactory
  Stream<DynamicTest> debugInfoOutputs() throws IOException {
    Stream<DynamicTest> full = files("debuginfo", ".out").filter(f -> !f.toString().endsWith(".local.out"))
        .map(f -> fixpoint(f, PrintOptions.GENERIC.withDebugInfo(true)));
    Stream<DynamicTest> local = files("debuginfo", ".local.out")
        .map(f -> fixpoint(f, PrintOptions.GENERIC.withDebugInfo(true).withLocalScope(true)));
    return Stream.concat(full, local);
  }

  static List<Path> all() throws IOException {
    return Stream.concat(files("generic", ".mlir"), files("mlir-syntax", ".generic.mlir")).toList();
  }
}

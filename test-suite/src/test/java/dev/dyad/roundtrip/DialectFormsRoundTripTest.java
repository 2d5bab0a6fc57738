package dev.dyad.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.ir.format.AssemblyFormat;
import dev.dyad.parse.Parser;
import dev.dyad.tools.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The custom (pretty) and generic forms of the nn, cim and meta ops read back to the same IR:
 * for every round-trip file of those dialects under lit/dialects (the generic {@code ops.cir}
 * and the custom {@code pretty.cir}), with and without locations. The files must hold an
 * instance of every registered op of these dialects, each of which must print in its custom
 * form.
 */
class DialectFormsRoundTripTest {
  private static final List<String> DIALECTS = List.of("nn", "cim", "meta");
  private static final Path LIT = Path.of("src/test/lit/dialects");

  /** The files that hold valid IR of the dialects (invalid*.cir test diagnostics). */
  private static List<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dialect : DIALECTS) {
      try (Stream<Path> s = Files.list(LIT.resolve(dialect))) {
        s.filter(p -> p.toString().endsWith(".cir") && !p.getFileName().toString().startsWith("invalid"))
            .sorted().forEach(files::add);
      }
    }
    return files;
  }

  private static String name(Path file) {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }

  @TestFactory
  Stream<DynamicTest> customAndGenericFormsReadBackToTheSameIr() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : corpus()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (boolean debugInfo : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest(name(file) + (debugInfo ? " with locations" : ""),
            () -> checkRoundTrips(name(file), text, debugInfo)));
      }
    }
    return tests.stream();
  }

  private static void checkRoundTrips(String name, String text, boolean debugInfo) {
    PrintOptions custom = PrintOptions.DEFAULT.withDebugInfo(debugInfo);
    PrintOptions generic = PrintOptions.GENERIC.withDebugInfo(debugInfo);
    Operation module = parse(name, text);
    module.walk(op -> assertTrue(!ofDialects(op.getNameString()) || printsCustom(op),
        () -> name + ": " + op.getNameString() + " prints generically: " + OperationPrinter.print(op, generic)));
    String pretty = OperationPrinter.printTopLevel(module, custom);
    String plain = OperationPrinter.printTopLevel(module, generic);

    // pretty -> IR -> pretty
    assertEquals(pretty, OperationPrinter.printTopLevel(parse(name, pretty), custom), name + ": custom form");
    // pretty -> IR -> generic -> IR -> pretty
    String genericOfPretty = OperationPrinter.printTopLevel(parse(name, pretty), generic);
    assertEquals(plain, genericOfPretty, name + ": generic form of the custom form");
    assertEquals(pretty, OperationPrinter.printTopLevel(parse(name, genericOfPretty), custom),
        name + ": custom form of the generic form");
    // generic -> IR -> pretty -> IR -> generic
    String prettyOfGeneric = OperationPrinter.printTopLevel(parse(name, plain), custom);
    assertEquals(plain, OperationPrinter.printTopLevel(parse(name, prettyOfGeneric), generic),
        name + ": generic form of the custom form of the generic form");
  }

  private static boolean printsCustom(Operation op) {
    AssemblyFormat format = AssemblyFormat.of(op);
    return format != null && format.canPrint(op);
  }

  private static boolean ofDialects(String opName) {
    return DIALECTS.contains(opName.substring(0, opName.indexOf('.')));
  }

  /** {@code text} parsed and verified with the dialects cim-opt registers. */
  private static Operation parse(String name, String text) {
    Context ctx = Dialects.newContext();
    Operation module = Parser.parse(ctx, text, name);
    if (module == null || !Verifier.verify(ctx, module)) {
      StringBuilder sb = new StringBuilder();
      ctx.sources().add(name, text);
      for (Diagnostic d : ctx.diagnostics().takeAll()) {
        sb.append(ctx.sources().render(d));
      }
      throw new AssertionError("Dyad rejects " + name + ":\n" + sb + "---- text ----\n" + text);
    }
    return module;
  }

  @Test
  void everyOpOfTheDialectsHasACustomFormAndAnInstanceInTheFiles() throws IOException {
    Set<String> seen = new TreeSet<>();
    for (Path file : corpus()) {
      parse(name(file), Files.readString(file, StandardCharsets.UTF_8)).walk(op -> seen.add(op.getNameString()));
    }
    Set<String> missing = new TreeSet<>();
    Set<String> withoutForm = new TreeSet<>();
    int ops = 0;
    for (OpDef def : Dialects.newContext().getRegisteredOps()) {
      if (!ofDialects(def.name())) {
        continue;
      }
      ops++;
      if (!seen.contains(def.name())) {
        missing.add(def.name());
      }
      if (def.assemblyFormat() == null) {
        withoutForm.add(def.name());
      }
    }
    assertTrue(ops > 0, "no op of " + DIALECTS + " is registered");
    assertEquals(Set.of(), missing, "ops without an instance in " + LIT + "/{nn,cim,meta}/*.cir");
    assertEquals(Set.of(), withoutForm, "ops without a custom form (assembly format)");
  }
}

package dev.dyad.tools;

import dev.dyad.arch.ArchException;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.pass.PassManager;
import dev.dyad.pass.PassRegistry;
import dev.dyad.pass.PipelineException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cim-compile}: compiles a program (nn, or cim) for a chip with one of the allocators and
 * prints the meta program, i.e. runs the named pipeline {@code cim-mlc} or {@code naive}.
 */
@Command(
    name = "cim-compile",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = "Compiles a .cir program to a meta program for a CIM chip and prints it.")
public final class CimCompile implements Callable<Integer> {
  static final List<String> ALLOCATORS = List.of("cim-mlc", "naive");

  @Parameters(index = "0", paramLabel = "FILE", description = "The .cir program (nn, or cim).")
  Path file;

  @Option(names = "--arch", paramLabel = "NAME|FILE",
      description = "The chip: a preset or a JSON file (default: the module's cim.arch).")
  String arch;

  @Option(names = "--alloc", paramLabel = "ALLOCATOR", description = "cim-mlc (default) or naive.")
  String alloc = "cim-mlc";

  @Option(names = "-o", paramLabel = "OUT.cir", description = "Write the meta program here (default: standard output).")
  Path output;

  @Option(names = {"--print-op-generic", "--mlir-print-op-generic"},
      description = "Print every operation in the generic form (by default, ops with an assembly format print "
          + "their custom form).")
  boolean printOpGeneric;

  private PrintStream out;
  private PrintStream err;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the given streams; never calls System.exit. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CimCompile tool = new CimCompile();
    tool.out = out;
    tool.err = err;
    CommandLine cl = new CommandLine(tool);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, badArgs) -> {
      err.println("cim-compile: error: " + ex.getMessage());
      err.println("Try 'cim-compile --help' for more information.");
      return 1;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      err.println("cim-compile: internal error: " + ex);
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    if (!ALLOCATORS.contains(alloc)) {
      return fail("unknown allocator '" + alloc + "' (expected " + String.join(" or ", ALLOCATORS) + ")");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return fail("cannot open '" + file + "': no such file or directory");
    } catch (IOException e) {
      return fail("cannot read '" + file + "': " + e.getMessage());
    }
    Context ctx = Dialects.newContext();
    String name = file.toString();
    ctx.sources().add(name, text);
    Operation module = Parser.parse(ctx, text, name);
    if (module == null || !new Verifier(ctx).run(module)) {
      return report(ctx);
    }
    if (arch != null) {
      try {
        module.setAttr(ArchAttr.MODULE_ATTRIBUTE, new ArchAttr(HardwareDescriptions.resolve(arch)));
      } catch (ArchException e) {
        e.messages().forEach(m -> err.println("cim-compile: error: " + m));
        return 1;
      }
    }
    if (!(module.getAttr(ArchAttr.MODULE_ATTRIBUTE) instanceof ArchAttr)) {
      return fail("no hardware description: give --arch NAME|FILE (presets: "
          + String.join(", ", HardwareDescriptions.presetNames()) + ") or compile a module with a cim.arch attribute");
    }
    PassManager pm;
    try {
      pm = PassManager.parse(ctx, "builtin.module(" + alloc + ")", PassRegistry.installed());
    } catch (PipelineException e) {
      return fail("the " + alloc + " pipeline is not available: " + e.getMessage());
    }
    pm.enableVerifier(true).printOpOnDiagnostic(false);
    if (!pm.run(module)) {
      report(ctx);
      return 1;
    }
    report(ctx); // warnings and remarks
    PrintOptions options = printOpGeneric ? PrintOptions.GENERIC : PrintOptions.DEFAULT;
    if (output == null) {
      Writer w = AtomicOutput.bufferedStdout(out);
      OperationPrinter.printTopLevel(module, options, w);
      w.flush();
      return 0;
    }
    try (AtomicOutput o = AtomicOutput.begin(output)) {
      OperationPrinter.printTopLevel(module, options, o.writer());
      o.commit();
    } catch (IOException e) {
      return fail("cannot write '" + output + "': " + e.getMessage());
    }
    return 0;
  }

  private int report(Context ctx) {
    for (Diagnostic d : ctx.diagnostics().takeAll()) {
      err.print(ctx.sources().render(d));
    }
    return 1;
  }

  private int fail(String message) {
    err.println("cim-compile: error: " + message);
    return 1;
  }
}

package dev.dyad.tools;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cim-opt}: reads a {@code .cir} file, verifies it and prints it (later: runs passes), with
 * mlir-opt's conventions for splitting, diagnostics checking and output. Usable in-process through
 * {@link #run}, which never calls {@code System.exit}.
 */
@Command(
    name = "cim-opt",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = "Parses, verifies and prints Dyad IR (.cir, MLIR generic syntax).")
public final class CimOpt implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input file; '-' or absent reads standard input.")
  String input;

  @Option(names = "-o", paramLabel = "FILE", description = "Output file, written only if everything succeeds (default: standard output).")
  Path output;

  @Option(names = "--split-input-file", description = "Split the input at '// -----' lines and process each chunk on its own.")
  boolean splitInputFile;

  @Option(names = "--verify-diagnostics", description = "Check diagnostics against expected-error/warning/remark/note annotations in the input.")
  boolean verifyDiagnostics;

  @Option(names = "--allow-unregistered-dialect", description = "Accept operations of dialects that are not registered.")
  boolean allowUnregisteredDialect;

  @Option(names = {"--print-op-generic", "--mlir-print-op-generic"}, description = "Print operations in the generic form.")
  boolean printOpGeneric;

  @Option(names = {"--print-debuginfo", "--mlir-print-debuginfo"}, description = "Print locations.")
  boolean printDebugInfo;

  @Option(names = {"--print-local-scope", "--mlir-print-local-scope"}, description = "Print without alias definitions (inline every attribute and location).")
  boolean printLocalScope;

  private InputStream stdin = System.in;
  private PrintStream stdout = System.out;
  private PrintStream stderr = System.err;

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * The stack of the thread that does the work. Parsing, verification and printing recurse once
   * per nesting level (region in op in block in region..., array in array, type in type), and
   * real-world IR (and fuzzers) nest deeply: 16 MiB is enough for 10,000 levels, this for a few
   * hundred thousand. Only the pages actually used are committed.
   */
  static final long WORKER_STACK_BYTES = 512L << 20;
  /** A system property that overrides {@link #WORKER_STACK_BYTES} (bytes). */
  public static final String WORKER_STACK_PROPERTY = "dyad.cim-opt.stack-bytes";

  /**
   * Runs the tool with the given streams; returns the exit code (0 success, 1 failure). The work
   * runs on a thread of its own with a {@link #WORKER_STACK_BYTES} stack, whatever the caller's
   * stack size.
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    int[] exitCode = {1};
    long stack = Long.getLong(WORKER_STACK_PROPERTY, WORKER_STACK_BYTES);
    Thread worker = new Thread(null, () -> exitCode[0] = runHere(args, in, out, err), "cim-opt", stack);
    worker.setUncaughtExceptionHandler((t, e) -> {
      // Only an Error that picocli does not handle gets here; report it like the others.
      err.println("cim-opt: internal error: " + e);
      err.flush();
    });
    worker.start();
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        // Pass the interruption on to the work and wait for it to wind down.
        interrupted = true;
        worker.interrupt();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return exitCode[0];
  }

  private static int runHere(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CimOpt tool = new CimOpt();
    tool.stdin = in;
    tool.stdout = out;
    tool.stderr = err;
    CommandLine cl = new CommandLine(tool);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, badArgs) -> {
      err.println("cim-opt: error: " + ex.getMessage());
      err.println("Try 'cim-opt --help' for more information.");
      return 1;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      // An internal error: report it plainly; user errors never get here.
      err.println("cim-opt: internal error: " + ex);
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    String fileName = input == null || input.equals("-") ? "<stdin>" : input;
    String text;
    try {
      text = readInput();
    } catch (NoSuchFileException e) {
      stderr.println("cim-opt: error: could not open input file '" + fileName + "': no such file");
      return 1;
    } catch (IOException e) {
      stderr.println("cim-opt: error: could not read input file '" + fileName + "': " + e.getMessage());
      return 1;
    }
    List<SplitInput.Chunk> chunks = splitInputFile
        ? SplitInput.split(text)
        : List.of(new SplitInput.Chunk(text, 1, 1, true));
    boolean ok = true;
    List<String> outputs = new ArrayList<>();
    for (SplitInput.Chunk chunk : chunks) {
      ChunkResult r = processChunk(fileName, text, chunk);
      ok &= r.ok();
      outputs.add(r.output());
    }
    String result = String.join(SplitInput.OUTPUT_SEPARATOR, outputs);
    if (output == null) {
      stdout.print(result);
      stdout.flush();
      return ok ? 0 : 1;
    }
    if (!ok) {
      return 1;
    }
    try {
      AtomicOutput.write(output, result);
    } catch (IOException e) {
      stderr.println("cim-opt: error: could not write output file '" + output + "': " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private String readInput() throws IOException {
    byte[] bytes = input == null || input.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(input));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private record ChunkResult(boolean ok, String output) {}

  private ChunkResult processChunk(String fileName, String fullText, SplitInput.Chunk chunk) {
    Context ctx = Dialects.newContext();
    ctx.setAllowUnregisteredDialects(allowUnregisteredDialect);
    ctx.sources().add(fileName, fullText);
    Location.FileLineCol start = chunk.first()
        ? new Location.FileLineCol(fileName, 0, 0)
        : new Location.FileLineCol(fileName, chunk.startLine(), chunk.startColumn());
    String out = "";
    Operation module = null;
    List<Diagnostic> diags;
    try {
      module = Parser.parse(ctx, chunk.paddedText(), fileName, start);
      // Under --verify-diagnostics mlir-opt does not attach the failing op to verifier errors.
      if (module != null && new Verifier(ctx).printOpOnDiagnostic(!verifyDiagnostics).run(module)) {
        out = OperationPrinter.printTopLevel(module, new PrintOptions(true, printDebugInfo, printLocalScope));
      }
      diags = ctx.diagnostics().takeAll();
    } catch (StackOverflowError tooDeep) {
      // Even the worker's large stack was not enough. Whatever was half done is dropped; the
      // error points at the deepest bracket of the chunk, where the nesting got too deep.
      Nesting.Position p = Nesting.deepestPoint(chunk.paddedText());
      module = null;
      out = "";
      diags = List.of(Diagnostic.error(new Location.FileLineCol(fileName, p.line(), p.column()), "nesting too deep"));
    }
    if (verifyDiagnostics) {
      DiagnosticVerifier verifier = new DiagnosticVerifier(fileName, ctx.sources(), chunk.text(), chunk.startLine());
      verifier.handleAll(diags);
      String errors = verifier.finish();
      stderr.print(errors);
      boolean hadErrors = diags.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
      return new ChunkResult(errors.isEmpty(), hadErrors ? "" : out);
    }
    boolean failed = false;
    for (Diagnostic d : diags) {
      stderr.print(ctx.sources().render(d));
      failed |= d.severity() == Diagnostic.Severity.ERROR;
    }
    return new ChunkResult(!failed && module != null, failed ? "" : out);
  }
}

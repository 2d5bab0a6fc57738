package dev.dyad.tools;

import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.SourceManager;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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

  /** Runs the tool with the given streams; returns the exit code (0 success, 1 failure). */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
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
    } catch (IOException e) {
      stderr.println("cim-opt: error: could not open input file '" + fileName + "': " + reason(e));
      return 1;
    }
    List<SplitInput.Chunk> chunks = List.of(new SplitInput.Chunk(text, 1, 1, true));
    if (splitInputFile) {
      SplitInput.Result split = SplitInput.splitWithWarnings(text);
      chunks = split.chunks();
      warnNearMisses(fileName, text, split.nearMisses());
    }
    // Like mlir-opt, one verifier checks the whole file: annotation errors come first, then
    // unexpected diagnostics as the chunks produce them, then the unmet expectations.
    DiagnosticVerifier verifier = null;
    if (verifyDiagnostics) {
      SourceManager sources = new SourceManager();
      sources.add(fileName, text);
      verifier = new DiagnosticVerifier(fileName, sources, text, 1);
      stderr.print(verifier.takeErrors());
    }
    boolean ok = true;
    List<String> outputs = new ArrayList<>();
    for (SplitInput.Chunk chunk : chunks) {
      ChunkResult r = processChunk(fileName, text, chunk, verifier);
      ok &= r.ok();
      outputs.add(r.output());
    }
    if (verifier != null) {
      String unmet = verifier.finish();
      stderr.print(unmet);
      ok = verifier.succeeded();
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
      stderr.println("cim-opt: error: could not write output file '" + output + "': " + reason(e));
      return 1;
    }
    return 0;
  }

  /** mlir-opt's warnings about text that looks like a split marker but is not one. */
  private void warnNearMisses(String fileName, String text, List<SplitInput.NearMiss> nearMisses) {
    SourceManager sources = new SourceManager();
    sources.add(fileName, text);
    for (SplitInput.NearMiss m : nearMisses) {
      Location loc = new Location.FileLineCol(fileName, m.line(), m.column());
      stderr.print(sources.render(new Diagnostic(Diagnostic.Severity.WARNING, loc, "near miss with file split marker")));
    }
  }

  /** Why a file could not be read or written; NIO's messages are just the path. */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage();
  }

  private String readInput() throws IOException {
    byte[] bytes = input == null || input.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(input));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private record ChunkResult(boolean ok, String output) {}

  private ChunkResult processChunk(String fileName, String fullText, SplitInput.Chunk chunk, DiagnosticVerifier verifier) {
    Context ctx = Dialects.newContext();
    ctx.setAllowUnregisteredDialects(allowUnregisteredDialect);
    ctx.sources().add(fileName, fullText);
    Location.FileLineCol start = chunk.first()
        ? new Location.FileLineCol(fileName, 0, 0)
        : new Location.FileLineCol(fileName, chunk.startLine(), chunk.startColumn());
    String out = "";
    Operation module = Parser.parse(ctx, chunk.paddedText(), fileName, start);
    // Under --verify-diagnostics mlir-opt does not attach the failing op to verifier errors.
    if (module != null && new Verifier(ctx).printOpOnDiagnostic(!verifyDiagnostics).run(module)) {
      out = OperationPrinter.printTopLevel(module, new PrintOptions(true, printDebugInfo, printLocalScope));
    }
    List<Diagnostic> diags = ctx.diagnostics().takeAll();
    if (verifier != null) {
      verifier.handleAll(diags);
      stderr.print(verifier.takeErrors());
      boolean hadErrors = diags.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
      return new ChunkResult(true, hadErrors ? "" : out);
    }
    boolean failed = false;
    for (Diagnostic d : diags) {
      stderr.print(ctx.sources().render(d));
      failed |= d.severity() == Diagnostic.Severity.ERROR;
    }
    return new ChunkResult(!failed && module != null, failed ? "" : out);
  }
}

package dev.dyad.tools;

import dev.dyad.arch.ArchException;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.SourceManager;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.pass.PassManager;
import dev.dyad.pass.PassRegistry;
import dev.dyad.pass.PipelineException;
import dev.dyad.pass.PipelineParser;
import dev.dyad.pass.ReproducerFile;
import dev.dyad.pass.TimingManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cim-opt}: reads a {@code .cir} file, verifies it, runs a pass pipeline on it and prints
 * it, with mlir-opt's conventions for splitting, diagnostics checking, pass-manager flags and
 * output. Usable in-process through {@link #run}, which never calls {@code System.exit}.
 */
@Command(
    name = "cim-opt",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = "Parses, verifies, transforms and prints Dyad IR (.cir, MLIR generic syntax).")
public final class CimOpt implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input file; '-' or absent reads standard input.")
  String input;

  @Option(names = "-o", paramLabel = "FILE", description = "Output file, written only if everything succeeds (default: standard output).")
  Path output;

  @Option(names = "--split-input-file", description = "Split the input at '// -----' lines and process each chunk on its own.")
  boolean splitInputFile;

  @Option(names = "--verify-diagnostics", description = "Check diagnostics against expected-error/warning/remark/note annotations in the input.")
  boolean verifyDiagnostics;

  @Option(names = "--list-ops", description = "List every registered operation with its operands, results, properties, attributes, regions and traits, and exit.")
  boolean listOps;

  @Option(names = "--allow-unregistered-dialect", description = "Accept operations of dialects that are not registered.")
  boolean allowUnregisteredDialect;

  @Option(names = {"--print-op-generic", "--mlir-print-op-generic"},
      description = "Print every operation in the generic form (by default, ops with an assembly format print "
          + "their custom form).")
  boolean printOpGeneric;

  @Option(names = {"--print-debuginfo", "--mlir-print-debuginfo"}, description = "Print locations.")
  boolean printDebugInfo;

  @Option(names = {"--print-local-scope", "--mlir-print-local-scope"}, description = "Print without alias definitions (inline every attribute and location).")
  boolean printLocalScope;

  @Option(names = "--arch", paramLabel = "NAME|FILE",
      description = "Attach a hardware description (a preset or a JSON file) to the top-level module as 'cim.arch'.")
  String arch;

  @Option(names = "--list-archs", description = "List the hardware presets and exit.")
  boolean listArchs;

  @Mixin
  PassFlags passFlags = new PassFlags();

  /** The description --arch names, attached to every chunk's module; null without --arch. */
  private ArchAttr archAttr;

  /** The pipeline to run on each chunk (from -p or the reproducer), or null. */
  private String pipelineText;
  private PassRegistry registry;
  private TimingManager timing;

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
      if (System.getenv("DYAD_TRACE") != null) {
        ex.printStackTrace(err);
      }
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    registry = PassRegistry.installed();
    if (passFlags.listPasses) {
      stdout.print(PassListing.render(registry));
      stdout.flush();
      return 0;
    }
    if (listOps) {
      stdout.print(OpListing.render(Dialects.newContext()));
      stdout.flush();
      return 0;
    }
    if (listArchs) {
      try {
        stdout.print(ArchListing.render());
        stdout.flush();
        return 0;
      } catch (ArchException e) {
        return reportArchErrors(e);
      }
    }
    if (arch != null) {
      try {
        archAttr = new ArchAttr(HardwareDescriptions.resolve(arch));
      } catch (ArchException e) {
        return reportArchErrors(e);
      }
    }
    String nameError = passFlags.checkPassNames(registry);
    if (nameError != null) {
      stderr.println("cim-opt: error: " + nameError);
      return 1;
    }
    timing = passFlags.timing ? new TimingManager() : null;
    int code = readAndProcess();
    if (timing != null) {
      stderr.print(timing.report());
      stderr.flush();
    }
    return code;
  }

  private int reportArchErrors(ArchException e) {
    for (String message : e.messages()) {
      stderr.println("cim-opt: error: " + message);
    }
    return 1;
  }

  private int readAndProcess() {
    String fileName = input == null || input.equals("-") ? "<stdin>" : input;
    String text;
    try {
      text = readInput();
    } catch (IOException e) {
      stderr.println("cim-opt: error: could not open input file '" + fileName + "': " + reason(e));
      return 1;
    }
    pipelineText = passFlags.pipeline;
    if (passFlags.runReproducer) {
      text = applyReproducer(fileName, text);
      if (text == null) {
        return 1;
      }
    }
    if (pipelineText != null) {
      try {
        PipelineParser.parse(pipelineText, registry);
      } catch (PipelineException e) {
        stderr.print(e.render(pipelineText));
        return 1;
      }
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
    if (output == null) {
      Writer w = AtomicOutput.bufferedStdout(stdout);
      boolean ok = processAll(fileName, text, chunks, w, verifier);
      return flush(w) && ok ? 0 : 1;
    }
    try (AtomicOutput out = AtomicOutput.begin(output)) {
      if (!processAll(fileName, text, chunks, out.writer(), verifier)) {
        return 1;
      }
      out.commit();
      return 0;
    } catch (IOException | UncheckedIOException e) {
      IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      stderr.println("cim-opt: error: could not write output file '" + output + "': " + reason(io));
      return 1;
    }
  }

  /**
   * Takes the pipeline and settings from the reproducer trailer of {@code text}; returns the IR
   * text, or null after reporting an error.
   */
  private String applyReproducer(String fileName, String text) {
    if (pipelineText != null) {
      stderr.println("cim-opt: error: --run-reproducer takes the pipeline from the file; do not pass --pass-pipeline");
      return null;
    }
    ReproducerFile repro;
    try {
      repro = ReproducerFile.parse(text);
    } catch (ReproducerFile.InvalidException e) {
      stderr.println("cim-opt: error: " + fileName + ": " + e.getMessage());
      return null;
    }
    pipelineText = repro.pipeline();
    if (repro.verifyEach() != null) {
      passFlags.verifyEach = repro.verifyEach();
    }
    return repro.ir();
  }

  private boolean flush(Writer w) {
    try {
      w.flush();
      return true;
    } catch (IOException e) {
      stderr.println("cim-opt: error: could not write the output: " + e.getMessage());
      return false;
    }
  }

  /** Runs {@code work} in the timer {@code name} when timing; rows of one name add up. */
  private <T> T timed(String name, Supplier<T> work) {
    if (timing == null) {
      return work.get();
    }
    timing.push(name, name);
    try {
      return work.get();
    } finally {
      timing.pop();
    }
  }

  /**
   * Processes every chunk, streaming outputs separated like mlir-opt's; false if any failed (or,
   * under --verify-diagnostics, if the diagnostics did not match the annotations).
   */
  private boolean processAll(String fileName, String text, List<SplitInput.Chunk> chunks, Writer w,
      DiagnosticVerifier verifier) {
    boolean ok = true;
    for (int i = 0; i < chunks.size(); i++) {
      if (i > 0) {
        write(w, SplitInput.OUTPUT_SEPARATOR);
      }
      ok &= processChunk(fileName, text, chunks.get(i), w, verifier);
    }
    if (verifier == null) {
      return ok;
    }
    stderr.print(verifier.finish());
    return verifier.succeeded();
  }

  private static void write(Writer w, String s) {
    try {
      w.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /**
   * Parses, verifies and (if all went well) prints one chunk to {@code w}; false on failure.
   * Under --verify-diagnostics the diagnostics go to {@code verifier} instead of stderr.
   */
  private boolean processChunk(String fileName, String fullText, SplitInput.Chunk chunk, Writer w,
      DiagnosticVerifier verifier) {
    Context ctx = Dialects.newContext();
    ctx.setAllowUnregisteredDialects(allowUnregisteredDialect);
    ctx.sources().add(fileName, fullText);
    Location.FileLineCol start = chunk.first()
        ? new Location.FileLineCol(fileName, 0, 0)
        : new Location.FileLineCol(fileName, chunk.startLine(), chunk.startColumn());
    PrintOptions printOptions = new PrintOptions(printOpGeneric, printDebugInfo, printLocalScope);
    boolean valid;
    List<Diagnostic> diags;
    try {
      Operation module = timed("Parser", () -> Parser.parse(ctx, chunk.paddedText(), fileName, start));
      if (module != null && archAttr != null) {
        module.setAttr(ArchAttr.MODULE_ATTRIBUTE, archAttr);
      }
      // Under --verify-diagnostics mlir-opt does not attach the failing op to verifier errors.
      valid = module != null
          && timed("Parser", () -> new Verifier(ctx).printOpOnDiagnostic(!verifyDiagnostics).run(module));
      if (valid && passFlags.runsPasses(pipelineText)) {
        PassManager pm = passFlags.passManager(ctx, pipelineText, registry, verifyDiagnostics, printOptions, timing, stderr);
        valid = passFlags.run(pm, module, stderr);
      }
      diags = ctx.diagnostics().takeAll();
      boolean failed = diags.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
      if (valid && !failed) {
        timed("Output", () -> {
          try {
            OperationPrinter.printTopLevel(module, printOptions, w);
            return null;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    } catch (StackOverflowError tooDeep) {
      // Even the worker's large stack was not enough. Whatever was half done is dropped; the
      // error points at the deepest bracket of the chunk, where the nesting got too deep.
      Nesting.Position p = Nesting.deepestPoint(chunk.paddedText());
      valid = false;
      diags = List.of(Diagnostic.error(new Location.FileLineCol(fileName, p.line(), p.column()), "nesting too deep"));
    }
    boolean hadErrors = diags.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    if (verifier != null) {
      verifier.handleAll(diags);
      stderr.print(verifier.takeErrors());
      return true;
    }
    for (Diagnostic d : diags) {
      stderr.print(ctx.sources().render(d));
    }
    return valid && !hadErrors;
  }
}

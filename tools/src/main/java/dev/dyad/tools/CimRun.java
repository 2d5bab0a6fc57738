package dev.dyad.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dyad.arch.ArchException;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Verifier;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.parse.Parser;
import dev.dyad.pass.PassManager;
import dev.dyad.pass.PassRegistry;
import dev.dyad.pass.PipelineException;
import dev.dyad.runtime.cim.CimException;
import dev.dyad.runtime.cim.CimInterpreter;
import dev.dyad.runtime.cim.CimResult;
import dev.dyad.runtime.cim.PerformanceReport;
import dev.dyad.runtime.cim.TraceWriter;
import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.reference.InterpreterException;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.reference.Tensors;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Npy;
import dev.dyad.runtime.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cim-run}: executes a program. A {@code meta} program runs on the CIM interpreter (values
 * and the performance report, optionally a trace; {@code --timing-only} skips the values); with
 * {@code --reference} an {@code nn} program runs on the reference interpreter (the golden
 * semantics). Inputs are {@code .npy} files or seeded random tensors, outputs are summarised and
 * optionally written as {@code .npy}.
 */
@Command(
    name = "cim-run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = "Runs a Dyad program: a meta program on the CIM interpreter (values and timing), or an nn program"
        + " on the reference interpreter (--reference).")
public final class CimRun implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The .cir program.")
  Path file;

  @Option(names = "--reference", description = "Run the nn program on the reference interpreter.")
  boolean reference;

  @Option(names = "--arch", paramLabel = "NAME|FILE",
      description = "The chip to run on: a preset or a JSON file (default: the module's cim.arch).")
  String arch;

  @Option(names = "--alloc", paramLabel = "cim-mlc|naive",
      description = "For an nn program: the allocator of the lowering pipeline (default: cim-default, i.e. cim-mlc).")
  String alloc;

  @Option(names = "--timing-only",
      description = "Time the program without computing any value (no weights or activations are materialised).")
  boolean timingOnly;

  @Option(names = "--json", description = "Print the outputs' summaries and the performance report as JSON.")
  boolean json;

  @Option(names = "--trace", paramLabel = "T.json", description = "Write a Chrome/Perfetto trace of the run.")
  Path trace;

  @Option(names = "--entry", paramLabel = "NAME", description = "The function to run (default: main, else the first).")
  String entry;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE.npy",
      description = "An input tensor, one per function argument in order (default: seeded random inputs).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the random inputs (default: 1).")
  long seed = 1;

  @Option(names = "--weights-dir", paramLabel = "DIR",
      description = "Where #nn.weights files are found (default: the program's directory).")
  Path weightsDir;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Write each output as DIR/output_N.npy.")
  Path outputDir;

  private PrintStream out;
  private PrintStream err;
  /** Where the lowering pipeline is looked up (only for programs without meta ops). */
  private Supplier<PassRegistry> registry;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the given streams; never calls System.exit. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, PassRegistry::installed);
  }

  /** As {@link #run(String[], PrintStream, PrintStream)}, with the passes {@code registry} gives (for tests). */
  static int run(String[] args, PrintStream out, PrintStream err, Supplier<PassRegistry> registry) {
    CimRun tool = new CimRun();
    tool.out = out;
    tool.err = err;
    tool.registry = registry;
    CommandLine cl = new CommandLine(tool);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, badArgs) -> {
      err.println("cim-run: error: " + ex.getMessage());
      err.println("Try 'cim-run --help' for more information.");
      return 1;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      err.println("cim-run: internal error: " + ex);
      return 1;
    });
    return cl.execute(args);
  }

  /** The pipeline that lowers an nn program to meta, when a build registers one. */
  static final String LOWERING_PIPELINE = "cim-default";

  @Override
  public Integer call() {
    if (reference && (arch != null || timingOnly || json || trace != null)) {
      return fail("--arch, --timing-only, --json and --trace are options of the CIM interpreter, not of --reference");
    }
    if (timingOnly && (!inputs.isEmpty() || outputDir != null)) {
      return fail("--timing-only computes no values: it takes no -i inputs and writes no -o outputs");
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
      for (Diagnostic d : ctx.diagnostics().takeAll()) {
        err.print(ctx.sources().render(d));
      }
      return 1;
    }
    Operation func = entryFunction(module);
    if (func == null) {
      return fail(entry == null ? "'" + file + "' has no function to run"
          : "'" + file + "' has no function named '" + entry + "'");
    }
    if (!reference) {
      return runCim(ctx, module, func);
    }
    List<Tensor> args;
    try {
      args = arguments(func);
    } catch (IOException e) {
      return fail(e.getMessage());
    }
    if (args == null) {
      return 1;
    }
    Path dir = weightsDir != null ? weightsDir : file.toAbsolutePath().getParent();
    List<Tensor> results;
    try {
      results = new NnInterpreter(dir).run(func, args);
    } catch (InterpreterException e) {
      Location loc = e.location();
      Diagnostic d = Diagnostic.error(loc != null ? loc : func.getLoc(), e.getMessage());
      err.print(ctx.sources().render(d));
      return 1;
    }
    for (int i = 0; i < results.size(); i++) {
      out.println("output #" + i + ": " + summary(results.get(i)));
    }
    return writeOutputs(results);
  }

  /** Runs a meta program (lowering an nn program first when a pipeline is registered) on the CIM interpreter. */
  private int runCim(Context ctx, Operation module, Operation func) {
    PassRegistry passes = null;
    if (!CimInterpreter.isMetaProgram(func)) {
      passes = registry.get();
      if (!passes.contains(LOWERING_PIPELINE)) {
        return fail("'" + file + "' holds no meta ops: the CIM interpreter runs meta programs, which the lowering"
            + " pipeline (nn-to-cim, cim-to-meta) makes from nn programs, and this build registers no '"
            + LOWERING_PIPELINE + "' pipeline; run an nn program on the reference interpreter with --reference");
      }
    }
    HardwareDescription chip;
    try {
      chip = arch != null ? HardwareDescriptions.resolve(arch) : CimInterpreter.archOf(module);
    } catch (ArchException e) {
      for (String message : e.messages()) {
        err.println("cim-run: error: " + message);
      }
      return 1;
    }
    if (chip == null) {
      return fail("'" + file + "' records no hardware description (no cim.arch attribute): give --arch NAME|FILE");
    }
    if (passes != null) {
      func = lower(ctx, module, chip, passes);
      if (func == null) {
        return 1;
      }
    }
    List<Tensor> args = List.of();
    if (!timingOnly) {
      try {
        args = arguments(func);
      } catch (IOException e) {
        return fail(e.getMessage());
      }
      if (args == null) {
        return 1;
      }
    }
    Path dir = weightsDir != null ? weightsDir : file.toAbsolutePath().getParent();
    CimResult result;
    try {
      result = new CimInterpreter(chip, dir, timingOnly).run(func, args);
    } catch (CimException e) {
      Location loc = e.location();
      err.print(ctx.sources().render(Diagnostic.error(loc != null ? loc : func.getLoc(), e.getMessage())));
      return 1;
    }
    PerformanceReport report = result.report();
    if (json) {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.put("timing_only", timingOnly);
      com.fasterxml.jackson.databind.node.ArrayNode outs = root.putArray("outputs");
      for (Tensor t : result.outputs()) {
        outs.add(summary(t));
      }
      root.set("performance", report.json());
      try {
        out.print(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        out.println();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree always serialises", e);
      }
    } else {
      if (timingOnly) {
        out.println("timing only: no values computed");
      }
      for (int i = 0; i < result.outputs().size(); i++) {
        out.println("output #" + i + ": " + summary(result.outputs().get(i)));
      }
      out.print(report.text());
    }
    out.flush();
    if (trace != null) {
      try (AtomicOutput t = AtomicOutput.begin(trace)) {
        TraceWriter.write(result.schedule(), t.writer());
        t.commit();
      } catch (IOException e) {
        return fail("cannot write the trace to '" + trace + "': " + e.getMessage());
      }
    }
    return timingOnly ? 0 : writeOutputs(result.outputs());
  }

  /**
   * Lowers an nn program with the registered lowering pipeline (on the chip, attached as
   * {@code cim.arch}) and returns the entry function again; null after reporting a failure.
   */
  /** The lowering pipeline: the one --alloc names, else cim-default. */
  private String pipeline() {
    return alloc == null ? LOWERING_PIPELINE : alloc;
  }

  private Operation lower(Context ctx, Operation module, HardwareDescription chip, PassRegistry registry) {
    module.setAttr(ArchAttr.MODULE_ATTRIBUTE, new ArchAttr(chip));
    try {
      PassManager pm = PassManager.parse(ctx, "builtin.module(" + pipeline() + ")", registry);
      if (!pm.run(module)) {
        for (Diagnostic d : ctx.diagnostics().takeAll()) {
          err.print(ctx.sources().render(d));
        }
        fail("lowering '" + file + "' with '" + pipeline() + "' failed");
        return null;
      }
    } catch (PipelineException e) {
      fail("cannot build the '" + pipeline() + "' pipeline: " + e.getMessage());
      return null;
    }
    Operation func = entryFunction(module);
    if (func == null || !CimInterpreter.isMetaProgram(func)) {
      fail("the '" + pipeline() + "' pipeline left no meta program in '" + file + "'");
      return null;
    }
    return func;
  }

  private Operation entryFunction(Operation module) {
    Operation first = null;
    for (Operation op : module.getRegion(0).front().getOperations()) {
      if (!op.getNameString().equals("func.func")) {
        continue;
      }
      String sym = op.getProperty("sym_name") instanceof dev.dyad.ir.attr.StringAttr s ? s.text() : "";
      if (entry != null ? sym.equals(entry) : sym.equals("main")) {
        return op;
      }
      if (first == null) {
        first = op;
      }
    }
    return entry == null ? first : null;
  }

  /** The given .npy inputs (checked against the signature), or seeded random ones; null on error. */
  private List<Tensor> arguments(Operation func) throws IOException {
    FunctionType type = (FunctionType) ((dev.dyad.ir.attr.TypeAttr) func.getProperty("function_type")).type();
    List<Type> params = type.inputs();
    if (!inputs.isEmpty() && inputs.size() != params.size()) {
      fail("the function takes " + params.size() + " inputs, " + inputs.size() + " given");
      return null;
    }
    List<Tensor> args = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      if (!(params.get(i) instanceof RankedTensorType t) || Tensors.dtype(t.elementType()) == null) {
        fail("input #" + i + " has type " + AsmPrinter.toString(params.get(i)) + ", which cim-run cannot supply");
        return null;
      }
      DType dtype = Tensors.dtype(t.elementType());
      int[] shape = Tensors.shape(t);
      if (inputs.isEmpty()) {
        args.add(RandomInit.uniform(dtype, shape, seed + i));
        continue;
      }
      Tensor given;
      try {
        given = Npy.read(inputs.get(i));
      } catch (NoSuchFileException e) {
        throw new IOException("cannot open '" + inputs.get(i) + "': no such file or directory");
      } catch (IOException e) {
        throw new IOException("cannot read '" + inputs.get(i) + "': " + e.getMessage());
      }
      if (given.dtype() != dtype || !Arrays.equals(given.shape(), shape)) {
        fail("input #" + i + " ('" + inputs.get(i) + "') is " + given.dtype() + Arrays.toString(given.shape()).replace(" ", "")
            + " but the function expects " + AsmPrinter.toString(t));
        return null;
      }
      args.add(given);
    }
    return args;
  }

  /** Shape, element type, range, mean and a CRC-32 of the raw data (for bit-exact comparisons). */
  static String summary(Tensor t) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    CRC32 crc = new CRC32();
    for (int i = 0; i < t.size(); i++) {
      double v = t.getAsDouble(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      long bits = t.dtype() == DType.F32 ? Float.floatToRawIntBits(t.floatAt(i)) : t.getAsLong(i);
      for (int b = 0; b < t.dtype().byteSize(); b++) {
        crc.update((int) (bits >>> (8 * b)) & 0xff);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(t.dtype()).append(Arrays.toString(t.shape()).replace(" ", ""));
    if (t.size() > 0) {
      sb.append(String.format(java.util.Locale.ROOT, " min %.6g max %.6g mean %.6g", min, max, sum / t.size()));
    }
    sb.append(String.format(java.util.Locale.ROOT, " crc32 %08x", crc.getValue()));
    return sb.toString();
  }

  private int writeOutputs(List<Tensor> results) {
    if (outputDir == null) {
      return 0;
    }
    try {
      Files.createDirectories(outputDir);
      for (int i = 0; i < results.size(); i++) {
        try (AtomicOutput o = AtomicOutput.begin(outputDir.resolve("output_" + i + ".npy"))) {
          Npy.write(results.get(i), o.stream());
          o.commit();
        }
      }
      return 0;
    } catch (IOException e) {
      return fail("cannot write outputs to '" + outputDir + "': " + e.getMessage());
    }
  }

  private int fail(String message) {
    err.println("cim-run: error: " + message);
    return 1;
  }
}

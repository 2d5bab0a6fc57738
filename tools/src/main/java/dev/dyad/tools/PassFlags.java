package dev.dyad.tools;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.PrintOptions;
import dev.dyad.pass.IRPrinterInstrumentation;
import dev.dyad.pass.IRPrintingOptions;
import dev.dyad.pass.PassManager;
import dev.dyad.pass.PassRegistry;
import dev.dyad.pass.PassStatistics;
import dev.dyad.pass.PassTimingInstrumentation;
import dev.dyad.pass.PipelineException;
import dev.dyad.pass.ReproducerOptions;
import dev.dyad.pass.TimingManager;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The pass-manager flags of a tool (mlir-opt's, each also under its {@code --mlir-} name) and the
 * pass manager they configure. A picocli mixin, so that every tool running pipelines shares them.
 */
public final class PassFlags {
  @Option(names = {"-p", "--pass-pipeline"}, paramLabel = "PIPELINE",
      description = "The pass pipeline to run, e.g. 'builtin.module(func.func(cse),canonicalize{max-iterations=5})'.")
  String pipeline;

  @Option(names = "--list-passes", description = "List every registered pass and pipeline with its options, and exit.")
  boolean listPasses;

  @Option(names = "--dump-pass-pipeline", description = "Print the pass pipeline, with every option's value, before running it.")
  boolean dumpPassPipeline;

  @Option(names = "--verify-each", arity = "0..1", paramLabel = "BOOL", defaultValue = "true", fallbackValue = "true",
      converter = BoolConverter.class, description = "Verify the IR after each pass (default: true).")
  boolean verifyEach = true;

  @Option(names = {"--print-ir-before", "--mlir-print-ir-before"}, split = ",", paramLabel = "PASSES",
      description = "Print the IR before each of these passes.")
  List<String> printBefore = new ArrayList<>();

  @Option(names = {"--print-ir-after", "--mlir-print-ir-after"}, split = ",", paramLabel = "PASSES",
      description = "Print the IR after each of these passes.")
  List<String> printAfter = new ArrayList<>();

  @Option(names = {"--print-ir-before-all", "--mlir-print-ir-before-all"}, description = "Print the IR before every pass.")
  boolean printBeforeAll;

  @Option(names = {"--print-ir-after-all", "--mlir-print-ir-after-all"}, description = "Print the IR after every pass.")
  boolean printAfterAll;

  @Option(names = {"--print-ir-after-change", "--mlir-print-ir-after-change"},
      description = "Print the IR after a pass only if it changed it (alone: after every pass that changed it).")
  boolean printAfterChange;

  @Option(names = {"--print-ir-after-failure", "--mlir-print-ir-after-failure"},
      description = "Print the IR after a pass only if it failed.")
  boolean printAfterFailure;

  @Option(names = {"--print-ir-module-scope", "--mlir-print-ir-module-scope"},
      description = "When printing the IR around a pass, print the whole top-level op.")
  boolean printModuleScope;

  @Option(names = {"--timing", "--mlir-timing"}, description = "Report the wall time of parsing, each pass and printing.")
  boolean timing;

  @Option(names = {"--pass-statistics", "--mlir-pass-statistics"}, description = "Report the statistics of each pass.")
  boolean passStatistics;

  @Option(names = {"--pass-statistics-display", "--mlir-pass-statistics-display"}, paramLabel = "MODE",
      defaultValue = "pipeline", converter = DisplayConverter.class,
      description = "How to show statistics: 'pipeline' (nested like the pipeline, default) or 'list' (summed by pass).")
  PassStatistics.Display statisticsDisplay = PassStatistics.Display.PIPELINE;

  @Option(names = {"--reproducer", "--mlir-pass-pipeline-crash-reproducer"}, paramLabel = "FILE",
      description = "When a pass fails, write its input and pipeline to FILE for --run-reproducer.")
  Path reproducer;

  @Option(names = {"--reproducer-local", "--mlir-pass-pipeline-local-reproducer"},
      description = "Make the reproducer the failing pass alone, with the IR it was given.")
  boolean reproducerLocal;

  @Option(names = "--run-reproducer",
      description = "Run the pipeline recorded at the end of the input file (written by --reproducer).")
  boolean runReproducer;

  /** Whether a pass manager has to run on each chunk. */
  boolean runsPasses(String pipelineText) {
    return pipelineText != null || dumpPassPipeline;
  }

  /** Checks the pass names given to the print flags; returns the error, or null. */
  String checkPassNames(PassRegistry registry) {
    for (String name : printBefore) {
      if (registry.createPass(name) == null) {
        return "for the --print-ir-before option: '" + name + "' does not refer to a registered pass";
      }
    }
    for (String name : printAfter) {
      if (registry.createPass(name) == null) {
        return "for the --print-ir-after option: '" + name + "' does not refer to a registered pass";
      }
    }
    return null;
  }

  /**
   * A pass manager for {@code pipelineText} (already validated; null for an empty pipeline),
   * instrumented as the flags say.
   */
  PassManager passManager(Context ctx, String pipelineText, PassRegistry registry, boolean verifyDiagnostics,
      PrintOptions printOptions, TimingManager timingManager, PrintStream err) {
    PassManager pm;
    try {
      pm = pipelineText == null ? new PassManager(ctx) : PassManager.parse(ctx, pipelineText, registry);
    } catch (PipelineException e) {
      throw new IllegalStateException("pipeline was validated", e);
    }
    pm.enableVerifier(verifyEach).printOpOnDiagnostic(!verifyDiagnostics);
    IRPrintingOptions printing = new IRPrintingOptions(new HashSet<>(printBefore), new HashSet<>(printAfter),
        printBeforeAll, printAfterAll, printAfterChange, printAfterFailure, printModuleScope, printOptions);
    if (printing.enabled()) {
      pm.addInstrumentation(new IRPrinterInstrumentation(printing, err));
    }
    if (timingManager != null) {
      pm.addInstrumentation(new PassTimingInstrumentation(timingManager));
    }
    if (reproducer != null) {
      pm.enableReproducer(new ReproducerOptions(reproducer, reproducerLocal));
    }
    return pm;
  }

  /** Runs {@code pm} on {@code module} with the reports the flags ask for; false on failure. */
  boolean run(PassManager pm, Operation module, PrintStream err) {
    if (dumpPassPipeline) {
      err.print(pm.dump());
      err.print('\n');
    }
    boolean ok = pm.run(module);
    if (passStatistics) {
      err.print(PassStatistics.report(pm.pipeline(), statisticsDisplay));
    }
    err.flush();
    return ok;
  }

  /** LLVM's boolean spellings: true/TRUE/True/1 and false/FALSE/False/0. */
  static final class BoolConverter implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return switch (value) {
        case "true", "TRUE", "True", "1" -> Boolean.TRUE;
        case "false", "FALSE", "False", "0" -> Boolean.FALSE;
        default -> throw new TypeConversionException("'" + value + "' is invalid value for boolean argument! Try 0 or 1");
      };
    }
  }

  static final class DisplayConverter implements ITypeConverter<PassStatistics.Display> {
    @Override
    public PassStatistics.Display convert(String value) {
      return switch (value) {
        case "pipeline" -> PassStatistics.Display.PIPELINE;
        case "list" -> PassStatistics.Display.LIST;
        default -> throw new TypeConversionException("'" + value + "' is not one of 'pipeline', 'list'");
      };
    }
  }
}

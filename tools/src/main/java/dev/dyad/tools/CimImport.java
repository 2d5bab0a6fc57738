package dev.dyad.tools;

import dev.dyad.frontend.onnx.ImportedModel;
import dev.dyad.frontend.onnx.InvalidOnnxModelException;
import dev.dyad.frontend.onnx.OnnxImportException;
import dev.dyad.frontend.onnx.OnnxImporter;
import dev.dyad.frontend.onnx.OnnxTensor;
import dev.dyad.frontend.onnx.UnsupportedOnnxException;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.onnx.Onnx.ModelProto;
import dev.dyad.onnx.Onnx.TensorProto;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cim-import}: imports an ONNX model into the {@code nn} dialect, verifies the result and prints it in
 * MLIR's generic form. Usable in-process through {@link #run}, which never calls {@code System.exit}.
 */
@Command(
    name = "cim-import",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = "Imports an ONNX model into the nn dialect and prints it (MLIR generic syntax).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the module was printed",
        "1:the model could not be imported (unreadable, not ONNX, invalid, or using something nn cannot express)",
        "2:invalid command line",
        "3:internal error (the imported module does not verify)"})
public final class CimImport implements Callable<Integer> {
  public static final int EXIT_OK = 0;
  public static final int EXIT_IMPORT_FAILED = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_INTERNAL = 3;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model file (.onnx).")
  Path input;

  @Option(names = "-o", paramLabel = "FILE",
      description = "Output file, written only if everything succeeds (default: standard output).")
  Path output;

  @Option(names = "--freeze", paramLabel = "INPUT=FILE",
      description = "Fix graph input INPUT to the tensor in FILE (a serialized ONNX TensorProto, .pb): it becomes a"
          + " constant instead of an argument. Needed where nn wants a value at import time (a shape, a scale).")
  Map<String, Path> freeze = new LinkedHashMap<>();

  @Option(names = {"--print-debuginfo", "--mlir-print-debuginfo"}, description = "Print locations (ONNX node names).")
  boolean printDebugInfo;

  private PrintStream stdout = System.out;
  private PrintStream stderr = System.err;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the tool with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CimImport tool = new CimImport();
    tool.stdout = out;
    tool.stderr = err;
    CommandLine cl = new CommandLine(tool);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, badArgs) -> {
      err.println("cim-import: error: " + ex.getMessage());
      err.println("Try 'cim-import --help' for more information.");
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      err.println("cim-import: internal error: " + ex);
      if (System.getenv("DYAD_TRACE") != null) {
        ex.printStackTrace(err);
      }
      return EXIT_INTERNAL;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    ModelProto model;
    try {
      model = OnnxImporter.readModel(input);
    } catch (IOException e) {
      return error("could not open input file '" + input + "': " + reason(e));
    } catch (InvalidOnnxModelException e) {
      return errorIn(input, e.getMessage());
    }
    Context ctx = Dialects.newContext();
    OnnxImporter importer = new OnnxImporter(ctx);
    for (Map.Entry<String, Path> f : freeze.entrySet()) {
      try {
        importer.freeze(f.getKey(), OnnxTensor.fromProto(TensorProto.parseFrom(Files.readAllBytes(f.getValue()))));
      } catch (IOException e) {
        return error("could not read tensor file '" + f.getValue() + "' for --freeze " + f.getKey() + ": "
            + (e instanceof com.google.protobuf.InvalidProtocolBufferException ? "not an ONNX tensor" : reason(e)));
      } catch (UnsupportedOnnxException e) {
        return errorIn(f.getValue(), "unsupported tensor: " + e.getMessage());
      }
    }
    ImportedModel imported;
    try {
      imported = importer.importModel(model);
    } catch (UnsupportedOnnxException e) {
      String hint = e.graphInput() == null ? ""
          : "\n" + input + ": note: graph input '" + e.graphInput() + "' can be fixed with --freeze " + e.graphInput()
              + "=FILE.pb";
      return errorIn(input, "unsupported: " + e.getMessage() + hint);
    } catch (OnnxImportException e) {
      return errorIn(input, "invalid ONNX model: " + e.getMessage());
    }
    if (!Verifier.verify(ctx, imported.module().op())) {
      for (Diagnostic d : ctx.diagnostics().takeAll()) {
        stderr.print(ctx.sources().render(d));
      }
      stderr.println("cim-import: internal error: the imported module of '" + input + "' does not verify");
      return EXIT_INTERNAL;
    }
    return print(imported);
  }

  private int print(ImportedModel imported) {
    PrintOptions options = new PrintOptions(true, printDebugInfo, false);
    if (output == null) {
      Writer w = AtomicOutput.bufferedStdout(stdout);
      try {
        OperationPrinter.printTopLevel(imported.module().op(), options, w);
        w.flush();
        return EXIT_OK;
      } catch (IOException e) {
        return error("could not write the output: " + e.getMessage());
      }
    }
    try (AtomicOutput out = AtomicOutput.begin(output)) {
      OperationPrinter.printTopLevel(imported.module().op(), options, out.writer());
      out.commit();
      return EXIT_OK;
    } catch (IOException | UncheckedIOException e) {
      IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      return error("could not write output file '" + output + "': " + reason(io));
    }
  }

  /** Reports a problem that is not in a file's content. */
  private int error(String message) {
    stderr.println("cim-import: error: " + message);
    stderr.flush();
    return EXIT_IMPORT_FAILED;
  }

  /** Reports a problem with the content of {@code file}, as {@code file: error: message}. */
  private int errorIn(Path file, String message) {
    stderr.println(file + ": error: " + message);
    stderr.flush();
    return EXIT_IMPORT_FAILED;
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
}

package dev.dyad.pass;

import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.SymbolTable;
import java.io.PrintStream;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Prints the IR before and after passes with MLIR's headers,
 * {@code // -----// IR Dump Before CSE (cse) //----- //}. The op a pass ran on is printed on its
 * own (numbered locally) unless the whole top-level op is asked for.
 */
public final class IRPrinterInstrumentation implements PassInstrumentation {
  private final IRPrintingOptions options;
  private final PrintStream out;
  private final Map<Pass, Long> fingerprints = new IdentityHashMap<>();

  public IRPrinterInstrumentation(IRPrintingOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  @Override
  public void runBeforePass(Pass pass, Operation op) {
    if (pass instanceof PassAdaptor) {
      return;
    }
    if (options.afterChange() && options.printAfter(pass)) {
      fingerprints.put(pass, OperationFingerprint.of(op));
    }
    if (options.printBefore(pass)) {
      print("Before " + pass.name(), pass, op);
    }
  }

  @Override
  public void runAfterPass(Pass pass, Operation op) {
    if (pass instanceof PassAdaptor) {
      return;
    }
    Long before = fingerprints.remove(pass);
    if (options.afterFailure() || !options.printAfter(pass)) {
      return;
    }
    if (before != null && before == OperationFingerprint.of(op)) {
      return;
    }
    print("After " + pass.name(), pass, op);
  }

  @Override
  public void runAfterPassFailed(Pass pass, Operation op) {
    if (pass instanceof PassAdaptor) {
      return;
    }
    fingerprints.remove(pass);
    if (options.printAfter(pass)) {
      print("After " + pass.name() + " Failed", pass, op);
    }
  }

  private void print(String what, Pass pass, Operation op) {
    StringBuilder sb = new StringBuilder("// -----// IR Dump ").append(what).append(" (").append(pass.argument()).append(')');
    if (options.moduleScope()) {
      sb.append(" ('").append(op.getNameString()).append("' operation");
      String symbol = SymbolTable.symbolName(op);
      if (symbol != null) {
        sb.append(": @").append(symbol);
      }
      sb.append(')');
    }
    sb.append(" //----- //\n");
    Operation top = op;
    if (options.moduleScope()) {
      while (top.getParentOp() != null) {
        top = top.getParentOp();
      }
    }
    if (top.getBlock() == null) {
      // A top-level op prints as a whole file (with its aliases), like mlir-opt's output.
      OperationPrinter.printTopLevel(top, options.printOptions(), sb);
    } else {
      sb.append(OperationPrinter.print(top, options.printOptions().withLocalScope(true))).append('\n');
    }
    sb.append('\n');
    out.print(sb);
    out.flush();
  }
}

package dev.dyad.rewrite;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.arith.ArithDialect;
import dev.dyad.dialect.builtin.BuiltinDialect;
import dev.dyad.dialect.func.FuncDialect;
import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.OpOperand;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import java.util.ArrayList;
import java.util.List;

/** Parses, prints and checks IR for the rewriting tests (builtin, func and arith registered). */
public final class TestIr {
  private TestIr() {}

  public static Context context() {
    Context ctx = new Context();
    ctx.register(new BuiltinDialect()).register(new FuncDialect()).register(new ArithDialect());
    ctx.setAllowUnregisteredDialects(true);
    return ctx;
  }

  /** Parses generic-form text; fails the test on errors. */
  public static Operation parse(Context ctx, String text) {
    Operation module = Parser.parse(ctx, text, "test.mlir");
    assertNotNull(module, () -> "parse failed: " + ctx.diagnostics().diagnostics());
    return module;
  }

  public static String print(Operation op) {
    return OperationPrinter.printTopLevel(op, PrintOptions.DEFAULT);
  }

  /** Verifies {@code op} and checks every use list; fails the test on any problem. */
  public static void check(Context ctx, Operation op) {
    assertTrue(Verifier.verify(ctx, op), () -> "does not verify: " + ctx.diagnostics().diagnostics());
    checkUseLists(op);
  }

  /**
   * The use-list invariants: every operand is on its value's use list, and every use on a list
   * is an operand of a live op holding that value.
   */
  public static void checkUseLists(Operation root) {
    List<Value> values = new ArrayList<>();
    root.walk(op -> {
      values.addAll(op.getResults());
      for (Region r : op.getRegions()) {
        for (Block b : r.getBlocks()) {
          values.addAll(b.getArguments());
        }
      }
      for (int i = 0; i < op.getNumOperands(); i++) {
        OpOperand operand = op.getOpOperand(i);
        boolean listed = false;
        for (OpOperand use : operand.get().getUses()) {
          listed |= use == operand;
        }
        if (!listed) {
          throw new AssertionError("operand #" + i + " of " + op.getNameString() + " is not on its value's use list");
        }
      }
    });
    for (Value v : values) {
      for (OpOperand use : v.getUses()) {
        Operation owner = use.getOwner();
        boolean holds = use.getOperandNumber() < owner.getNumOperands()
            && owner.getOpOperand(use.getOperandNumber()) == use && use.get() == v;
        if (!holds || !root.isAncestor(owner)) {
          throw new AssertionError("stale use of a value by " + owner.getNameString());
        }
      }
    }
  }
}

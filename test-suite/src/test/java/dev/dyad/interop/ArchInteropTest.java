package dev.dyad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dyad.arch.ArchException;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.parse.Parser;
import dev.dyad.tools.Dialects;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code #cim.arch} in real mlir-opt-22: an opaque attribute of an unregistered dialect there,
 * accepted under --allow-unregistered-dialect and printed back byte for byte, which Dyad reads
 * into the same attribute.
 */
class ArchInteropTest {
  private static final PrintOptions GENERIC = new PrintOptions(true, false, false);

  private static Context context() {
    Context ctx = Dialects.newContext();
    ctx.setAllowUnregisteredDialects(true);
    return ctx;
  }

  @Test
  void mlirOptKeepsEveryPresetUnchanged() throws ArchException {
    MlirOpt.assumeInstalled();
    List<ArchAttr> attrs = new ArrayList<>();
    List<String> printed = new ArrayList<>();
    for (String name : HardwareDescriptions.presetNames()) {
      ArchAttr attr = new ArchAttr(HardwareDescriptions.preset(name));
      Operation module = Parser.parse(context(), "\"xx.a\"() : () -> ()", "in.cir");
      module.setAttr(ArchAttr.MODULE_ATTRIBUTE, attr);
      attrs.add(attr);
      printed.add(OperationPrinter.printTopLevel(module, GENERIC));
    }
    MlirOpt.Result r = MlirOpt.runBatch(printed, "--allow-unregistered-dialect", "--mlir-print-op-generic");
    for (int i = 0; i < printed.size(); i++) {
      String name = attrs.get(i).description().name();
      assertEquals("", r.errorsOf(i), name);
      assertEquals(printed.get(i).strip(), r.outputs().get(i).strip(), name);
      Operation back = Parser.parse(context(), r.outputs().get(i), "mlir-opt.mlir");
      assertNotNull(back, name);
      assertEquals(attrs.get(i), back.getAttr(ArchAttr.MODULE_ATTRIBUTE), name);
    }
  }
}

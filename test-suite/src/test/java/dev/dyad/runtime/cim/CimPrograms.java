package dev.dyad.runtime.cim;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.Technology;
import dev.dyad.arch.WeightReloadModel;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.runtime.tensor.Tensor;
import dev.dyad.tools.Dialects;
import java.util.List;

/** Test programs for the CIM interpreter: parsing, a small chip with round numbers, running. */
final class CimPrograms {
  private CimPrograms() {}

  /**
   * The test chip: 8 dual-mode arrays of 16 rows x 8 columns of 8-bit cells (8 weights per row),
   * 1 GHz, T_mvm 10 cycles, D_cim 8 bit/cycle, 1024 bits per memory-mode array, bus 16 bit/cycle,
   * external link 32 bit/cycle, a 4096-bit buffer, switches 3 cycles to compute and 5 to memory,
   * 32 cycles to write a whole array, 4 vector elements per cycle.
   */
  static HardwareDescription chip(WeightReloadModel model) {
    return new HardwareDescription("test-chip", "the tests' chip", Technology.EDRAM, true, 8, 16, 8, 8, 8, 8,
        1_000_000_000L, 10, 8.0, 1024, 16.0, 32.0, 4096, 3, 5, 2, 32, model, 4.0);
  }

  static HardwareDescription chip() {
    return chip(WeightReloadModel.EQ2);
  }

  /** The test chip without dual mode. */
  static HardwareDescription computeOnlyChip() {
    return new HardwareDescription("compute-only", "no memory mode", Technology.SRAM, false, 8, 16, 8, 8, 8, 8,
        1_000_000_000L, 10, 0.0, 1024, 16.0, 32.0, 4096, 0, 0, 2, 32, WeightReloadModel.EQ2, 4.0);
  }

  /** The function {@code main} of a module holding {@code signature} and {@code body}. */
  static Operation function(String signature, String body) {
    Context ctx = Dialects.newContext();
    String text = "\"func.func\"() <{function_type = " + signature + ", sym_name = \"main\"}> ({\n" + body
        + "\n}) : () -> ()\n";
    Operation module = Parser.parse(ctx, text, "test.cir");
    assertNotNull(module, () -> ctx.diagnostics().takeAll().toString());
    assertTrue(new Verifier(ctx).run(module), () -> ctx.diagnostics().takeAll().toString());
    return module.getRegion(0).front().front();
  }

  static CimResult run(HardwareDescription chip, Operation func, Tensor... inputs) throws CimException {
    return new CimInterpreter(chip, null, false).run(func, List.of(inputs));
  }

  static CimResult run(Operation func, Tensor... inputs) throws CimException {
    return run(chip(), func, inputs);
  }

  /** The line of an exception's location in the test function's text (line 1 is the func.func). */
  static int line(CimException e) {
    return ((Location.FileLineCol) e.location()).line();
  }
}

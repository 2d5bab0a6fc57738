package dev.dyad.nntocim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.conversion.nntocim.NnToCimPass;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.pass.PassManager;
import dev.dyad.pass.PassRegistry;
import dev.dyad.runtime.cim.CimInterpreter;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.tensor.Tensor;
import dev.dyad.tools.Dialects;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole compiler on random quantized nn programs (convolutions incl. grouped and depthwise,
 * linear layers, residual adds, pooling, products of two activations with requantisation) for
 * random small chips: {@code nn-to-cim}, an allocator and {@code cim-to-meta}, verified after
 * every pass, leave only meta ops (and weight constants), and the CIM interpreter's outputs equal
 * the nn reference interpreter's bit for bit. A counterexample prints as a .cir program.
 */
class FullPipelinePropertyTest {
  @Test
  void compiledProgramsComputeWhatTheReferenceComputes() {
    qt().withExamples(300).forAll(longs().all(), integers().between(1, 5), integers().between(0, 1))
        .checkAssert((seed, layers, alloc) -> check(new RandomQuantizedNet(seed, layers),
            alloc == 0 ? "cim-mlc" : "naive"));
  }

  private static void check(RandomQuantizedNet net, String pipeline) {
    RandomQuantizedNet.Case c = net.draw();
    // The chip's own buffer is not what this property is about: give it room for any activation.
    HardwareDescription arch = roomyBuffer(c.arch());
    Context ctx = Dialects.newContext();
    Operation module = Parser.parse(ctx, c.program(), "net.cir");
    assertNotNull(module, c.program());
    assertTrue(new Verifier(ctx).run(module), c.program());
    module.setAttr(ArchAttr.MODULE_ATTRIBUTE, new ArchAttr(arch));
    // A self-contained counterexample: the program with its chip, runnable with cim-run.
    String context = net + " through '" + pipeline + "' (attention=" + c.attention().spelling()
        + "); the program with its chip (cim.arch):\n"
        + OperationPrinter.printTopLevel(module, PrintOptions.GENERIC);
    Operation func = module.getRegion(0).front().front();
    List<Tensor> expected;
    try {
      expected = new NnInterpreter(null).run(func, c.inputs());
    } catch (Exception e) {
      throw new AssertionError("reference failed: " + e.getMessage() + "\n" + context, e);
    }
    PassManager pm;
    // attention=arrays: the named pipeline's passes, nn-to-cim told to write activation operands into arrays.
    String passes = c.attention() == NnToCimPass.Attention.ARRAYS
        ? "nn-to-cim{attention=arrays},canonicalize," + (pipeline.equals("naive") ? "naive-alloc" : "cim-mlc-alloc")
            + ",cim-to-meta"
        : pipeline;
    try {
      pm = PassManager.parse(ctx, "builtin.module(" + passes + ")", PassRegistry.installed());
    } catch (dev.dyad.pass.PipelineException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    pm.enableVerifier(true);
    if (!pm.run(module)) {
      fail("pipeline failed: " + ctx.diagnostics().takeAll() + "\n" + context);
    }
    List<String> leftovers = new ArrayList<>();
    func.walk(op -> {
      String name = op.getNameString();
      if (!name.startsWith("meta.") && !name.equals("nn.constant") && !name.startsWith("func.")) {
        leftovers.add(name);
      }
    });
    String lowered = OperationPrinter.printTopLevel(module, PrintOptions.DEFAULT);
    assertEquals(List.of(), leftovers, () -> "ops left after lowering\n" + context + "\nmeta program:\n" + lowered);
    List<Tensor> actual;
    try {
      actual = new CimInterpreter(arch, null, false).run(func, c.inputs()).outputs();
    } catch (Exception e) {
      throw new AssertionError("CIM interpreter failed: " + e.getMessage() + "\n" + context + "\nmeta program:\n"
          + lowered, e);
    }
    assertEquals(expected, actual, () -> "outputs differ\n" + context + "\nmeta program:\n" + lowered);
  }

  private static HardwareDescription roomyBuffer(HardwareDescription a) {
    return new HardwareDescription(a.name(), a.summary(), a.technology(), a.dualMode(), a.arrays(), a.rows(), a.cols(),
        a.cellBits(), a.weightBits(), a.activationBits(), a.clockHz(), a.mvmCycles(),
        a.memoryBandwidthBitsPerCycle(), a.memoryCapacityBits(), a.internalBandwidthBitsPerCycle(),
        a.externalBandwidthBitsPerCycle(), 1L << 26, a.switchToComputeCycles(), a.switchToMemoryCycles(),
        a.weightWriteRowCycles(), a.weightWriteArrayCycles(), a.weightReloadModel(), a.vectorElementsPerCycle());
  }
}

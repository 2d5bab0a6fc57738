package dev.dyad.runtime.cim;

import static dev.dyad.runtime.cim.CimPrograms.function;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.arch.Technology;
import dev.dyad.arch.WeightReloadModel;
import dev.dyad.ir.Operation;
import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timing model on hand-computed cases (the test chip of {@link CimPrograms}: T_mvm 10, D_cim
 * 8 bit/cycle, bus 16 bit/cycle, external link 32 bit/cycle, switches 3 (to compute) and 5 (to
 * memory) cycles, 32 cycles per whole array of 16 rows, 4 vector elements per cycle). Each
 * expected number is derived in a comment.
 */
class CimTimingTest {
  private static CimResult run(HardwareDescription chip, Operation f, Tensor... inputs) throws Exception {
    return CimPrograms.run(chip, f, inputs);
  }

  private static Schedule.OpTiming op(CimResult r, int i) {
    return r.schedule().ops().get(i);
  }

  @Test
  void oneMvmIsTheLargerOfItsArrayTimeAndItsTraffic() throws Exception {
    Operation f = function("(tensor<6x16xi8>) -> tensor<6x8xi32>", """
        ^bb0(%x: tensor<6x16xi8>):
          %w = "nn.constant"() <{value = dense<1> : tensor<16x8xi8>}> : () -> tensor<16x8xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0, 1>, rows = 16, cols = 8}> : (tensor<16x8xi8>) -> ()
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<6x16xi8>) -> tensor<6x16xi8>
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0, 1>, rows = 16, cols = 8}> : (tensor<6x16xi8>) -> tensor<6x8xi32>
          %s = "meta.store"(%y) <{from = #meta.place<buffer>}> : (tensor<6x8xi32>) -> tensor<6x8xi32>
          "func.return"(%s) : (tensor<6x8xi32>) -> ()""");
    CimResult r = run(CimPrograms.chip(), f, RandomInit.uniform(DType.I8, new int[] {6, 16}, 1));
    // write_weights: t = ceil(32 * 16 / 16) = 32 per array; eq2: the weight port 2 * 32 = 64
    assertEquals(64, op(r, 0).ownCycles());
    // load: 6 * 16 * 8 = 768 bits / 32 = 24 on the external link
    assertEquals(24, op(r, 1).ownCycles());
    // mvm: arrays ceil(6 / 2) * 10 = 30 each; bus: input 6 * 16 * 8 = 768 bits / 16 = 48, output
    // 6 * 8 * 32 = 1536 bits / 16 = 96, 144 in all: traffic-bound
    Schedule.OpTiming mvm = op(r, 2);
    assertEquals(144, mvm.ownCycles());
    assertEquals(Rational.of(30), mvm.demands().get(Resource.array(0)));
    assertEquals(Rational.of(144), mvm.demands().get(Resource.BUS));
    assertEquals(Rational.of(88), mvm.start());
    assertEquals(Rational.of(232), mvm.end());
    // store: 1536 bits / 32 = 48; the top level is sequential: 64 + 24 + 144 + 48 = 280
    assertEquals(48, op(r, 3).ownCycles());
    assertEquals(280, r.schedule().totalCycles());
    // array 0 is busy 32 (write) + 30 (mvm) = 62 cycles
    assertEquals(Rational.of(62), r.schedule().busy(Resource.array(0)));
  }

  @Test
  void aSmallMvmIsArrayBound() throws Exception {
    Operation f = function("(tensor<2x2xi8>) -> ()", """
        ^bb0(%x: tensor<2x2xi8>):
          %w = "nn.constant"() <{value = dense<1> : tensor<2x1xi8>}> : () -> tensor<2x1xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 2, cols = 1}> : (tensor<2x1xi8>) -> ()
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<2x2xi8>) -> tensor<2x2xi8>
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0>, rows = 2, cols = 1}> : (tensor<2x2xi8>) -> tensor<2x1xi32>
          "func.return"() : () -> ()""");
    CimResult r = run(CimPrograms.chip(), f, RandomInit.uniform(DType.I8, new int[] {2, 2}, 1));
    // array: 2 * 10 = 20; bus: 2 * 2 * 8 / 16 = 2 in, 2 * 1 * 32 / 16 = 4 out
    assertEquals(20, op(r, 2).ownCycles());
    // write: ceil(32 * 2 / 16) = 4; load: 32 bits / 32 = 1; 4 + 1 + 20 = 25
    assertEquals(25, r.schedule().totalCycles());
  }

  /**
   * Two operators (mvm and requantize each) in one phase, pipelined over row blocks; the weights
   * are written in the phase before.
   */
  @Test
  void aSegmentOfTwoPipelinedOperatorsPaysFillAndDrain() throws Exception {
    Operation f = function("(tensor<8x4xi8>) -> tensor<8x2xi8>", """
        ^bb0(%x: tensor<8x4xi8>):
          %w1 = "nn.constant"() <{value = dense<1> : tensor<4x4xi8>}> : () -> tensor<4x4xi8>
          %w2 = "nn.constant"() <{value = dense<1> : tensor<4x2xi8>}> : () -> tensor<4x2xi8>
          %r = "meta.segment"() <{id = 0 : i64}> ({
            "meta.write_weights"(%w1) <{arrays = array<i64: 0>, rows = 4, cols = 4}> : (tensor<4x4xi8>) -> ()
            "meta.write_weights"(%w2) <{arrays = array<i64: 1>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
            "meta.barrier"() : () -> ()
            %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<8x4xi8>) -> tensor<8x4xi8>
            %a = "meta.mvm"(%l) <{arrays = array<i64: 0>, rows = 4, cols = 4}> : (tensor<8x4xi8>) -> tensor<8x4xi32>
            %b = "meta.vector"(%a) <{kind = "nn.requantize", params = {scale = 1.0e-01 : f64, zero_point = 0 : i64}}> : (tensor<8x4xi32>) -> tensor<8x4xi8>
            %c = "meta.mvm"(%b) <{arrays = array<i64: 1>, rows = 4, cols = 2}> : (tensor<8x4xi8>) -> tensor<8x2xi32>
            %d = "meta.vector"(%c) <{kind = "nn.requantize", params = {scale = 1.0e-01 : f64, zero_point = 0 : i64}}> : (tensor<8x2xi32>) -> tensor<8x2xi8>
            %s = "meta.store"(%d) <{from = #meta.place<buffer>}> : (tensor<8x2xi8>) -> tensor<8x2xi8>
            "meta.yield"(%s) : (tensor<8x2xi8>) -> ()
          }) : () -> tensor<8x2xi8>
          "func.return"(%r) : (tensor<8x2xi8>) -> ()""");
    CimResult r = run(CimPrograms.chip(), f, RandomInit.uniform(DType.I8, new int[] {8, 4}, 1));
    Schedule.SegmentTiming seg = r.schedule().segments().get(0);
    // phase 0: each write t = ceil(32 * 4 / 16) = 8 on its array and on its own weight port (two
    // constants write in parallel under eq2): 8
    assertEquals(8, seg.phases().get(0).cycles());
    // phase 1, own latencies: load 8 * 4 * 8 = 256 bits / 32 = 8 (external link); mvm1 array 8 * 10
    // = 80, bus 256 / 16 + 8 * 4 * 32 / 16 = 16 + 64 = 80; requantize 32 elements / 4 = 8; mvm2 array
    // 80, bus 16 + 8 * 2 * 32 / 16 = 16 + 32 = 48; requantize 16 / 4 = 4; store 128 bits / 32 = 4.
    // Throughput term: the bus carries 80 + 48 = 128 (external link 12, arrays 80 each, vector 12).
    Schedule.PhaseTiming p = seg.phases().get(1);
    assertEquals(Rational.of(128), p.throughput());
    assertEquals(Resource.BUS, p.bottleneck());
    // One chain of six stages, 8 row blocks each (every tensor has 8 rows, mvm ceil(8 / 1)):
    // fill/drain = (8 + 80 + 8 + 80 + 4 + 4 - 80) / 8 = 104 / 8 = 13; phase = ceil(128 + 13) = 141
    assertEquals(Rational.of(13), p.fillDrain());
    assertEquals(141, p.cycles());
    assertEquals(149, seg.cycles());
    assertEquals(149, r.schedule().totalCycles());
    // Starts: the first block reaches each stage after one block of each earlier stage:
    // load 8, mvm1 8 + 8/8 = 9, requantize 9 + 80/8 = 19, mvm2 19 + 1 = 20, requantize 20 + 10 = 30,
    // store 30 + 0.5 = 30.5. Ends: max(start + own, producer's end + own / 8): load 16, mvm1 89,
    // requantize 90, mvm2 100, requantize 100.5, store 101.
    String[] starts = {"8", "9", "19", "20", "30", "30.5"};
    String[] ends = {"16", "89", "90", "100", "100.5", "101"};
    for (int i = 0; i < 6; i++) {
      assertEquals(starts[i], op(r, 2 + i).start().toDecimal(3), "start of op " + i);
      assertEquals(ends[i], op(r, 2 + i).end().toDecimal(3), "end of op " + i);
    }
  }

  @Test
  void aPhaseWithOneOpOrIndependentOpsFollowsMetaMdExactly() throws Exception {
    // Two independent loads in one phase share the external link: 2 x 256 bits / 32 = 16, no
    // fill/drain (no producer-consumer edge); a lone mvm phase is its own latency.
    Operation f = function("(tensor<8x4xi8>, tensor<8x4xi8>) -> ()", """
        ^bb0(%x: tensor<8x4xi8>, %z: tensor<8x4xi8>):
          %w = "nn.constant"() <{value = dense<1> : tensor<4x4xi8>}> : () -> tensor<4x4xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 4, cols = 4}> : (tensor<4x4xi8>) -> ()
          "meta.segment"() <{id = 1 : i64}> ({
            %a = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<8x4xi8>) -> tensor<8x4xi8>
            %b = "meta.load"(%z) <{to = #meta.place<buffer>}> : (tensor<8x4xi8>) -> tensor<8x4xi8>
            "meta.barrier"() : () -> ()
            %c = "meta.mvm"(%a) <{arrays = array<i64: 0>, rows = 4, cols = 4}> : (tensor<8x4xi8>) -> tensor<8x4xi32>
            "meta.yield"() : () -> ()
          }) : () -> ()
          "func.return"() : () -> ()""");
    Tensor x = RandomInit.uniform(DType.I8, new int[] {8, 4}, 1);
    CimResult r = run(CimPrograms.chip(), f, x, x);
    Schedule.SegmentTiming seg = r.schedule().segments().get(0);
    assertEquals(16, seg.phases().get(0).cycles());
    assertEquals(Rational.ZERO, seg.phases().get(0).fillDrain());
    // mvm: array 80, bus 16 + 64 = 80
    assertEquals(80, seg.phases().get(1).cycles());
    assertEquals(Rational.ZERO, seg.phases().get(1).fillDrain());
  }

  @Test
  void switchesAreSerialAndCountTowardsTheMemoryModeShare() throws Exception {
    Operation f = function("() -> ()", """
          "meta.switch"() <{to = "memory", arrays = array<i64: 2, 3, 4>}> : () -> ()
          "meta.switch"() <{to = "compute", arrays = array<i64: 2, 3, 4>}> : () -> ()
          "func.return"() : () -> ()""");
    CimResult r = run(CimPrograms.chip(), f);
    // to memory: the controller 3 * 5 = 15 (each array 5); to compute: 3 * 3 = 9
    assertEquals(15, op(r, 0).ownCycles());
    assertEquals(9, op(r, 1).ownCycles());
    assertEquals(24, r.schedule().totalCycles());
    assertEquals(24, r.schedule().switchCycles());
    // arrays 2-4 are in memory mode from the end of the first switch (15) to the end of the
    // second (24): 3 * 9 = 27 of 8 * 24 = 192 array-cycles
    assertEquals(Rational.of(9), r.schedule().memoryModeCycles(3));
    assertEquals(Rational.of(27, 192), r.schedule().memoryModeShare());
    assertEquals(Rational.of(8), r.schedule().busy(Resource.array(2)), "5 + 3 cycles of switching");
  }

  @Test
  void weightWritesFollowTheReloadModel() throws Exception {
    String body = """
          %w = "nn.constant"() <{value = dense<1> : tensor<8x8xi8>}> : () -> tensor<8x8xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0, 1, 2>, rows = 8, cols = 8}> : (tensor<8x8xi8>) -> ()
          "func.return"() : () -> ()""";
    Operation f = function("() -> ()", body);
    // t = ceil(32 * 8 / 16) = 16 per array
    // eq2: one operator's arrays one after another: the weight port 3 * 16 = 48
    assertEquals(48, run(CimPrograms.chip(WeightReloadModel.EQ2), f).schedule().totalCycles());
    // bandwidth, on the test chip with an 8 bit/cycle external link: 8 * 8 * 8 bits / 8 = 64 (> 16)
    assertEquals(64, run(slowLink(WeightReloadModel.BANDWIDTH), f).schedule().totalCycles());
    // max of both on that chip: max(48, 64) = 64; on the test chip (32 bit/cycle): max(48, 16) = 48
    assertEquals(64, run(slowLink(WeightReloadModel.MAX), f).schedule().totalCycles());
    assertEquals(48, run(CimPrograms.chip(WeightReloadModel.MAX), f).schedule().totalCycles());
    assertEquals(48, run(CimPrograms.chip(WeightReloadModel.EQ2), f).schedule().weightWriteCycles());
  }

  @Test
  void eq2WritesDifferentOperatorsInParallelInsideAPhase() throws Exception {
    // W1 on arrays 0, 1 (16 rows: t = 32, port 2 * 32 = 64); W2 on array 2 (8 rows: t = 16, port 16).
    String writes = """
          "meta.write_weights"(%w1) <{arrays = array<i64: 0, 1>, rows = 16, cols = 8}> : (tensor<16x8xi8>) -> ()
          "meta.write_weights"(%w2) <{arrays = array<i64: 2>, rows = 8, cols = 8}> : (tensor<8x8xi8>) -> ()
        """;
    String constants = """
          %w1 = "nn.constant"() <{value = dense<1> : tensor<16x8xi8>}> : () -> tensor<16x8xi8>
          %w2 = "nn.constant"() <{value = dense<1> : tensor<8x8xi8>}> : () -> tensor<8x8xi8>
        """;
    Operation inPhase = function("() -> ()", constants + "  \"meta.segment\"() <{id = 0 : i64}> ({\n" + writes
        + "    \"meta.yield\"() : () -> ()\n  }) : () -> ()\n  \"func.return\"() : () -> ()");
    Operation topLevel = function("() -> ()", constants + writes + "  \"func.return\"() : () -> ()");
    // in one phase: max(64, 16) = 64; at the top level one after another: 64 + 16 = 80
    assertEquals(64, run(CimPrograms.chip(), inPhase).schedule().totalCycles());
    assertEquals(80, run(CimPrograms.chip(), topLevel).schedule().totalCycles());
    assertEquals(64, run(CimPrograms.chip(), inPhase).schedule().weightWriteCycles());
  }

  @Test
  void timingOnlyRunsGiveTheFullRunsReport() throws Exception {
    Operation f = function("(tensor<1x3x6x6xi8>) -> tensor<1x4x6x6xi8>", CONV);
    HardwareDescription chip = HardwareDescriptions.preset("dynaplasia");
    CimResult full = new CimInterpreter(chip, null, false).run(f,
        List.of(RandomInit.uniform(DType.I8, new int[] {1, 3, 6, 6}, 4)));
    CimResult timing = new CimInterpreter(chip, null, true).run(f, List.of());
    assertEquals(1, full.outputs().size());
    assertEquals(0, timing.outputs().size());
    assertEquals(full.report().text(), timing.report().text());
    assertEquals(full.report().jsonText(), timing.report().jsonText());
  }

  private static HardwareDescription slowLink(WeightReloadModel model) {
    return new HardwareDescription("slow-link", "8 bit/cycle to DRAM", Technology.EDRAM, true, 8, 16, 8, 8, 8, 8,
        1_000_000_000L, 10, 8.0, 1024, 16.0, 8.0, 4096, 3, 5, 2, 32, model, 4.0);
  }

  /** The quantized convolution of test-suite/src/test/lit/dialects/meta/ops.cir. */
  static final String CONV = """
      ^bb0(%x: tensor<1x3x6x6xi8>):
        %w = "nn.constant"() <{value = dense<1> : tensor<27x4xi8>}> : () -> tensor<27x4xi8>
        "meta.switch"() <{to = "memory", arrays = array<i64: 4, 5>}> : () -> ()
        "meta.barrier"() : () -> ()
        %r = "meta.segment"() <{id = 0 : i64}> ({
          "meta.write_weights"(%w) <{arrays = array<i64: 0, 1>, rows = 16, cols = 4}> : (tensor<27x4xi8>) -> ()
          "meta.write_weights"(%w) <{arrays = array<i64: 2, 3>, row_offset = 16, rows = 11, col_offset = 0, cols = 4}> : (tensor<27x4xi8>) -> ()
          "meta.barrier"() : () -> ()
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<1x3x6x6xi8>) -> tensor<1x3x6x6xi8>
          %c = "meta.im2col"(%l) <{kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, pad_value = -3 : i64, out_buffer = #meta.place<arrays = [4]>}> : (tensor<1x3x6x6xi8>) -> tensor<36x27xi8>
          %p0 = "meta.mvm"(%c) <{arrays = array<i64: 0, 1>, rows = 16, cols = 4, input_zero_point = -3 : i64, in_buffer = #meta.place<arrays = [4]>, out_buffer = #meta.place<arrays = [5]>}> : (tensor<36x27xi8>) -> tensor<36x4xi32>
          %p1 = "meta.mvm"(%c, %p0) <{arrays = array<i64: 2, 3>, row_offset = 16, rows = 11, cols = 4, input_zero_point = -3 : i64, in_buffer = #meta.place<arrays = [4]>, out_buffer = #meta.place<arrays = [5]>}> : (tensor<36x27xi8>, tensor<36x4xi32>) -> tensor<36x4xi32>
          %y = "meta.col2im"(%p1) <{shape = array<i64: 1, 4, 6, 6>}> : (tensor<36x4xi32>) -> tensor<1x4x6x6xi32>
          %q = "meta.vector"(%y) <{kind = "nn.requantize", params = {scale = 2.500000e-02 : f64, zero_point = 0 : i64}}> : (tensor<1x4x6x6xi32>) -> tensor<1x4x6x6xi8>
          %relu = "meta.vector"(%q) <{kind = "nn.relu", out_buffer = #meta.place<arrays = [4, 5]>}> : (tensor<1x4x6x6xi8>) -> tensor<1x4x6x6xi8>
          %s = "meta.store"(%relu) <{from = #meta.place<arrays = [4, 5]>}> : (tensor<1x4x6x6xi8>) -> tensor<1x4x6x6xi8>
          "meta.yield"(%s) : (tensor<1x4x6x6xi8>) -> ()
        }) : () -> tensor<1x4x6x6xi8>
        "meta.switch"() <{to = "compute", arrays = array<i64: 4, 5>}> : () -> ()
        "func.return"(%r) : (tensor<1x4x6x6xi8>) -> ()""";
}

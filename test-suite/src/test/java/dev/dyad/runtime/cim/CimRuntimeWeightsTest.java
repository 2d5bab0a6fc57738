package dev.dyad.runtime.cim;

import static dev.dyad.runtime.cim.CimPrograms.function;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.arch.WeightReloadModel;
import dev.dyad.ir.Operation;
import dev.dyad.runtime.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code meta.write_weights} with {@code runtime_weights}: a computed value programmed into arrays
 * inside a segment's compute phase (attention), on the test chip of {@link CimPrograms}.
 */
class CimRuntimeWeightsTest {
  /** x [2, 2] times the run-time weight k [2, 2], both loaded into the buffer in one segment. */
  private static final String PROGRAM = """
      ^bb0(%x: tensor<2x2xi8>, %k: tensor<2x2xi8>):
        %r = "meta.segment"() <{id = 0 : i64}> ({
          %lk = "meta.load"(%k) <{to = #meta.place<buffer>}> : (tensor<2x2xi8>) -> tensor<2x2xi8>
          %w = "meta.vector"(%lk) <{kind = "nn.relu", params = {}}> : (tensor<2x2xi8>) -> tensor<2x2xi8>
          %lx = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<2x2xi8>) -> tensor<2x2xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 2, cols = 2, runtime_weights}>
              : (tensor<2x2xi8>) -> ()
          %y = "meta.mvm"(%lx) <{arrays = array<i64: 0>, rows = 2, cols = 2, input_zero_point = 1 : i64}>
              : (tensor<2x2xi8>) -> tensor<2x2xi32>
          %s = "meta.store"(%y) <{from = #meta.place<buffer>}> : (tensor<2x2xi32>) -> tensor<2x2xi32>
          "meta.yield"(%s) : (tensor<2x2xi32>) -> ()
        }) : () -> tensor<2x2xi32>
        "func.return"(%r) : (tensor<2x2xi32>) -> ()""";

  private static final Tensor X = Tensor.ofI8(new int[] {2, 2}, 2, 3, 4, 5);
  private static final Tensor K = Tensor.ofI8(new int[] {2, 2}, 1, -1, 2, 3);

  @Test
  void theComputedValueIsWhatTheArraysMultiplyBy() throws Exception {
    // w = relu(k) = [[1, 0], [2, 3]]; x - 1 = [[1, 2], [3, 4]]:
    // [[1*1 + 2*2, 1*0 + 2*3], [3*1 + 4*2, 3*0 + 4*3]] = [[5, 6], [11, 12]]
    CimResult r = CimPrograms.run(function("(tensor<2x2xi8>, tensor<2x2xi8>) -> tensor<2x2xi32>", PROGRAM), X, K);
    assertArrayEquals(new int[] {5, 6, 11, 12}, r.outputs().get(0).toIntArray());
  }

  @Test
  void theWriteFollowsItsProducerAndTheMvmFollowsTheWrite() throws Exception {
    Operation f = function("(tensor<2x2xi8>, tensor<2x2xi8>) -> tensor<2x2xi32>", PROGRAM);
    CimResult r = CimPrograms.run(f, X, K);
    Schedule.OpTiming vector = r.schedule().ops().get(1);
    Schedule.OpTiming write = r.schedule().ops().get(3);
    Schedule.OpTiming mvm = r.schedule().ops().get(4);
    assertEquals("meta.write_weights", write.name());
    // t = ceil(32 * 2 / 16) = 4 on array 0; eq2: the weight port of %w 1 * 4 = 4
    assertEquals(4, write.ownCycles());
    assertEquals(Rational.of(4), write.demands().get(Resource.array(0)));
    assertTrue(write.start().compareTo(vector.end()) >= 0, "written after relu computed it");
    assertTrue(mvm.start().compareTo(write.end()) >= 0, "the mvm multiplies by the written weight");
  }

  @Test
  void underTheBandwidthModelTheSliceComesFromTheBufferNotExternalMemory() throws Exception {
    Operation f = function("(tensor<2x2xi8>, tensor<2x2xi8>) -> tensor<2x2xi32>", PROGRAM);
    CimResult r = CimPrograms.run(CimPrograms.chip(WeightReloadModel.BANDWIDTH), f, X, K);
    Schedule.OpTiming write = r.schedule().ops().get(3);
    // 2 * 2 * 8 bits over the 16 bit/cycle bus = 2; nothing on the external link
    assertEquals(Rational.of(2), write.demands().get(Resource.BUS));
    assertNull(write.demands().get(Resource.EXTERNAL_LINK));
  }

  @Test
  void timingOnlyRunsGiveTheFullRunsReport() throws Exception {
    Operation f = function("(tensor<2x2xi8>, tensor<2x2xi8>) -> tensor<2x2xi32>", PROGRAM);
    CimResult full = new CimInterpreter(CimPrograms.chip(), null, false).run(f, List.of(X, K));
    CimResult timing = new CimInterpreter(CimPrograms.chip(), null, true).run(f, List.of());
    assertEquals(0, timing.outputs().size());
    assertEquals(full.report().text(), timing.report().text());
  }
}

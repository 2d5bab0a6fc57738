package dev.dyad.runtime.cim;

import static dev.dyad.runtime.cim.CimPrograms.function;
import static dev.dyad.runtime.cim.CimPrograms.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Operation;
import dev.dyad.runtime.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per meta op: its functional result and its effect on the chip's state, on small
 * hand-computed programs (the test chip of {@link CimPrograms}).
 */
class CimInterpreterOpsTest {
  @Test
  void switchChangesModesAndDropsWeights() throws Exception {
    Operation f = function("() -> ()", """
          %w = "nn.constant"() <{value = dense<1> : tensor<4x2xi8>}> : () -> tensor<4x2xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 1, 2>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          "meta.switch"() <{to = "memory", arrays = array<i64: 2, 3>}> : () -> ()
          "meta.switch"() <{to = "memory", arrays = array<i64: 5>}> : () -> ()
          "meta.switch"() <{to = "compute", arrays = array<i64: 5>}> : () -> ()
          "func.return"() : () -> ()""");
    ChipState chip = run(f).chip();
    assertFalse(chip.isMemoryMode(0));
    assertFalse(chip.isMemoryMode(1));
    assertTrue(chip.isMemoryMode(2));
    assertTrue(chip.isMemoryMode(3));
    assertFalse(chip.isMemoryMode(5), "switched back to compute mode");
    assertNotNull(chip.weights(1));
    assertNull(chip.weights(2), "a switch loses the array's weights");
  }

  @Test
  void writeWeightsProgramsOneSharedSliceIntoEveryListedArray() throws Exception {
    Operation f = function("() -> ()", """
          %w = "nn.constant"() <{value = dense<[[1, 2, 3], [4, 5, 6], [7, 8, 9]]> : tensor<3x3xi8>}> : () -> tensor<3x3xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0, 5>, row_offset = 1, rows = 2, col_offset = 1, cols = 2}> : (tensor<3x3xi8>) -> ()
          "func.return"() : () -> ()""");
    ChipState chip = run(f).chip();
    WeightSlice s = chip.weights(0);
    assertEquals(List.of(1L, 2L, 1L, 2L), List.of(s.rowOffset(), s.rows(), s.colOffset(), s.cols()));
    assertSame(s, chip.weights(5), "copies share the slice (and its packing)");
    assertNotNull(s.packed());
    assertNull(chip.weights(1));
  }

  @Test
  void mvmMultipliesTheHeldSliceWithZeroPointsAndAccumulates() throws Exception {
    // x[:, 1:4] - zx with zx = 1: [[0, 1, 2], [3, 4, 5]]; W[1:4, 1:3] - zw with zw = -1: [[2, 0], [3, 1], [1, 4]]
    // products: [[0*2 + 1*3 + 2*1, 0*0 + 1*1 + 2*4], [3*2 + 4*3 + 5*1, 3*0 + 4*1 + 5*4]] = [[5, 9], [23, 24]]
    // plus acc [[100, 200], [300, 400]] = [[105, 209], [323, 424]]
    Operation f = function("(tensor<2x4xi8>, tensor<2x2xi32>) -> tensor<2x2xi32>", """
        ^bb0(%x: tensor<2x4xi8>, %a: tensor<2x2xi32>):
          %w = "nn.constant"() <{value = dense<[[7, 7, 7], [7, 1, -1], [7, 2, 0], [7, 0, 3]]> : tensor<4x3xi8>}> : () -> tensor<4x3xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0, 1>, row_offset = 1, rows = 3, col_offset = 1, cols = 2}> : (tensor<4x3xi8>) -> ()
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          %la = "meta.load"(%a) <{to = #meta.place<buffer>}> : (tensor<2x2xi32>) -> tensor<2x2xi32>
          %y = "meta.mvm"(%l, %la) <{arrays = array<i64: 0, 1>, row_offset = 1, rows = 3, col_offset = 1, cols = 2, input_zero_point = 1 : i64, weight_zero_point = -1 : i64}> : (tensor<2x4xi8>, tensor<2x2xi32>) -> tensor<2x2xi32>
          %s = "meta.store"(%y) <{from = #meta.place<buffer>}> : (tensor<2x2xi32>) -> tensor<2x2xi32>
          "func.return"(%s) : (tensor<2x2xi32>) -> ()""");
    CimResult r = run(f, Tensor.ofI8(new int[] {2, 4}, 9, 1, 2, 3, 9, 4, 5, 6),
        Tensor.ofInts(new int[] {2, 2}, 100, 200, 300, 400));
    assertArrayEquals(new int[] {105, 209, 323, 424}, r.outputs().get(0).toIntArray());
  }

  @Test
  void f32MvmSumsThenAddsTheAccumulator() throws Exception {
    // [1.5, 2] x [[2, 0.5], [1, 4]] = [1.5*2 + 2*1, 1.5*0.5 + 2*4] = [5, 8.75]; + [1, 1] = [6, 9.75]
    Operation f = function("(tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>", """
        ^bb0(%x: tensor<1x2xf32>, %a: tensor<1x2xf32>):
          %w = "nn.constant"() <{value = dense<[[2.0, 0.5], [1.0, 4.0]]> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>
          "meta.write_weights"(%w) <{arrays = array<i64: 3>, rows = 2, cols = 2}> : (tensor<2x2xf32>) -> ()
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<1x2xf32>) -> tensor<1x2xf32>
          %la = "meta.load"(%a) <{to = #meta.place<buffer>}> : (tensor<1x2xf32>) -> tensor<1x2xf32>
          %y = "meta.mvm"(%l, %la) <{arrays = array<i64: 3>, rows = 2, cols = 2}> : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
          %s = "meta.store"(%y) <{from = #meta.place<buffer>}> : (tensor<1x2xf32>) -> tensor<1x2xf32>
          "func.return"(%s) : (tensor<1x2xf32>) -> ()""");
    CimResult r = run(f, Tensor.ofFloats(new int[] {1, 2}, 1.5f, 2f), Tensor.ofFloats(new int[] {1, 2}, 1f, 1f));
    assertArrayEquals(new float[] {6f, 9.75f}, r.outputs().get(0).toFloatArray());
  }

  @Test
  void dataMovesKeepTheValueAndCountWhereItIs() throws Exception {
    // 2x4 i8 = 64 bits: 32 on each of arrays 4 and 5, 64 on array 6; the buffer holds the read value
    // and its buffer-to-buffer copy at once (128 bits).
    Operation f = function("(tensor<2x4xi8>) -> tensor<2x4xi8>", """
        ^bb0(%x: tensor<2x4xi8>):
          "meta.switch"() <{to = "memory", arrays = array<i64: 4, 5, 6>}> : () -> ()
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          %a = "meta.write"(%l) <{arrays = array<i64: 4, 5>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          %b = "meta.mov"(%a) <{from = #meta.place<arrays = [5, 4]>, to = #meta.place<arrays = [6]>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          %c = "meta.read"(%b) <{arrays = array<i64: 6>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          %d = "meta.mov"(%c) <{from = #meta.place<buffer>, to = #meta.place<buffer>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          %s = "meta.store"(%d) <{from = #meta.place<buffer>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          "func.return"(%s) : (tensor<2x4xi8>) -> ()""");
    Tensor x = Tensor.ofI8(new int[] {2, 4}, 1, -2, 3, -4, 5, -6, 7, -8);
    CimResult r = run(f, x);
    assertEquals(x, r.outputs().get(0));
    assertEquals(32, r.chip().peakArrayBits(4));
    assertEquals(32, r.chip().peakArrayBits(5));
    assertEquals(64, r.chip().peakArrayBits(6));
    assertEquals(128, r.chip().peakBufferBits());
    assertEquals(0, r.chip().bufferBits(), "every value was freed after its last use");
    assertEquals(0, r.chip().arrayBits(6));
  }

  @Test
  void loadToArraysAndStoreFromArrays() throws Exception {
    Operation f = function("(tensor<3xi32>) -> tensor<3xi32>", """
        ^bb0(%x: tensor<3xi32>):
          "meta.switch"() <{to = "memory", arrays = array<i64: 0, 1>}> : () -> ()
          %l = "meta.load"(%x) <{to = #meta.place<arrays = [0, 1]>}> : (tensor<3xi32>) -> tensor<3xi32>
          %s = "meta.store"(%l) <{from = #meta.place<arrays = [1, 0]>}> : (tensor<3xi32>) -> tensor<3xi32>
          "func.return"(%s) : (tensor<3xi32>) -> ()""");
    Tensor x = Tensor.ofInts(new int[] {3}, 7, 8, 9);
    CimResult r = run(f, x);
    assertEquals(x, r.outputs().get(0));
    assertEquals(48, r.chip().peakArrayBits(0), "96 bits over two arrays");
  }

  @Test
  void vectorRunsTheNnKernelOfItsKind() throws Exception {
    // add: [1, -5, 300] + [2, 2, 2] = [3, -3, 302]; requantize by 0.5: 1.5 -> 2 (to even), -1.5 -> -2,
    // 151 -> 127 (saturated); relu: [2, 0, 127]; split [2, 1]
    Operation f = function("(tensor<3xi32>, tensor<3xi32>) -> (tensor<2xi8>, tensor<1xi8>)", """
        ^bb0(%a: tensor<3xi32>, %b: tensor<3xi32>):
          %la = "meta.load"(%a) <{to = #meta.place<buffer>}> : (tensor<3xi32>) -> tensor<3xi32>
          %lb = "meta.load"(%b) <{to = #meta.place<buffer>}> : (tensor<3xi32>) -> tensor<3xi32>
          %s = "meta.vector"(%la, %lb) <{kind = "nn.add"}> : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
          %q = "meta.vector"(%s) <{kind = "nn.requantize", params = {scale = 5.000000e-01 : f64, zero_point = 0 : i64}}> : (tensor<3xi32>) -> tensor<3xi8>
          %r = "meta.vector"(%q) <{kind = "nn.relu"}> : (tensor<3xi8>) -> tensor<3xi8>
          %p:2 = "meta.vector"(%r) <{kind = "nn.split", params = {axis = 0 : i64, sizes = array<i64: 2, 1>}}> : (tensor<3xi8>) -> (tensor<2xi8>, tensor<1xi8>)
          %s0 = "meta.store"(%p#0) <{from = #meta.place<buffer>}> : (tensor<2xi8>) -> tensor<2xi8>
          %s1 = "meta.store"(%p#1) <{from = #meta.place<buffer>}> : (tensor<1xi8>) -> tensor<1xi8>
          "func.return"(%s0, %s1) : (tensor<2xi8>, tensor<1xi8>) -> ()""");
    CimResult r = run(f, Tensor.ofInts(new int[] {3}, 1, -5, 300), Tensor.ofInts(new int[] {3}, 2, 2, 2));
    assertArrayEquals(new byte[] {2, 0}, r.outputs().get(0).toI8Array());
    assertArrayEquals(new byte[] {127}, r.outputs().get(1).toI8Array());
  }

  @Test
  void im2colLaysOutTheWindowsWithPadding() throws Exception {
    // 3x3 input 1..9, 3x3 kernel, pads 1, pad_value -3: the first row is the window at (0, 0):
    // [-3, -3, -3, -3, 1, 2, -3, 4, 5]; the centre row (4) is the whole input.
    Operation f = function("(tensor<1x1x3x3xi8>) -> tensor<9x9xi8>", """
        ^bb0(%x: tensor<1x1x3x3xi8>):
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<1x1x3x3xi8>) -> tensor<1x1x3x3xi8>
          %c = "meta.im2col"(%l) <{kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, pad_value = -3 : i64}> : (tensor<1x1x3x3xi8>) -> tensor<9x9xi8>
          %s = "meta.store"(%c) <{from = #meta.place<buffer>}> : (tensor<9x9xi8>) -> tensor<9x9xi8>
          "func.return"(%s) : (tensor<9x9xi8>) -> ()""");
    CimResult r = run(f, Tensor.ofI8(new int[] {1, 1, 3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    byte[] rows = r.outputs().get(0).toI8Array();
    assertArrayEquals(new byte[] {-3, -3, -3, -3, 1, 2, -3, 4, 5}, java.util.Arrays.copyOfRange(rows, 0, 9));
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, java.util.Arrays.copyOfRange(rows, 36, 45));
  }

  @Test
  void col2imPutsEachGroupsColumnsInItsChannels() throws Exception {
    // g0 (4x1) is channel 0; g1 (4x2) channels 1 and 2; rows are the 2x2 pixels in order.
    Operation f = function("(tensor<4x1xi32>, tensor<4x2xi32>) -> tensor<1x3x2x2xi32>", """
        ^bb0(%g0: tensor<4x1xi32>, %g1: tensor<4x2xi32>):
          %a = "meta.load"(%g0) <{to = #meta.place<buffer>}> : (tensor<4x1xi32>) -> tensor<4x1xi32>
          %b = "meta.load"(%g1) <{to = #meta.place<buffer>}> : (tensor<4x2xi32>) -> tensor<4x2xi32>
          %y = "meta.col2im"(%a, %b) <{shape = array<i64: 1, 3, 2, 2>}> : (tensor<4x1xi32>, tensor<4x2xi32>) -> tensor<1x3x2x2xi32>
          %s = "meta.store"(%y) <{from = #meta.place<buffer>}> : (tensor<1x3x2x2xi32>) -> tensor<1x3x2x2xi32>
          "func.return"(%s) : (tensor<1x3x2x2xi32>) -> ()""");
    CimResult r = run(f, Tensor.ofInts(new int[] {4, 1}, 1, 2, 3, 4),
        Tensor.ofInts(new int[] {4, 2}, 10, 20, 11, 21, 12, 22, 13, 23));
    assertArrayEquals(new int[] {1, 2, 3, 4, 10, 11, 12, 13, 20, 21, 22, 23}, r.outputs().get(0).toIntArray());
  }

  @Test
  void segmentsYieldTheirValuesAndBarriersCutPhases() throws Exception {
    Operation f = function("(tensor<2xi32>) -> tensor<2xi32>", """
        ^bb0(%x: tensor<2xi32>):
          %r = "meta.segment"() <{id = 3 : i64}> ({
            %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<2xi32>) -> tensor<2xi32>
            "meta.barrier"() : () -> ()
            %n = "meta.vector"(%l, %l) <{kind = "nn.mul"}> : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
            "meta.yield"(%n) : (tensor<2xi32>) -> ()
          }) : () -> tensor<2xi32>
          "meta.barrier"() : () -> ()
          %s = "meta.store"(%r) <{from = #meta.place<buffer>}> : (tensor<2xi32>) -> tensor<2xi32>
          "func.return"(%s) : (tensor<2xi32>) -> ()""");
    CimResult r = run(f, Tensor.ofInts(new int[] {2}, 3, -4));
    assertArrayEquals(new int[] {9, 16}, r.outputs().get(0).toIntArray());
    Schedule.SegmentTiming seg = r.schedule().segments().get(0);
    assertEquals(3, seg.id());
    assertEquals(2, seg.phases().size());
    assertEquals(0, r.chip().bufferBits(), "the segment's result was freed after the store");
  }
}

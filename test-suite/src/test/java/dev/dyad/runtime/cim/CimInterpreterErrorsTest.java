package dev.dyad.runtime.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.ir.Operation;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every runtime error of the CIM interpreter (docs/dialects/meta.md, "Chip state and the
 * interpreter's checks", and the ones docs/cim-interpreter.md adds): the exact message, at the
 * line of the op at fault (marked {@code // here}), in full and in timing-only runs alike.
 */
class CimInterpreterErrorsTest {
  private static final String W = """
        %w = "nn.constant"() <{value = dense<1> : tensor<4x2xi8>}> : () -> tensor<4x2xi8>
      """;
  private static final String LOAD_X = """
        %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
      """;
  private static final String X = "(tensor<2x4xi8>) -> ()";
  private static final String ARG = "^bb0(%x: tensor<2x4xi8>):\n";
  private static final String RET = "  \"func.return\"() : () -> ()";

  static Stream<Arguments> cases() {
    HardwareDescription chip = CimPrograms.chip();
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("an array id beyond the chip", chip, X, ARG + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 3, 8>}> : () -> () // here
        """ + RET, "'meta.switch' uses array 8, but the chip 'test-chip' has 8 arrays (0 to 7)"));
    out.add(Arguments.of("an array id beyond the chip in a place", chip, X, ARG + """
          %l = "meta.load"(%x) <{to = #meta.place<arrays = [9]>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.load' uses array 9, but the chip 'test-chip' has 8 arrays (0 to 7)"));
    out.add(Arguments.of("memory mode on a chip without it", CimPrograms.computeOnlyChip(), X, ARG + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 1>}> : () -> () // here
        """ + RET, "'meta.switch' switches arrays to memory mode, but the chip 'compute-only' is not dual-mode"));
    out.add(Arguments.of("a switch to the mode the array is in", chip, X, ARG + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 1>}> : () -> ()
          "meta.switch"() <{to = "compute", arrays = array<i64: 1, 2>}> : () -> () // here
        """ + RET, "'meta.switch' switches array 2 to compute mode, which it is in already"));
    out.add(Arguments.of("weights written into a memory-mode array", chip, X, ARG + W + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 1>}> : () -> ()
          "meta.write_weights"(%w) <{arrays = array<i64: 0, 1>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> () // here
        """ + RET, "'meta.write_weights' writes weights into array 1, which is in memory mode"));
    out.add(Arguments.of("more weight rows than an array has", chip, X, ARG + """
          %w = "nn.constant"() <{value = dense<1> : tensor<17x2xi8>}> : () -> tensor<17x2xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 17, cols = 2}> : (tensor<17x2xi8>) -> () // here
        """ + RET, "'meta.write_weights' writes 17 weight rows, but an array has 16 rows"));
    out.add(Arguments.of("more weight columns than an array has", chip, X, ARG + """
          %w = "nn.constant"() <{value = dense<1> : tensor<2x9xi8>}> : () -> tensor<2x9xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 2, cols = 9}> : (tensor<2x9xi8>) -> () // here
        """ + RET, "'meta.write_weights' writes 9 weight columns, 9 cells at 1 per weight, but an array has 8"
        + " columns"));
    out.add(Arguments.of("an mvm on a memory-mode array", chip, X, ARG + W + LOAD_X + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 3>}> : () -> ()
          %y = "meta.mvm"(%l) <{arrays = array<i64: 3>, rows = 4, cols = 2}> : (tensor<2x4xi8>) -> tensor<2x2xi32> // here
        """ + RET, "'meta.mvm' uses array 3, which is in memory mode"));
    out.add(Arguments.of("an mvm on an array without weights", chip, X, ARG + W + LOAD_X + """
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0, 2>, rows = 4, cols = 2}> : (tensor<2x4xi8>) -> tensor<2x2xi32> // here
        """ + RET, "'meta.mvm' uses array 2, which holds no weights"));
    out.add(Arguments.of("an mvm by another slice than the array holds", chip, X, ARG + W + LOAD_X + """
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0>, rows = 3, cols = 2}> : (tensor<2x4xi8>) -> tensor<2x2xi32> // here
        """ + RET, "'meta.mvm' uses array 0, which holds rows [0, 4) x cols [0, 2) of its weight, but the op"
        + " multiplies by rows [0, 3) x cols [0, 2)"));
    out.add(Arguments.of("an mvm over slices of different weights", chip, X, ARG + W + LOAD_X + """
          %v = "nn.constant"() <{value = dense<2> : tensor<4x2xi8>}> : () -> tensor<4x2xi8>
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          "meta.write_weights"(%v) <{arrays = array<i64: 1>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0, 1>, rows = 4, cols = 2}> : (tensor<2x4xi8>) -> tensor<2x2xi32> // here
        """ + RET, "'meta.mvm' uses arrays 0 and 1, which hold slices of different weights"));
    out.add(Arguments.of("an mvm input elsewhere than in_buffer", chip, X, ARG + W + LOAD_X + """
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0>, rows = 4, cols = 2, in_buffer = #meta.place<arrays = [5]>}> : (tensor<2x4xi8>) -> tensor<2x2xi32> // here
        """ + RET, "'meta.mvm' reads its input at #meta.place<arrays = [5]> (in_buffer), but the value is at"
        + " #meta.place<buffer>"));
    out.add(Arguments.of("an mvm accumulator elsewhere than out_buffer", chip,
        "(tensor<2x4xi8>, tensor<2x2xi32>) -> ()", "^bb0(%x: tensor<2x4xi8>, %a: tensor<2x2xi32>):\n" + W + LOAD_X
        + """
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          %y = "meta.mvm"(%l, %a) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<2x4xi8>, tensor<2x2xi32>) -> tensor<2x2xi32> // here
        """ + RET, "'meta.mvm' accumulates at #meta.place<buffer> (out_buffer), but %acc is at #meta.place<external>"));
    out.add(Arguments.of("f32 inputs by i8 weights", chip, "(tensor<2x4xf32>) -> ()", """
        ^bb0(%x: tensor<2x4xf32>):
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<2x4xf32>) -> tensor<2x4xf32>
        """ + W + """
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<2x4xf32>) -> tensor<2x2xf32> // here
        """ + RET, "'meta.mvm' multiplies f32 inputs by the i8 weights that array 0 holds"));
    out.add(Arguments.of("a store from elsewhere than the value is", chip, X, ARG + LOAD_X + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 2>}> : () -> ()
          %s = "meta.store"(%l) <{from = #meta.place<arrays = [2]>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.store' stores from #meta.place<arrays = [2]>, but the value is at #meta.place<buffer>"));
    out.add(Arguments.of("a read from other arrays", chip, X, ARG + LOAD_X + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 2, 3>}> : () -> ()
          %a = "meta.write"(%l) <{arrays = array<i64: 2, 3>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          %b = "meta.read"(%a) <{arrays = array<i64: 2>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.read' reads from #meta.place<arrays = [2]>, but the value is at"
        + " #meta.place<arrays = [2, 3]>"));
    out.add(Arguments.of("a move from elsewhere than the value is", chip, X, ARG + LOAD_X + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 2, 3>}> : () -> ()
          %a = "meta.mov"(%l) <{from = #meta.place<arrays = [2]>, to = #meta.place<arrays = [3]>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.mov' moves from #meta.place<arrays = [2]>, but the value is at #meta.place<buffer>"));
    out.add(Arguments.of("a load of a value already on the chip", chip, X, ARG + LOAD_X + """
          %m = "meta.load"(%l) <{to = #meta.place<buffer>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.load' loads from external memory, but the value is at #meta.place<buffer>"));
    out.add(Arguments.of("vector work on external data", chip, X, ARG + """
          %r = "meta.vector"(%x) <{kind = "nn.relu"}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.vector' needs operand #0 on the chip, but it is in external memory: meta.load it first"));
    out.add(Arguments.of("im2col of external data", chip, "(tensor<1x1x3x3xi8>) -> ()", """
        ^bb0(%x: tensor<1x1x3x3xi8>):
          %c = "meta.im2col"(%x) <{kernel_shape = array<i64: 2, 2>}> : (tensor<1x1x3x3xi8>) -> tensor<4x4xi8> // here
        """ + RET, "'meta.im2col' needs its operand on the chip, but it is in external memory: meta.load it first"));
    out.add(Arguments.of("col2im of external data", chip, "(tensor<4x1xi32>) -> ()", """
        ^bb0(%x: tensor<4x1xi32>):
          %c = "meta.col2im"(%x) <{shape = array<i64: 1, 1, 2, 2>}> : (tensor<4x1xi32>) -> tensor<1x1x2x2xi32> // here
        """ + RET, "'meta.col2im' needs operand #0 on the chip, but it is in external memory: meta.load it first"));
    out.add(Arguments.of("a write of external data", chip, X, ARG + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 2>}> : () -> ()
          %a = "meta.write"(%x) <{arrays = array<i64: 2>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.write' needs its operand on the chip, but it is in external memory: meta.load it first"));
    out.add(Arguments.of("a write of data in arrays", chip, X, ARG + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 2, 3>}> : () -> ()
          %l = "meta.load"(%x) <{to = #meta.place<arrays = [2]>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          %a = "meta.write"(%l) <{arrays = array<i64: 3>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.write' writes from the buffer, but the value is at #meta.place<arrays = [2]>: meta.mov moves"
        + " data between arrays"));
    out.add(Arguments.of("data placed on a compute-mode array", chip, X, ARG + """
          %l = "meta.load"(%x) <{to = #meta.place<arrays = [2]>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.load' places data on array 2, which is in compute mode"));
    out.add(Arguments.of("an mvm result placed on a compute-mode array", chip, X, ARG + W + LOAD_X + """
          "meta.write_weights"(%w) <{arrays = array<i64: 0>, rows = 4, cols = 2}> : (tensor<4x2xi8>) -> ()
          %y = "meta.mvm"(%l) <{arrays = array<i64: 0>, rows = 4, cols = 2, out_buffer = #meta.place<arrays = [6]>}> : (tensor<2x4xi8>) -> tensor<2x2xi32> // here
        """ + RET, "'meta.mvm' places data on array 6, which is in compute mode"));
    // 20 x 32 = 640 bits; the first load is still needed (the store uses it) when the second comes.
    out.add(Arguments.of("a memory-mode array's capacity", chip, "(tensor<20xi32>) -> ()", """
        ^bb0(%x: tensor<20xi32>):
          "meta.switch"() <{to = "memory", arrays = array<i64: 2>}> : () -> ()
          %a = "meta.load"(%x) <{to = #meta.place<arrays = [2]>}> : (tensor<20xi32>) -> tensor<20xi32>
          %b = "meta.load"(%x) <{to = #meta.place<arrays = [2]>}> : (tensor<20xi32>) -> tensor<20xi32> // here
          %s = "meta.store"(%a) <{from = #meta.place<arrays = [2]>}> : (tensor<20xi32>) -> tensor<20xi32>
        """ + RET, "'meta.load' needs 640 bits of array 2, but only 384 of its 1024 bits are free"));
    // 50 x 32 = 1600 bits: both operands (3200 bits) are live while the sum is placed.
    out.add(Arguments.of("the buffer's capacity", chip, "(tensor<50xi32>) -> ()", """
        ^bb0(%x: tensor<50xi32>):
          %a = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<50xi32>) -> tensor<50xi32>
          %b = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<50xi32>) -> tensor<50xi32>
          %c = "meta.vector"(%a, %b) <{kind = "nn.add"}> : (tensor<50xi32>, tensor<50xi32>) -> tensor<50xi32> // here
        """ + RET, "'meta.vector' needs 1600 bits of the buffer, but only 896 of its 4096 bits are free"));
    out.add(Arguments.of("data used after its arrays switched to compute mode", chip, X, ARG + """
          "meta.switch"() <{to = "memory", arrays = array<i64: 2, 3>}> : () -> ()
          %l = "meta.load"(%x) <{to = #meta.place<arrays = [2, 3]>}> : (tensor<2x4xi8>) -> tensor<2x4xi8>
          "meta.switch"() <{to = "compute", arrays = array<i64: 3>}> : () -> ()
          %s = "meta.store"(%l) <{from = #meta.place<arrays = [2, 3]>}> : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "'meta.store' uses a value whose data was lost when array 3 switched to compute mode"));
    out.add(Arguments.of("a result returned from the chip", chip, "(tensor<2x4xi8>) -> tensor<2x4xi8>", ARG + LOAD_X
        + """
          "func.return"(%l) : (tensor<2x4xi8>) -> () // here""",
        "'func.return' returns a value at #meta.place<buffer>: meta.store it to external memory first"));
    out.add(Arguments.of("vector work whose types do not fit its kind", chip, X, ARG + LOAD_X + """
          %r = "meta.vector"(%l) <{kind = "nn.relu"}> : (tensor<2x4xi8>) -> tensor<4x2xi8> // here
        """ + RET, "'meta.vector' (nn.relu) gives results of type tensor<2x4xi8> for its operands, but the op"
        + " declares tensor<4x2xi8>"));
    out.add(Arguments.of("vector work on operands its kind does not take", chip, "(tensor<4xi32>) -> ()", """
        ^bb0(%x: tensor<4xi32>):
          %l = "meta.load"(%x) <{to = #meta.place<buffer>}> : (tensor<4xi32>) -> tensor<4xi32>
          %r = "meta.vector"(%l) <{kind = "nn.relu"}> : (tensor<4xi32>) -> tensor<4xi32> // here
        """ + RET, "'meta.vector' (nn.relu): operand #0 must be statically shaped tensor of 32-bit float or 8-bit"
        + " signless integer values, but got 'tensor<4xi32>'"));
    out.add(Arguments.of("an op the interpreter does not run", chip, X, ARG + """
          %r = "nn.relu"(%x) : (tensor<2x4xi8>) -> tensor<2x4xi8> // here
        """ + RET, "the CIM interpreter cannot run 'nn.relu': lower the nn program to meta first (nn-to-cim,"
        + " cim-to-meta)"));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheErrorAtTheOp(String what, HardwareDescription chip, String signature, String body, String message)
      throws Exception {
    Operation f = CimPrograms.function(signature, body);
    int expectedLine = markedLine(body);
    for (boolean timingOnly : new boolean[] {false, true}) {
      List<Tensor> inputs = timingOnly ? List.of() : zeros(f);
      CimException e = assertThrows(CimException.class,
          () -> new CimInterpreter(chip, null, timingOnly).run(f, inputs), what);
      assertEquals(message, e.getMessage(), what + (timingOnly ? " (timing only)" : ""));
      assertEquals(expectedLine, CimPrograms.line(e), what);
    }
  }

  /** A kernel's failure is reported at the op; it needs the values, so only full runs see it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("kernelCases")
  void reportsKernelFailuresAtTheOp(String what, String message) throws Exception {
    Operation f = CimPrograms.function("(tensor<2xi32>, tensor<2xi32>) -> ()", """
        ^bb0(%a: tensor<2xi32>, %b: tensor<2xi32>):
          %la = "meta.load"(%a) <{to = #meta.place<buffer>}> : (tensor<2xi32>) -> tensor<2xi32>
          %lb = "meta.load"(%b) <{to = #meta.place<buffer>}> : (tensor<2xi32>) -> tensor<2xi32>
          %q = "meta.vector"(%la, %lb) <{kind = "nn.div"}> : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32> // here
          "func.return"() : () -> ()""");
    CimException e = assertThrows(CimException.class, () -> CimPrograms.run(f, Tensor.ofInts(new int[] {2}, 1, 2),
        Tensor.ofInts(new int[] {2}, 1, 0)));
    assertEquals(message, e.getMessage(), what);
    assertEquals(5, CimPrograms.line(e));
  }

  static Stream<Arguments> kernelCases() {
    return Stream.of(Arguments.of("integer division by zero", "'meta.vector' (nn.div): integer division by zero"));
  }

  private static int markedLine(String body) {
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// here")) {
        return i + 2; // line 1 holds the func.func
      }
    }
    throw new IllegalArgumentException("no '// here' in the case");
  }

  private static List<Tensor> zeros(Operation func) {
    List<Tensor> out = new ArrayList<>();
    for (dev.dyad.ir.Value arg : func.getRegion(0).front().getArguments()) {
      dev.dyad.ir.type.RankedTensorType t = (dev.dyad.ir.type.RankedTensorType) arg.getType();
      DType dtype = dev.dyad.runtime.reference.Tensors.dtype(t.elementType());
      out.add(Tensor.zeros(dtype, dev.dyad.runtime.reference.Tensors.shape(t)));
    }
    return out;
  }
}

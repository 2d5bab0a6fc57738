package dev.dyad.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.runtime.reference.InterpreterException;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.tensor.Tensor;
import dev.dyad.tools.Dialects;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nn reference interpreter on hand-computed programs; cim-run's lit test covers the tool. */
class NnInterpreterTest {
  @TempDir
  Path dir;

  private static Operation function(String body, String signature) {
    Context ctx = Dialects.newContext();
    String text = "\"func.func\"() <{function_type = " + signature + ", sym_name = \"main\"}> ({\n" + body
        + "\n}) : () -> ()\n";
    Operation module = Parser.parse(ctx, text, "test.cir");
    assertNotNull(module, () -> ctx.diagnostics().takeAll().toString());
    assertTrue(new Verifier(ctx).run(module), () -> ctx.diagnostics().takeAll().toString());
    return module.getRegion(0).front().front();
  }

  @Test
  void batchMatmulWithTransposedSecondOperand() throws Exception {
    // a = [[1, 2]], b^T = [[3, 4], [5, 6]] -> a x b = [[1*3 + 2*4, 1*5 + 2*6]] = [[11, 17]]
    Operation f = function("""
        ^bb0(%a: tensor<1x1x2xf32>, %b: tensor<1x2x2xf32>):
          %c = "nn.batch_matmul"(%a, %b) <{transpose_b = 1 : i64}> : (tensor<1x1x2xf32>, tensor<1x2x2xf32>) -> tensor<1x1x2xf32>
          "func.return"(%c) : (tensor<1x1x2xf32>) -> ()""",
        "(tensor<1x1x2xf32>, tensor<1x2x2xf32>) -> tensor<1x1x2xf32>");
    List<Tensor> out = new NnInterpreter(null).run(f, List.of(Tensor.ofFloats(new int[] {1, 1, 2}, 1, 2),
        Tensor.ofFloats(new int[] {1, 2, 2}, 3, 4, 5, 6)));
    assertArrayEquals(new float[] {11, 17}, out.get(0).toFloatArray());
  }

  @Test
  void splitGivesEveryResult() throws Exception {
    Operation f = function("""
        ^bb0(%x: tensor<5xi32>):
          %a, %b = "nn.split"(%x) <{axis = 0 : i64, sizes = array<i64: 2, 3>}> : (tensor<5xi32>) -> (tensor<2xi32>, tensor<3xi32>)
          "func.return"(%b, %a) : (tensor<3xi32>, tensor<2xi32>) -> ()""",
        "(tensor<5xi32>) -> (tensor<3xi32>, tensor<2xi32>)");
    List<Tensor> out = new NnInterpreter(null).run(f, List.of(Tensor.ofInts(new int[] {5}, 1, 2, 3, 4, 5)));
    assertArrayEquals(new int[] {3, 4, 5}, out.get(0).toIntArray());
    assertArrayEquals(new int[] {1, 2}, out.get(1).toIntArray());
  }

  @Test
  void weightsComeFromTheFileAtTheOffsetAndRandomOnesFromTheSeed() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(4 + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0xdeadbeef).putFloat(1.5f).putFloat(-2f);
    Files.write(dir.resolve("w.bin"), b.array());
    Operation f = function("""
          %w = "nn.constant"() <{value = #nn.weights<"w.bin", 4>}> : () -> tensor<2xf32>
          %r = "nn.constant"() <{value = #nn.random<9>}> : () -> tensor<16xi8>
          %s = "nn.constant"() <{value = #nn.random<9>}> : () -> tensor<16xi8>
          "func.return"(%w, %r, %s) : (tensor<2xf32>, tensor<16xi8>, tensor<16xi8>) -> ()""",
        "() -> (tensor<2xf32>, tensor<16xi8>, tensor<16xi8>)");
    List<Tensor> out = new NnInterpreter(dir).run(f, List.of());
    assertArrayEquals(new float[] {1.5f, -2f}, out.get(0).toFloatArray());
    assertEquals(out.get(1), out.get(2));
    InterpreterException e = assertThrows(InterpreterException.class, () -> new NnInterpreter(dir.resolve("nowhere"))
        .run(f, List.of()));
    assertTrue(e.getMessage().startsWith("cannot read weights #nn.weights<\"w.bin\", 4>"), e.getMessage());
    assertNotNull(e.location());
  }

  @Test
  void inputsAreCheckedAgainstTheSignature() {
    Operation f = function("""
        ^bb0(%x: tensor<2xf32>):
          "func.return"(%x) : (tensor<2xf32>) -> ()""", "(tensor<2xf32>) -> tensor<2xf32>");
    InterpreterException count = assertThrows(InterpreterException.class, () -> new NnInterpreter(null).run(f,
        List.of()));
    assertEquals("expected 1 inputs, got 0", count.getMessage());
    InterpreterException type = assertThrows(InterpreterException.class, () -> new NnInterpreter(null).run(f,
        List.of(Tensor.ofInts(new int[] {2}, 1, 2))));
    assertEquals("input #0 of type tensor<2xf32> got a tensor of i32[2]", type.getMessage());
  }

  @Test
  void integerDivisionByZeroIsAnErrorAtTheOp() {
    Operation f = function("""
        ^bb0(%x: tensor<2xi32>, %y: tensor<2xi32>):
          %d = "nn.div"(%x, %y) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
          "func.return"(%d) : (tensor<2xi32>) -> ()""", "(tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>");
    InterpreterException e = assertThrows(InterpreterException.class, () -> new NnInterpreter(null).run(f,
        List.of(Tensor.ofInts(new int[] {2}, 1, 2), Tensor.ofInts(new int[] {2}, 1, 0))));
    assertTrue(e.getMessage().startsWith("'nn.div': "), e.getMessage());
    assertEquals(new dev.dyad.ir.Location.FileLineCol("test.cir", 3, 8, 0, 0), e.location());
  }
}

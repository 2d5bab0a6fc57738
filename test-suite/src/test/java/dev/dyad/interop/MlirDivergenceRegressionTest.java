package dev.dyad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.tools.CimOpt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Divergences from MLIR 22 that the property and interop tests found, pinned down without
 * mlir-opt: for each input, cim-opt's exit code, output and diagnostics are exactly what
 * {@code mlir-opt-22 --allow-unregistered-dialect --mlir-print-op-generic} printed for it
 * (recorded from Debian's LLVM 22.1.8).
 */
class MlirDivergenceRegressionTest {
  record Case(String name, List<String> flags, String input, int exitCode, String stdout, String stderr) {}

  private static final List<Case> CASES = List.of(
      new Case("attribute names sort as UTF-8 bytes",
          List.of(),
          "\"xx.a\"() {\"\\EF\\BF\\BD\" = 1, \"\\F0\\9F\\98\\80\" = 2, \"\\C3\\A9\" = 3, z = 4} : () -> ()\n",
          0,
          "\"builtin.module\"() ({\n"
          + "  \"xx.a\"() {z = 4 : i64, \"\\C3\\A9\" = 3 : i64, \"\\EF\\BF\\BD\" = 1 : i64, \"\\F0\\9F\\98\\80\" = 2 : i64} : () -> ()\n"
          + "}) : () -> ()\n"
          + "\n",
          ""),
      new Case("nested fused locations flatten only with equal metadata",
          List.of("--mlir-print-debuginfo", "--mlir-print-local-scope"),
          "\"xx.a\"() : () -> () loc(fused<\"m\">[fused<\"m\">[\"a\":1:2, \"b\":3:4], \"c\":5:6])\n"
          + "\"xx.b\"() : () -> () loc(fused<\"m\">[fused[\"a\":1:2, \"b\":3:4], \"c\":5:6])\n"
          + "\"xx.c\"() : () -> () loc(fused[\"x\":1:1, unknown])\n",
          0,
          "\"builtin.module\"() ({\n"
          + "  \"xx.a\"() : () -> () loc(fused<\"m\">[\"a\":1:2, \"b\":3:4, \"c\":5:6])\n"
          + "  \"xx.b\"() : () -> () loc(fused<\"m\">[fused[\"a\":1:2, \"b\":3:4], \"c\":5:6])\n"
          + "  \"xx.c\"() : () -> () loc(\"x\":1:1)\n"
          + "}) : () -> () loc(\"<stdin>\":0:0)\n",
          ""),
      new Case("f64 hex floats keep their type in arrays",
          List.of(),
          "\"xx.a\"() {a = [0xFFF0000000000000 : f64, 0x7FF8000000000000 : f64, 1.5 : f64]} : () -> ()\n",
          0,
          "\"builtin.module\"() ({\n"
          + "  \"xx.a\"() {a = [0xFFF0000000000000 : f64, 0x7FF8000000000000 : f64, 1.500000e+00]} : () -> ()\n"
          + "}) : () -> ()\n"
          + "\n",
          ""),
      new Case("1-bit integers of any signedness print as booleans",
          List.of(),
          "\"xx.a\"() {a = dense<-1> : tensor<si1>, b = dense<[1, 0]> : tensor<2xui1>, c = sparse<[[0]], [-1]> : tensor<2xsi1>} : () -> ()\n",
          0,
          "\"builtin.module\"() ({\n"
          + "  \"xx.a\"() {a = dense<true> : tensor<si1>, b = dense<[true, false]> : tensor<2xui1>, c = sparse<0, true> : tensor<2xsi1>} : () -> ()\n"
          + "}) : () -> ()\n"
          + "\n",
          ""),
      new Case("a string typed none is untyped",
          List.of(),
          "\"xx.a\"() {a = \"s\" : none, b = [\"t\" : none]} : () -> ()\n",
          0,
          "\"builtin.module\"() ({\n"
          + "  \"xx.a\"() {a = \"s\", b = [\"t\"]} : () -> ()\n"
          + "}) : () -> ()\n"
          + "\n",
          ""),
      new Case("identity layouts with symbols are dropped",
          List.of(),
          "\"xx.a\"() {a = memref<4xf32, affine_map<(d0)[s0] -> (d0)>>, b = memref<f32, affine_map<()[s0] -> ()>>} : () -> ()\n",
          0,
          "\"builtin.module\"() ({\n"
          + "  \"xx.a\"() {a = memref<4xf32>, b = memref<f32>} : () -> ()\n"
          + "}) : () -> ()\n"
          + "\n",
          ""),
      new Case("alias depth counts unaliased levels",
          List.of("--mlir-print-debuginfo"),
          "\"xx.a\"() : () -> () loc(fused<memref<2xf32, affine_map<(d0) -> (d0 + 1)>>>[\"a\":1:1, \"b\":2:2])\n"
          + "\"xx.b\"() : () -> () loc(callsite(\"c\":3:3 at \"d\":4:4))\n",
          0,
          "\"builtin.module\"() ({\n"
          + "  \"xx.a\"() : () -> () loc(#loc6)\n"
          + "  \"xx.b\"() : () -> () loc(#loc5)\n"
          + "}) : () -> () loc(#loc)\n"
          + "#loc = loc(\"<stdin>\":0:0)\n"
          + "#loc1 = loc(\"a\":1:1)\n"
          + "#loc2 = loc(\"b\":2:2)\n"
          + "#loc3 = loc(\"c\":3:3)\n"
          + "#loc4 = loc(\"d\":4:4)\n"
          + "#map = affine_map<(d0) -> (d0 + 1)>\n"
          + "#loc5 = loc(callsite(#loc3 at #loc4))\n"
          + "#loc6 = loc(fused<memref<2xf32, #map>>[#loc1, #loc2])\n"
          + "\n",
          ""),
      new Case("an i1 hex splat has one byte",
          List.of(),
          "\"xx.a\"() {a = dense<\"0xFF\"> : tensor<20xi1>, b = dense<\"0x00\"> : tensor<4294967296xi1>, c = dense<1> : tensor<9223372036854775807x2xi32>} : () -> ()\n",
          0,
          "\"builtin.module\"() ({\n"
          + "  \"xx.a\"() {a = dense<true> : tensor<20xi1>, b = dense<false> : tensor<4294967296xi1>, c = dense<1> : tensor<9223372036854775807x2xi32>} : () -> ()\n"
          + "}) : () -> ()\n"
          + "\n",
          ""),
      new Case("i1 hex data must have the packed size",
          List.of(),
          "\"xx.a\"() {a = dense<\"0x01\"> : tensor<2147483647xi1>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:15: error: elements hex data size is invalid for provided type: 'tensor<2147483647xi1>'\n"
          + "\"xx.a\"() {a = dense<\"0x01\"> : tensor<2147483647xi1>} : () -> ()\n"
          + "              ^\n"),
      new Case("vector sizes must be positive",
          List.of(),
          "\"xx.a\"() {a = vector<0x[4]xi1>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:15: error: vector types must have positive constant sizes but got 0, 4\n"
          + "\"xx.a\"() {a = vector<0x[4]xi1>} : () -> ()\n"
          + "              ^\n"),
      new Case("vector elements must be scalars",
          List.of(),
          "\"xx.a\"() {a = vector<2x!xx.t>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:15: error: failed to verify 'elementType': VectorElementTypeInterface instance\n"
          + "\"xx.a\"() {a = vector<2x!xx.t>} : () -> ()\n"
          + "              ^\n"),
      new Case("tensor elements cannot be tensors",
          List.of(),
          "\"xx.a\"() {a = tensor<2xtensor<2xi32>>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:24: error: invalid tensor element type\n"
          + "\"xx.a\"() {a = tensor<2xtensor<2xi32>>} : () -> ()\n"
          + "                       ^\n"),
      new Case("memref elements cannot be opaque types",
          List.of(),
          "\"xx.a\"() {a = memref<*x!xx.t>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:24: error: invalid memref element type\n"
          + "\"xx.a\"() {a = memref<*x!xx.t>} : () -> ()\n"
          + "                       ^\n"),
      new Case("memref affine layouts must match the rank",
          List.of(),
          "\"xx.a\"() {a = memref<2xf32, affine_map<(d0, d1) -> (d0)>>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:15: error: memref layout mismatch between rank and affine map: 1 != 2\n"
          + "\"xx.a\"() {a = memref<2xf32, affine_map<(d0, d1) -> (d0)>>} : () -> ()\n"
          + "              ^\n"),
      new Case("memref strided layouts must match the rank",
          List.of(),
          "\"xx.a\"() {a = memref<2xf32, strided<[1, 1]>>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:15: error: expected the number of strides to match the rank\n"
          + "\"xx.a\"() {a = memref<2xf32, strided<[1, 1]>>} : () -> ()\n"
          + "              ^\n"),
      new Case("integer widths stop at 16777215",
          List.of(),
          "\"xx.a\"() {a = 1 : i16777216} : () -> ()\n",
          1,
          "",
          "<stdin>:1:19: error: integer bitwidth is limited to 16777215 bits\n"
          + "\"xx.a\"() {a = 1 : i16777216} : () -> ()\n"
          + "                  ^\n"),
      new Case("integer widths beyond 32 bits are invalid",
          List.of(),
          "\"xx.a\"() {a = 1 : i4294967296} : () -> ()\n",
          1,
          "",
          "<stdin>:1:19: error: invalid integer width\n"
          + "\"xx.a\"() {a = 1 : i4294967296} : () -> ()\n"
          + "                  ^\n"),
      new Case("a note at the error location shows no excerpt",
          List.of(),
          "\"builtin.module\"() ({\n"
          + "  \"func.func\"() <{function_type = (f32) -> f32, sym_name = \"helper\"}> ({\n"
          + "  ^bb0(%a: f32):\n"
          + "    \"func.return\"(%a) : (f32) -> ()\n"
          + "  }) : () -> ()\n"
          + "  \"xx.for\"() ({\n"
          + "    %0 = \"func.call\"() <{callee = @helper}> : () -> f32\n"
          + "  }) : () -> ()\n"
          + "}) : () -> ()\n",
          1,
          "",
          "<stdin>:7:10: error: 'func.call' op 'helper' does not reference a valid function\n"
          + "    %0 = \"func.call\"() <{callee = @helper}> : () -> f32\n"
          + "         ^\n"
          + "<stdin>:7:10: note: see current operation: %0 = \"func.call\"() <{callee = @helper}> : () -> f32\n"),
      new Case("signed types reject positive values with the sign bit set",
          List.of(),
          "\"xx.a\"() {a = 255 : si8} : () -> ()\n",
          1,
          "",
          "<stdin>:1:15: error: integer constant out of range for attribute\n"
          + "\"xx.a\"() {a = 255 : si8} : () -> ()\n"
          + "              ^\n"),
      new Case("minus zero is out of range",
          List.of(),
          "\"xx.a\"() {a = dense<-0> : tensor<i8>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:22: error: integer constant out of range for type\n"
          + "\"xx.a\"() {a = dense<-0> : tensor<i8>} : () -> ()\n"
          + "                     ^\n"),
      new Case("array errors point after the element",
          List.of(),
          "\"xx.a\"() {a = array<i1: 1>} : () -> ()\n",
          1,
          "",
          "<stdin>:1:26: error: expected 'true' or 'false' values for i1 type\n"
          + "\"xx.a\"() {a = array<i1: 1>} : () -> ()\n"
          + "                         ^\n"),
      new Case("a diagnostic without a file position names its location",
          List.of(),
          "\"builtin.zz\"() : () -> () loc(fused[\"q\", \"r\"])\n",
          1,
          "",
          "<unknown>:0: error: loc(fused[\"q\", \"r\"]): unregistered operation 'builtin.zz' found in dialect ('builtin') that does not allow unknown operations\n"
          + "<unknown>:0: note: loc(fused[\"q\", \"r\"]): see current operation: \"builtin.zz\"() : () -> ()\n"),
      new Case("a call site location adds called-from notes",
          List.of(),
          "\"builtin.zz\"() : () -> () loc(callsite(\"a\" at callsite(\"g\":9:10 at \"h\":1:1)))\n",
          1,
          "",
          "g:9:10: error: unregistered operation 'builtin.zz' found in dialect ('builtin') that does not allow unknown operations\n"
          + "g:9:10: note: called from\n"
          + "h:1:1: note: called from\n"
          + "g:9:10: note: see current operation: \"builtin.zz\"() : () -> ()\n"));

  @TestFactory
  Stream<DynamicTest> cimOptPrintsWhatMlirOptPrints() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      List<String> args = new ArrayList<>(List.of("--allow-unregistered-dialect", "--mlir-print-op-generic"));
      args.addAll(c.flags());
      args.add("-");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int rc = CimOpt.run(args.toArray(new String[0]), new ByteArrayInputStream(c.input().getBytes(StandardCharsets.UTF_8)),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(c.stderr(), err.toString(StandardCharsets.UTF_8), "diagnostics");
      assertEquals(c.stdout(), out.toString(StandardCharsets.UTF_8), "output");
      assertEquals(c.exitCode(), rc, "exit code");
    }));
  }
}

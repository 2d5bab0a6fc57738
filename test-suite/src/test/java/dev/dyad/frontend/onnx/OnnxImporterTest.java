package dev.dyad.frontend.onnx;

import static dev.dyad.frontend.onnx.OnnxModels.attr;
import static dev.dyad.frontend.onnx.OnnxModels.bytes;
import static dev.dyad.frontend.onnx.OnnxModels.dims;
import static dev.dyad.frontend.onnx.OnnxModels.floats;
import static dev.dyad.frontend.onnx.OnnxModels.int64s;
import static dev.dyad.frontend.onnx.OnnxModels.ints;
import static dev.dyad.frontend.onnx.OnnxModels.tensorAttr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.dialect.nn.Conv2dOp;
import dev.dyad.dialect.nn.GeluOp;
import dev.dyad.dialect.nn.LinearOp;
import dev.dyad.dialect.nn.MatmulOp;
import dev.dyad.dialect.nn.SliceOp;
import dev.dyad.dialect.nn.SoftmaxOp;
import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.onnx.Onnx.ModelProto;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.tensor.Tensor;
import dev.dyad.tools.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Translations of the ONNX importer that are easy to get wrong: each checks the nn ops the importer builds
 * and runs them with the reference interpreter against values computed here by hand.
 */
class OnnxImporterTest {

  // ---- convolution padding ------------------------------------------------------------------------------------

  @Test
  void samePaddingPutsTheOddPadAtTheEndForUpperAndAtTheBeginningForLower() {
    long[] x = {1, 1, 6, 5};
    // Height: 6 in, stride 2 -> 3 out; (3-1)*2 + 3 - 6 = 1 pad. Width: 5 in, stride 1 -> 5 out; 3 - 1 = 2 pads.
    assertArrayEquals(new long[] {0, 1, 1, 1},
        NodeTranslator.samePads(x, new long[] {3, 3}, new long[] {2, 1}, new long[] {1, 1}, true));
    assertArrayEquals(new long[] {1, 1, 0, 1},
        NodeTranslator.samePads(x, new long[] {3, 3}, new long[] {2, 1}, new long[] {1, 1}, false));
    // Dilation 2 widens a 2-tap kernel to 3 positions.
    assertArrayEquals(new long[] {1, 1, 1, 1},
        NodeTranslator.samePads(new long[] {1, 1, 4, 4}, new long[] {2, 2}, new long[] {1, 1}, new long[] {2, 2},
            true));
  }

  @Test
  void convAutoPadSameUpperAndLowerBecomeExplicitPads() throws Exception {
    float[] x = iota(25);
    float[] w = {1, 2, 3, 4};
    for (String mode : List.of("SAME_UPPER", "SAME_LOWER")) {
      ImportedModel m = importAndVerify(OnnxModels.opset(13)
          .input("x", DataType.FLOAT, 1, 1, 5, 5)
          .initializer(floats("w", dims(1, 1, 2, 2), w))
          .node("Conv", List.of("x", "w"), List.of("y"), attr("auto_pad", mode))
          .output("y", DataType.FLOAT, 1, 1, 5, 5)
          .build());
      long[] pads = new Conv2dOp(only(m, Conv2dOp.NAME)).pads();
      boolean upper = mode.equals("SAME_UPPER");
      assertArrayEquals(upper ? new long[] {0, 0, 1, 1} : new long[] {1, 1, 0, 0}, pads, mode);
      Tensor y = run(m, Tensor.ofFloats(new int[] {1, 1, 5, 5}, x)).get(0);
      int offset = upper ? 0 : -1;
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
          float expected = 0;
          for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
              int r = i + a + offset;
              int c = j + b + offset;
              if (r >= 0 && r < 5 && c >= 0 && c < 5) {
                expected += x[r * 5 + c] * w[a * 2 + b];
              }
            }
          }
          assertEquals(expected, y.floatAt(i * 5 + j), 1e-4, mode + " at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void conv1dRunsAsAHeightOneConv2dWithItsConstantWeightReshapedAtImport() throws Exception {
    float[] x = iota(14);
    float[] w = new float[18];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 5) - 2;
    }
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("x", DataType.FLOAT, 1, 2, 7)
        .initializer(floats("w", dims(3, 2, 3), w))
        .node("Conv", List.of("x", "w"), List.of("y"), ints("pads", 1, 1), ints("strides", 2))
        .output("y", DataType.FLOAT, 1, 3, 4)
        .build());
    assertEquals(List.of("nn.reshape", "nn.constant", "nn.conv2d", "nn.reshape"), opNames(m));
    Conv2dOp conv = new Conv2dOp(only(m, Conv2dOp.NAME));
    assertArrayEquals(new long[] {0, 1, 0, 1}, conv.pads());
    assertArrayEquals(new long[] {1, 2}, conv.strides());
    assertEquals(List.of(3L, 2L, 1L, 3L), ((RankedTensorType) conv.weight().getType()).shape());
    Tensor y = run(m, Tensor.ofFloats(new int[] {1, 2, 7}, x)).get(0);
    for (int o = 0; o < 3; o++) {
      for (int p = 0; p < 4; p++) {
        float expected = 0;
        for (int c = 0; c < 2; c++) {
          for (int k = 0; k < 3; k++) {
            int i = p * 2 + k - 1;
            if (i >= 0 && i < 7) {
              expected += x[c * 7 + i] * w[(o * 2 + c) * 3 + k];
            }
          }
        }
        assertEquals(expected, y.floatAt(o * 4 + p), 1e-4);
      }
    }
  }

  // ---- Gemm ---------------------------------------------------------------------------------------------------

  @Test
  void gemmWithTransBAndAlphaIsALinearScaledThenPlusBetaC() throws Exception {
    float[] a = iota(6);
    float[] b = {1, -1, 2, 0, 3, 1, -2, 1, 1, 4, 0, -3};
    float[] c = {1, 2, 3, 4};
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("a", DataType.FLOAT, 2, 3)
        .initializer(floats("b", dims(4, 3), b))
        .initializer(floats("c", dims(4), c))
        .node("Gemm", List.of("a", "b", "c"), List.of("y"), attr("transB", 1L), attr("alpha", 0.5f),
            attr("beta", 2f))
        .output("y", DataType.FLOAT, 2, 4)
        .build());
    assertEquals(List.of("nn.linear", "nn.mul", "nn.mul", "nn.add"), opNamesWithoutConstants(m));
    assertNull(new LinearOp(only(m, LinearOp.NAME)).bias(), "alpha scales the product only, so C is no bias");
    Tensor y = run(m, Tensor.ofFloats(new int[] {2, 3}, a)).get(0);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 4; j++) {
        float dot = 0;
        for (int k = 0; k < 3; k++) {
          dot += a[i * 3 + k] * b[j * 3 + k];
        }
        assertEquals(0.5f * dot + 2 * c[j], y.floatAt(i * 4 + j), 1e-5);
      }
    }
  }

  @Test
  void gemmWithTransBAndUnitScalesTakesCAsTheLinearBias() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("a", DataType.FLOAT, 2, 3)
        .initializer(floats("b", dims(4, 3), iota(12)))
        .initializer(floats("c", dims(4), 1, 2, 3, 4))
        .node("Gemm", List.of("a", "b", "c"), List.of("y"), attr("transB", 1L))
        .output("y", DataType.FLOAT, 2, 4)
        .build());
    assertEquals(List.of("nn.linear"), opNamesWithoutConstants(m));
    assertTrue(new LinearOp(only(m, LinearOp.NAME)).bias() != null);
  }

  @Test
  void gemmWithTransposedAIsAMatmul() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("a", DataType.FLOAT, 3, 2)
        .input("b", DataType.FLOAT, 3, 4)
        .node("Gemm", List.of("a", "b"), List.of("y"), attr("transA", 1L))
        .output("y", DataType.FLOAT, 2, 4)
        .build());
    MatmulOp mm = new MatmulOp(only(m, MatmulOp.NAME));
    assertTrue(mm.transposeA() && !mm.transposeB());
  }

  @Test
  void matmulWithVectorsDropsTheDimensionsTheyAdd() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("a", DataType.FLOAT, 3)
        .input("b", DataType.FLOAT, 3, 2)
        .node("MatMul", List.of("a", "b"), List.of("y"))
        .output("y", DataType.FLOAT, 2)
        .build());
    Tensor y = run(m, Tensor.ofFloats(new int[] {3}, 1, 2, 3), Tensor.ofFloats(new int[] {3, 2}, 1, 0, 0, 1, 1, 1))
        .get(0);
    assertEquals(Tensor.ofFloats(new int[] {2}, 4, 5), y);
  }

  @Test
  void geluKeepsItsApproximationAndRejectsUnknownOnes() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(20)
        .input("x", DataType.FLOAT, 3)
        .node("Gelu", List.of("x"), List.of("y"), attr("approximate", "tanh"))
        .output("y", DataType.FLOAT, 3)
        .build());
    assertEquals("tanh", new GeluOp(only(m, GeluOp.NAME)).approximate());
    UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class, () -> importAndVerify(
        OnnxModels.opset(20)
            .input("x", DataType.FLOAT, 3)
            .node("Gelu", List.of("x"), List.of("y"), attr("approximate", "erf"))
            .output("y")
            .build()));
    assertEquals("Gelu: approximate=erf", e.reason());
  }

  // ---- Softmax ------------------------------------------------------------------------------------------------

  @Test
  void softmaxBeforeOpset13NormalisesOverTheCoercedSecondPart() throws Exception {
    ImportedModel m = importAndVerify(softmaxModel(11, 1));
    assertEquals(List.of("nn.flatten", "nn.softmax", "nn.reshape"), opNames(m));
    float[] x = new float[24];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(i);
    }
    Tensor y = run(m, Tensor.ofFloats(new int[] {2, 3, 4}, x)).get(0);
    for (int b = 0; b < 2; b++) {
      double sum = 0;
      for (int i = 0; i < 12; i++) {
        sum += Math.exp(x[b * 12 + i]);
      }
      for (int i = 0; i < 12; i++) {
        assertEquals(Math.exp(x[b * 12 + i]) / sum, y.floatAt(b * 12 + i), 1e-6);
      }
    }
  }

  @Test
  void softmaxBeforeOpset13OverTheLastAxisAndFromOpset13IsOneSoftmax() throws Exception {
    ImportedModel last = importAndVerify(softmaxModel(11, -1));
    assertEquals(List.of("nn.softmax"), opNames(last));
    assertEquals(-1, new SoftmaxOp(only(last, SoftmaxOp.NAME)).axis());
    ImportedModel modern = importAndVerify(softmaxModel(13, 1));
    assertEquals(List.of("nn.softmax"), opNames(modern));
    assertEquals(1, new SoftmaxOp(only(modern, SoftmaxOp.NAME)).axis());
  }

  private static ModelProto softmaxModel(int opset, long axis) {
    return OnnxModels.opset(opset)
        .input("x", DataType.FLOAT, 2, 3, 4)
        .node("Softmax", List.of("x"), List.of("y"), attr("axis", axis))
        .output("y", DataType.FLOAT, 2, 3, 4)
        .build();
  }

  // ---- Slice --------------------------------------------------------------------------------------------------

  @Test
  void sliceWithANegativeStepWalksBackwardsAndItsConstantParametersLeaveNoConstants() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("x", DataType.FLOAT, 2, 5)
        .initializer(int64s("starts", dims(1), 4))
        .initializer(int64s("ends", dims(1), -100))
        .initializer(int64s("axes", dims(1), -1))
        .initializer(int64s("steps", dims(1), -2))
        .node("Slice", List.of("x", "starts", "ends", "axes", "steps"), List.of("y"))
        .output("y", DataType.FLOAT, 2, 3)
        .build());
    assertEquals(List.of("nn.slice"), opNames(m));
    SliceOp s = new SliceOp(only(m, SliceOp.NAME));
    assertArrayEquals(new long[] {1}, s.axes());
    assertArrayEquals(new long[] {-2}, s.steps());
    Tensor y = run(m, Tensor.ofFloats(new int[] {2, 5}, iota(10))).get(0);
    assertEquals(Tensor.ofFloats(new int[] {2, 3}, 4, 2, 0, 9, 7, 5), y);
  }

  @Test
  void sliceBeforeOpset10TakesItsParametersFromAttributes() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(9)
        .input("x", DataType.FLOAT, 2, 5)
        .node("Slice", List.of("x"), List.of("y"), ints("starts", 0, 1), ints("ends", 1, -1))
        .output("y", DataType.FLOAT, 1, 3)
        .build());
    Tensor y = run(m, Tensor.ofFloats(new int[] {2, 5}, iota(10))).get(0);
    assertEquals(Tensor.ofFloats(new int[] {1, 3}, 1, 2, 3), y);
  }

  // ---- quantized ----------------------------------------------------------------------------------------------

  @Test
  void convIntegerZeroPointsOfUint8AreShiftedWithTheValues() throws Exception {
    int[] x = {1, 2, 3, 4, 5, 6, 7, 8, 200};
    int[] w = {1, -1, 2, 0};
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("x", DataType.UINT8, 1, 1, 3, 3)
        .initializer(bytes("w", DataType.INT8, dims(1, 1, 2, 2), w))
        .initializer(bytes("xz", DataType.UINT8, dims(), 3))
        .initializer(bytes("wz", DataType.INT8, dims(), -2))
        .node("ConvInteger", List.of("x", "w", "xz", "wz"), List.of("y"))
        .output("y", DataType.INT32, 1, 1, 2, 2)
        .build());
    Conv2dOp conv = new Conv2dOp(only(m, Conv2dOp.NAME));
    assertEquals(3 - 128, conv.inputZeroPoint());
    assertEquals(-2, conv.weightZeroPoint());
    OnnxTensor in = OnnxTensor.fromProto(bytes("x", DataType.UINT8, dims(1, 1, 3, 3), x));
    Tensor y = run(m, in.tensor()).get(0);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        int expected = 0;
        for (int a = 0; a < 2; a++) {
          for (int b = 0; b < 2; b++) {
            expected += (x[(i + a) * 3 + j + b] - 3) * (w[a * 2 + b] + 2);
          }
        }
        assertEquals(expected, y.intAt(i * 2 + j));
      }
    }
  }

  @Test
  void perChannelZeroPointsAreUnsupported() {
    UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class, () -> importAndVerify(
        OnnxModels.opset(13)
            .input("x", DataType.INT8, 1, 1, 3, 3)
            .initializer(bytes("w", DataType.INT8, dims(2, 1, 1, 1), 1, 2))
            .initializer(bytes("wz", DataType.INT8, dims(2), 0, 1))
            .node("ConvInteger", List.of("x", "w", "", "wz"), List.of("y"))
            .output("y")
            .build()));
    assertEquals("ConvInteger: per-channel zero point", e.reason());
  }

  @Test
  void quantizeLinearToUint8MarksTheShiftedResult() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("x", DataType.FLOAT, 4)
        .initializer(floats("s", dims(), 0.5f))
        .initializer(bytes("z", DataType.UINT8, dims(), 10))
        .node("QuantizeLinear", List.of("x", "s", "z"), List.of("y"))
        .output("y", DataType.UINT8, 4)
        .build());
    assertEquals(DataType.UINT8, m.outputs().get(0).onnxType());
    assertTrue(print(m).contains("res_attrs = [{onnx.element_type = \"uint8\"}]"), print(m));
    OnnxTensor y = m.outputs().get(0).toOnnx(run(m, Tensor.ofFloats(new int[] {4}, 0, 1, -3, 200)).get(0));
    long[] values = new long[4];
    for (int i = 0; i < 4; i++) {
      values[i] = y.onnxLongAt(i);
    }
    assertArrayEquals(new long[] {10, 12, 4, 255}, values);
  }

  // ---- LayerNormalization statistics --------------------------------------------------------------------------

  @Test
  void layerNormalizationStatisticsOutputsMatchTheirDefinitions() throws Exception {
    float[] x = {1, 2, 4, -3, 0, 0.5f};
    float epsilon = 1e-3f;
    ImportedModel m = importAndVerify(OnnxModels.opset(17)
        .input("x", DataType.FLOAT, 2, 3)
        .initializer(floats("scale", dims(3), 1, 2, 3))
        .node("LayerNormalization", List.of("x", "scale"), List.of("y", "mean", "inv"), attr("epsilon", epsilon))
        .output("y", DataType.FLOAT, 2, 3)
        .output("mean", DataType.FLOAT, 2, 1)
        .output("inv", DataType.FLOAT, 2, 1)
        .build());
    List<Tensor> out = run(m, Tensor.ofFloats(new int[] {2, 3}, x));
    for (int r = 0; r < 2; r++) {
      double mean = (x[r * 3] + x[r * 3 + 1] + x[r * 3 + 2]) / 3.0;
      double var = 0;
      for (int i = 0; i < 3; i++) {
        var += (x[r * 3 + i] - mean) * (x[r * 3 + i] - mean) / 3;
      }
      double inv = 1 / Math.sqrt(var + epsilon);
      assertEquals(mean, out.get(1).floatAt(r), 1e-6);
      assertEquals(inv, out.get(2).floatAt(r), 1e-5 * inv);
      for (int i = 0; i < 3; i++) {
        assertEquals((x[r * 3 + i] - mean) * inv * (i + 1), out.get(0).floatAt(r * 3 + i), 1e-5);
      }
    }
  }

  // ---- constants, parameters and errors -----------------------------------------------------------------------

  @Test
  void constantsBecomeNnConstantsOnlyWhereAnOpTakesThemAsOperands() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("x", DataType.FLOAT, 2, 3)
        .initializer(floats("w", dims(3, 2), iota(6)))
        .initializer(floats("unused", dims(2), 1, 2))
        .node("Constant", List.of(), List.of("shape"), tensorAttr("value", int64s("", dims(2), 4, -1)))
        .node("MatMul", List.of("x", "w"), List.of("p"))
        .node("Reshape", List.of("p", "shape"), List.of("y"))
        .output("y", DataType.FLOAT, 4, 1)
        .build());
    assertEquals(List.of("nn.constant", "nn.matmul", "nn.reshape"), opNames(m));
    assertEquals(List.of(3L, 2L), ((RankedTensorType) new ConstantOp(only(m, ConstantOp.NAME)).output().getType())
        .shape());
  }

  @Test
  void aParameterFedAsAGraphInputNamesThatInputAndCanBeFrozen() throws Exception {
    ModelProto model = OnnxModels.opset(13)
        .input("data", DataType.FLOAT, 2, 3)
        .input("shape", DataType.INT64, 2)
        .node("Reshape", List.of("data", "shape"), List.of("y"))
        .output("y", DataType.FLOAT, 3, 2)
        .build();
    UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class, () -> importAndVerify(model));
    assertEquals("Reshape: shape is not a constant", e.reason());
    assertEquals("shape", e.graphInput());
    Context ctx = Dialects.newContext();
    ImportedModel m = new OnnxImporter(ctx)
        .freeze("shape", OnnxTensor.fromProto(int64s("shape", dims(2), 3, 2))).importModel(model);
    assertTrue(Verifier.verify(ctx, m.module().op()));
    assertEquals(List.of("data"), m.inputs().stream().map(ImportedModel.Port::name).toList());
    assertEquals(Set.of("shape"), m.frozenInputs());
  }

  @Test
  void anUnsupportedNodeIsNamedWithItsOpTypeAndReason() {
    UnsupportedOnnxException named = assertThrows(UnsupportedOnnxException.class, () -> importAndVerify(
        OnnxModels.opset(13)
            .input("x", DataType.FLOAT, 2)
            .namedNode("lstm1", "LSTM", List.of("x"), List.of("y"))
            .output("y")
            .build()));
    assertEquals("LSTM: no nn translation", named.reason());
    assertEquals("node 'lstm1' (LSTM): no nn translation", named.getMessage());
    UnsupportedOnnxException unnamed = assertThrows(UnsupportedOnnxException.class, () -> importAndVerify(
        OnnxModels.opset(13)
            .input("x", DataType.FLOAT, 1, 1, 4, 4)
            .node("Relu", List.of("x"), List.of("r"))
            .node("AveragePool", List.of("r"), List.of("y"), ints("kernel_shape", 2, 2), attr("auto_pad", "FOO"))
            .output("y")
            .build()));
    assertEquals("node #1 (AveragePool): auto_pad=FOO", unnamed.getMessage());
  }

  @Test
  void dynamicDimensionsAreUnsupported() {
    UnsupportedOnnxException e = assertThrows(UnsupportedOnnxException.class, () -> importAndVerify(
        OnnxModels.opset(13)
            .dynamicInput("x", DataType.FLOAT, "batch", 3)
            .node("Relu", List.of("x"), List.of("y"))
            .output("y")
            .build()));
    assertEquals("dynamic dimension", e.reason());
    assertTrue(e.getMessage().contains("'batch' of graph input 'x'"), e.getMessage());
  }

  @Test
  void malformedGraphsAreInvalid() {
    InvalidOnnxModelException undefined = assertThrows(InvalidOnnxModelException.class, () -> importAndVerify(
        OnnxModels.opset(13)
            .input("x", DataType.FLOAT, 2)
            .node("Relu", List.of("nope"), List.of("y"))
            .output("y")
            .build()));
    assertTrue(undefined.getMessage().contains("reads 'nope'"), undefined.getMessage());
    InvalidOnnxModelException declared = assertThrows(InvalidOnnxModelException.class, () -> importAndVerify(
        OnnxModels.opset(13)
            .input("x", DataType.FLOAT, 2, 3)
            .node("Transpose", List.of("x"), List.of("y"))
            .output("y", DataType.FLOAT, 2, 3)
            .build()));
    assertEquals("graph output 'y' is declared with shape [2, 3] but computed with shape [3, 2]",
        declared.getMessage());
  }

  @Test
  void graphOutputsMayBeInputsAndInitializersDirectly() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("x", DataType.INT8, 2)
        .initializer(floats("c", dims(2), 1.5f, -2))
        .output("x", DataType.INT8, 2)
        .output("c", DataType.FLOAT, 2)
        .build());
    List<Tensor> out = run(m, Tensor.ofI8(new int[] {2}, 7, -8));
    assertEquals(Tensor.ofI8(new int[] {2}, 7, -8), out.get(0));
    assertEquals(Tensor.ofFloats(new int[] {2}, 1.5f, -2), out.get(1));
  }

  @Test
  void theModuleIsOneMainFunctionWithNamedArguments() throws Exception {
    ImportedModel m = importAndVerify(OnnxModels.opset(13)
        .input("x", DataType.FLOAT, 2)
        .node("Relu", List.of("x"), List.of("y"))
        .node("Identity", List.of("y"), List.of("z"))
        .output("z", DataType.FLOAT, 2)
        .build());
    assertEquals("""
        "builtin.module"() ({
          "func.func"() <{arg_attrs = [{onnx.name = "x"}], function_type = (tensor<2xf32>) -> tensor<2xf32>, \
        sym_name = "main"}> ({
          ^bb0(%arg0: tensor<2xf32>):
            %0 = "nn.relu"(%arg0) : (tensor<2xf32>) -> tensor<2xf32>
            %1 = "nn.reshape"(%0) : (tensor<2xf32>) -> tensor<2xf32>
            "func.return"(%1) : (tensor<2xf32>) -> ()
          }) : () -> ()
        }) : () -> ()

        """, print(m));
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private static ImportedModel importAndVerify(ModelProto model) throws OnnxImportException {
    Context ctx = Dialects.newContext();
    ImportedModel m = new OnnxImporter(ctx).importModel(model);
    assertTrue(Verifier.verify(ctx, m.module().op()), () -> ctx.diagnostics().takeAll() + "\n" + print(m));
    return m;
  }

  private static List<Tensor> run(ImportedModel m, Tensor... inputs) throws Exception {
    return new NnInterpreter(null).run(m.main().op(), List.of(inputs));
  }

  private static String print(ImportedModel m) {
    return OperationPrinter.printTopLevel(m.module().op(), PrintOptions.GENERIC);
  }

  /** The body's ops in order, without the return. */
  private static List<String> opNames(ImportedModel m) {
    List<String> names = new ArrayList<>();
    for (Operation op : m.main().entryBlock().getOperations()) {
      if (!op.getNameString().equals("func.return")) {
        names.add(op.getNameString());
      }
    }
    return names;
  }

  private static List<String> opNamesWithoutConstants(ImportedModel m) {
    return opNames(m).stream().filter(n -> !n.equals(ConstantOp.NAME)).toList();
  }

  private static Operation only(ImportedModel m, String name) {
    List<Operation> found = new ArrayList<>();
    for (Operation op : m.main().entryBlock().getOperations()) {
      if (op.getNameString().equals(name)) {
        found.add(op);
      }
    }
    assertEquals(1, found.size(), "ops named " + name);
    return found.get(0);
  }

  private static float[] iota(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return v;
  }
}

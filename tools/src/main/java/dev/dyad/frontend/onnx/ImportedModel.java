package dev.dyad.frontend.onnx;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.onnx.Onnx.TensorProto.DataType;
import dev.dyad.runtime.tensor.Tensor;
import java.util.List;
import java.util.Set;

/**
 * The result of an import: a module holding {@code func.func @main}, and how its arguments and results map to
 * the graph's inputs and outputs (by name, with their ONNX element types: a uint8 port carries shifted i8).
 *
 * @param frozenInputs the graph inputs that were fixed at import time and so are not arguments
 */
public record ImportedModel(ModuleOp module, FuncOp main, List<Port> inputs, List<Port> outputs,
    Set<String> frozenInputs) {

  /** A function argument or result: the graph value's name, its ONNX element type and its IR type. */
  public record Port(String name, DataType onnxType, RankedTensorType type) {
    /** Wraps a runtime result of this port as the ONNX value it stands for. */
    public OnnxTensor toOnnx(Tensor t) {
      return new OnnxTensor(t, onnxType);
    }
  }
}

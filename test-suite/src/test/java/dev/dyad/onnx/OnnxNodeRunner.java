package dev.dyad.onnx;

import java.util.List;

/**
 * Executes one ONNX node. The kernel-based implementation calls runtime kernels directly; a later one can
 * build the equivalent {@code nn} ops and run the {@code nn} reference interpreter instead.
 */
public interface OnnxNodeRunner {
  /**
   * @param inputs one value per node input, null where an optional input is omitted (empty name)
   * @return one value per node output (null for omitted optional outputs)
   * @throws UnsupportedOnnxException when the node cannot be expressed with the runner's operations
   */
  List<OnnxValue> run(OnnxNode node, List<OnnxValue> inputs) throws UnsupportedOnnxException;
}

package dev.dyad.frontend.onnx;

/**
 * The file is not an ONNX model, or the model breaks ONNX's own rules (a node reads a value nothing defines, a
 * graph output is never computed, a declared type contradicts the computed one).
 */
public class InvalidOnnxModelException extends OnnxImportException {
  public InvalidOnnxModelException(String message) {
    super(message);
  }
}

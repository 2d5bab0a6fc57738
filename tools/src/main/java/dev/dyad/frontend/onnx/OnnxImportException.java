package dev.dyad.frontend.onnx;

/** An ONNX model could not be imported: it is malformed, or it uses something {@code nn} cannot express. */
public abstract class OnnxImportException extends Exception {
  public OnnxImportException(String message) {
    super(message);
  }
}

package dev.dyad.onnx;

/**
 * An ONNX model uses something the kernel runner cannot express (an op, an attribute value, a dtype); the
 * conformance test reports it as a skip, grouped by {@link #reason()}.
 */
public class UnsupportedOnnxException extends Exception {
  private final String reason;

  /**
   * @param reason the grouping key, e.g. "op LSTM" or "Conv: auto_pad=SAME_UPPER"
   * @param detail what exactly was found, shown per model
   */
  public UnsupportedOnnxException(String reason, String detail) {
    super(detail == null || detail.isEmpty() ? reason : reason + " (" + detail + ")");
    this.reason = reason;
  }

  public UnsupportedOnnxException(String reason) {
    this(reason, null);
  }

  public String reason() {
    return reason;
  }
}

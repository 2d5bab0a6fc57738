package dev.dyad.frontend.onnx;

/**
 * A valid ONNX model uses something the {@code nn} dialect cannot express (an op, an attribute value, a dtype, a
 * dynamic shape). {@link #reason()} is a short grouping key ("Conv: auto_pad=FOO"); the message adds the node and
 * the details.
 */
public class UnsupportedOnnxException extends OnnxImportException {
  private final String what;
  private final String detail;
  private final String graphInput;
  private final String nodeName;
  private final String opType;

  /**
   * @param what what is not supported, without the op type ("auto_pad=FOO")
   * @param detail what exactly was found, or null
   * @param graphInput the graph input that would have to be a constant for the import to succeed, or null
   */
  public UnsupportedOnnxException(String what, String detail, String graphInput) {
    this(what, detail, graphInput, null, null);
  }

  public UnsupportedOnnxException(String what) {
    this(what, null, null);
  }

  private UnsupportedOnnxException(String what, String detail, String graphInput, String nodeName, String opType) {
    super((nodeName == null ? "" : "node " + nodeName + " (" + opType + "): ") + what
        + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
    this.what = what;
    this.detail = detail;
    this.graphInput = graphInput;
    this.nodeName = nodeName;
    this.opType = opType;
  }

  /** The same problem, attributed to a node ({@code nodeName} is quoted or a {@code #index}). */
  UnsupportedOnnxException atNode(String nodeName, String opType) {
    return new UnsupportedOnnxException(what, detail, graphInput, nodeName, opType);
  }

  /** A short key that groups models failing for the same reason: "op: what", or just "what" outside nodes. */
  public String reason() {
    return opType == null ? what : opType + ": " + what;
  }

  /**
   * The graph input that the failing node needs as an import-time constant (a Reshape's shape, a QLinearConv's
   * scale), or null. Importing again with that input frozen to a value ({@link OnnxImporter#freeze}) gets past it.
   */
  public String graphInput() {
    return graphInput;
  }

  /** The op type of the failing node, or null when the problem is not a node's. */
  public String opType() {
    return opType;
  }
}

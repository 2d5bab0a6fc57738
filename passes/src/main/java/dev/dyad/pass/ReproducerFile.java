package dev.dyad.pass;

import dev.dyad.grammar.CirLexer;
import dev.dyad.grammar.CirParser;
import dev.dyad.ir.text.StringEscapes;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * A reproducer read back: the IR text and the settings of MLIR's trailer
 *
 * <pre>
 * {-#
 *   external_resources: {
 *     mlir_reproducer: {
 *       pipeline: "builtin.module(...)",
 *       disable_threading: true,
 *       verify_each: true
 *     }
 *   }
 * #-}
 * </pre>
 *
 * @param ir the text before the trailer (line numbers unchanged)
 * @param pipeline the pipeline, or null when the file has none
 * @param verifyEach the recorded verification setting, or null
 */
public record ReproducerFile(String ir, String pipeline, Boolean verifyEach) {

  /** A malformed trailer. */
  public static final class InvalidException extends Exception {
    InvalidException(String message) {
      super(message);
    }
  }

  /** The trailer for {@code pipeline}, as MLIR writes it (threading is always off in Dyad). */
  static String trailer(String pipeline, boolean verifyEach) {
    return "{-#\n"
        + "  external_resources: {\n"
        + "    mlir_reproducer: {\n"
        + "      pipeline: " + StringEscapes.quote(pipeline) + ",\n"
        + "      disable_threading: true,\n"
        + "      verify_each: " + verifyEach + "\n"
        + "    }\n"
        + "  }\n"
        + "#-}\n";
  }

  /** Splits {@code text} into IR and a trailing {@code {-# ... #-}} block, if there is one. */
  public static ReproducerFile parse(String text) throws InvalidException {
    int begin = text.lastIndexOf("{-#");
    int end = begin < 0 ? -1 : text.indexOf("#-}", begin);
    if (end < 0 || !text.substring(end + 3).isBlank()) {
      return new ReproducerFile(text, null, null);
    }
    CirParser parser = new CirParser(new CommonTokenStream(new CirLexer(CharStreams.fromString(text.substring(begin, end + 3)))));
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    CirParser.FileMetadataContext metadata;
    try {
      metadata = parser.fileMetadata();
    } catch (ParseCancellationException e) {
      throw new InvalidException("malformed file metadata ({-# ... #-}) at the end of the file");
    }
    String pipeline = null;
    Boolean verifyEach = null;
    for (CirParser.FileMetadataEntryContext entry : metadata.fileMetadataEntry()) {
      if (!entry.key.getText().equals("external_resources")) {
        continue;
      }
      for (CirParser.ResourceGroupContext group : entry.resourceGroup()) {
        if (!group.name.getText().equals("mlir_reproducer")) {
          continue;
        }
        for (CirParser.ResourceEntryContext e : group.resourceEntry()) {
          String key = handle(e.resourceHandle());
          switch (key) {
            case "pipeline" -> pipeline = stringValue(key, e.resourceValue());
            case "verify_each" -> verifyEach = boolValue(key, e.resourceValue());
            case "disable_threading" -> boolValue(key, e.resourceValue());
            default -> throw new InvalidException("unknown 'mlir_reproducer' resource key '" + key + "'");
          }
        }
      }
    }
    return new ReproducerFile(text.substring(0, begin), pipeline, verifyEach);
  }

  private static String handle(CirParser.ResourceHandleContext h) {
    return h.STRING() != null ? StringEscapes.unquoteToString(h.STRING().getText()) : h.getText();
  }

  private static String stringValue(String key, CirParser.ResourceValueContext v) throws InvalidException {
    if (v instanceof CirParser.StringResourceValueContext s) {
      return StringEscapes.unquoteToString(s.STRING().getText());
    }
    throw new InvalidException("expected a string value for 'mlir_reproducer' key '" + key + "'");
  }

  private static boolean boolValue(String key, CirParser.ResourceValueContext v) throws InvalidException {
    if (v instanceof CirParser.BoolResourceValueContext b) {
      return b.value.getText().equals("true");
    }
    throw new InvalidException("expected a bool value for 'mlir_reproducer' key '" + key + "'");
  }
}

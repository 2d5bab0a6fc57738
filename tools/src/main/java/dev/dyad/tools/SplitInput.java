package dev.dyad.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a source buffer at {@code // -----} lines, as mlir-opt's {@code --split-input-file}
 * does. Each chunk remembers where it starts so that diagnostics keep the original file's line
 * and column numbers.
 */
public final class SplitInput {
  public static final String MARKER = "// -----";
  /** What separates the outputs of consecutive chunks, as mlir-opt writes it. */
  public static final String OUTPUT_SEPARATOR = MARKER + "\n";

  /**
   * A chunk of the buffer. {@code startLine}/{@code startColumn} (1-based) locate its first
   * character; the first chunk has no marker before it.
   */
  public record Chunk(String text, int startLine, int startColumn, boolean first) {
    /** The chunk text padded so that offsets inside it have their original line and column. */
    public String paddedText() {
      if (startLine == 1 && startColumn == 1) {
        return text;
      }
      return "\n".repeat(startLine - 1) + " ".repeat(startColumn - 1) + text;
    }
  }

  private SplitInput() {}

  public static List<Chunk> split(String buffer) {
    List<Chunk> chunks = new ArrayList<>();
    int chunkStart = 0;
    int chunkLine = 1;
    int chunkCol = 1;
    boolean first = true;
    int lineStart = 0;
    int line = 1;
    while (lineStart <= buffer.length()) {
      int nl = buffer.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? buffer.length() : nl;
      if (isMarkerLine(buffer, lineStart, lineEnd)) {
        chunks.add(new Chunk(buffer.substring(chunkStart, lineStart), chunkLine, chunkCol, first));
        first = false;
        int markerEnd = buffer.indexOf(MARKER, lineStart) + MARKER.length();
        chunkStart = markerEnd;
        chunkLine = line;
        chunkCol = markerEnd - lineStart + 1;
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
      line++;
    }
    chunks.add(new Chunk(buffer.substring(chunkStart), chunkLine, chunkCol, first));
    return chunks;
  }

  private static boolean isMarkerLine(String buffer, int start, int end) {
    String content = buffer.substring(start, end).strip();
    return content.equals(MARKER);
  }
}

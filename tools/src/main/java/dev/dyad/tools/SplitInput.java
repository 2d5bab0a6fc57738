package dev.dyad.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a source buffer at {@code // -----} markers exactly as mlir-opt's
 * {@code --split-input-file} does ({@code splitAndProcessBuffer}): the marker may appear anywhere,
 * even mid-line, and text that looks like a damaged marker ({@code // ---} not followed by two
 * more dashes) is a "near miss" that does not split but deserves a warning. Each chunk remembers
 * where it starts so that diagnostics keep the original file's line and column numbers.
 */
public final class SplitInput {
  public static final String MARKER = "// -----";
  /** What separates the outputs of consecutive chunks, as mlir-opt writes it. */
  public static final String OUTPUT_SEPARATOR = MARKER + "\n";
  /** MLIR splits at the marker minus its last two dashes, then checks for them. */
  private static final int CHECK_LEN = 2;
  private static final String SPLIT_AT = MARKER.substring(0, MARKER.length() - CHECK_LEN);

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

  /** A place that looks like a marker but is not one (1-based line and column). */
  public record NearMiss(int line, int column) {}

  /** The chunks of a buffer and the near misses found while splitting it. */
  public record Result(List<Chunk> chunks, List<NearMiss> nearMisses) {}

  private SplitInput() {}

  public static List<Chunk> split(String buffer) {
    return splitWithWarnings(buffer).chunks();
  }

  public static Result splitWithWarnings(String buffer) {
    List<Chunk> chunks = new ArrayList<>();
    List<NearMiss> nearMisses = new ArrayList<>();
    Cursor cursor = new Cursor(buffer);
    int chunkStart = 0;
    int chunkLine = 1;
    int chunkColumn = 1;
    boolean first = true;
    int from = 0;
    while (true) {
      int at = buffer.indexOf(SPLIT_AT, from);
      if (at < 0) {
        break;
      }
      int rest = at + SPLIT_AT.length();
      from = rest;
      // MLIR requires the two remaining dashes and one more character that is not '0' (its code
      // compares with '0' where '-' was surely meant; we keep its behaviour: `// ------` splits).
      boolean marker = buffer.startsWith("--", rest) && rest + CHECK_LEN < buffer.length()
          && buffer.charAt(rest + CHECK_LEN) != '0';
      if (!marker) {
        cursor.moveTo(rest);
        nearMisses.add(new NearMiss(cursor.line, cursor.column()));
        continue;
      }
      chunks.add(new Chunk(buffer.substring(chunkStart, at), chunkLine, chunkColumn, first));
      first = false;
      chunkStart = rest + CHECK_LEN;
      from = chunkStart;
      cursor.moveTo(chunkStart);
      chunkLine = cursor.line;
      chunkColumn = cursor.column();
    }
    chunks.add(new Chunk(buffer.substring(chunkStart), chunkLine, chunkColumn, first));
    return new Result(chunks, nearMisses);
  }

  /** Line and column of an offset that only moves forward, so splitting stays linear. */
  private static final class Cursor {
    final String buffer;
    int index;
    int line = 1;
    int lineStart;

    Cursor(String buffer) {
      this.buffer = buffer;
    }

    void moveTo(int target) {
      for (; index < target; index++) {
        if (buffer.charAt(index) == '\n') {
          line++;
          lineStart = index + 1;
        }
      }
    }

    int column() {
      return index - lineStart + 1;
    }
  }
}

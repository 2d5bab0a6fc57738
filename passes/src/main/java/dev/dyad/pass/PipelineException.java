package dev.dyad.pass;

import java.util.ArrayList;
import java.util.List;

/**
 * A user error in pass pipeline text: a message at an offset of the text, with optional notes.
 * {@link #render} formats it like MLIR's pipeline parser, with the text and a caret.
 */
public final class PipelineException extends Exception {
  /** The name MLIR gives the pipeline text in its diagnostics. */
  public static final String BUFFER_NAME = "MLIR Textual PassPipeline Parser";

  /** A note: a message at an offset of the same text. */
  public record Note(String message, int offset) {}

  private final int offset;
  private final List<Note> notes = new ArrayList<>();

  public PipelineException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }

  public List<Note> notes() {
    return List.copyOf(notes);
  }

  PipelineException withNote(String message, int at) {
    notes.add(new Note(message, at));
    return this;
  }

  /** {@code BUFFER:line:col: error: message}, the line of {@code text} and a caret; then the notes. */
  public String render(String text) {
    StringBuilder sb = new StringBuilder();
    renderOne(sb, text, "error", getMessage(), offset);
    for (Note n : notes) {
      renderOne(sb, text, "note", n.message(), n.offset());
    }
    return sb.toString();
  }

  private static void renderOne(StringBuilder sb, String text, String severity, String message, int offset) {
    int at = Math.max(0, Math.min(offset, text.length()));
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    int lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int column = at - lineStart + 1;
    sb.append(BUFFER_NAME).append(':').append(line).append(':').append(column).append(": ")
        .append(severity).append(": ").append(message).append('\n');
    sb.append(text, lineStart, lineEnd).append('\n');
    sb.append(" ".repeat(column - 1)).append("^\n");
  }
}

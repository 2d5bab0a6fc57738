package dev.dyad.tools;

/**
 * Finds where a source text is nested deepest, to locate a "nesting too deep" error when the
 * parser, verifier or printer runs out of stack: the exact place is lost with the stack, but the
 * deepest bracket is where the nesting becomes too much.
 */
final class Nesting {
  /** A 1-based source position. */
  record Position(int line, int column) {}

  private Nesting() {}

  /**
   * The position of the first opening bracket ({@code ( [ { <}) at the greatest bracket depth of
   * {@code text}, skipping string literals and {@code //} comments; an arrow's {@code >} closes
   * nothing. Returns 1:1 for a text without brackets.
   */
  static Position deepestPoint(String text) {
    int depth = 0;
    int maxDepth = 0;
    Position best = new Position(1, 1);
    boolean inString = false;
    boolean inComment = false;
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inComment) {
        inComment = c != '\n';
      } else if (inString) {
        if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
          col++;
        } else if (c == '"' || c == '\n') {
          // An unterminated string ends at the end of its line, as in the lexer.
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        inComment = true;
      } else if (c == '(' || c == '[' || c == '{' || c == '<') {
        depth++;
        if (depth > maxDepth) {
          maxDepth = depth;
          best = new Position(line, col);
        }
      } else if (c == ')' || c == ']' || c == '}' || (c == '>' && (i == 0 || text.charAt(i - 1) != '-'))) {
        depth = Math.max(0, depth - 1);
      }
      if (c == '\n') {
        line++;
        col = 1;
      } else if (!Character.isLowSurrogate(c)) {
        // Columns count code points, like the lexer's.
        col++;
      }
    }
    return best;
  }
}

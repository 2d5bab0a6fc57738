package dev.dyad.filecheck;

/** llvm::raw_ostream::write_escaped, for showing captured values in notes. */
final class Escapes {
  private Escapes() {
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '"' -> sb.append("\\\"");
        default -> {
          if (c >= 0x20 && c < 0x7F) {
            sb.append(c);
          } else {
            sb.append('\\').append((c >> 6) & 7).append((c >> 3) & 7).append(c & 7);
          }
        }
      }
    }
    return sb.toString();
  }
}

package dev.dyad.filecheck;

/** Bounded substring search, so scanning a small CHECK-LABEL block never reads past its end. */
final class TextSearch {
  private TextSearch() {
  }

  /** First index in [from, to - needle.length()] where {@code needle} occurs, or -1. */
  static int indexOf(String hay, String needle, int from, int to, boolean ignoreCase) {
    int n = needle.length();
    int last = to - n;
    if (n == 0) {
      return from <= to ? from : -1;
    }
    if (!ignoreCase) {
      char first = needle.charAt(0);
      for (int i = from; i <= last; i++) {
        if (hay.charAt(i) == first && hay.regionMatches(i + 1, needle, 1, n - 1)) {
          return i;
        }
      }
      return -1;
    }
    char first = lower(needle.charAt(0));
    outer:
    for (int i = from; i <= last; i++) {
      if (lower(hay.charAt(i)) != first) {
        continue;
      }
      for (int k = 1; k < n; k++) {
        if (lower(hay.charAt(i + k)) != lower(needle.charAt(k))) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** ASCII-only folding, like LLVM's StringRef::find_insensitive. */
  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}

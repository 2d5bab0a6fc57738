package dev.dyad.filecheck;

/** Levenshtein distance (insert, delete, replace all cost 1) against one fixed target string. */
final class EditDistance {
  private final String target;
  private final int[] row;

  EditDistance(String target) {
    this.target = target;
    this.row = new int[target.length() + 1];
  }

  /** Distance from {@code s[from, to)} to the target. */
  int to(String s, int from, int to) {
    int m = target.length();
    for (int j = 0; j <= m; j++) {
      row[j] = j;
    }
    for (int i = from; i < to; i++) {
      int diagonal = row[0];
      row[0] = i - from + 1;
      char c = s.charAt(i);
      for (int j = 1; j <= m; j++) {
        int above = row[j];
        int cost = c == target.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j - 1] + 1, above + 1), diagonal + cost);
        diagonal = above;
      }
    }
    return row[m];
  }
}

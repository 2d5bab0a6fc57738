package dev.dyad.ir.text;

/** TEMPORARY placeholder. */
public final class Identifiers {
  private Identifiers() {}

  public static boolean isBareIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c0 = s.charAt(0);
    if (!(Character.isLetter(c0) && c0 < 128) && c0 != '_') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '$' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  public static boolean isDialectSymbolSimpleEnoughForPrettyForm(String s) {
    if (s.isEmpty() || !(s.charAt(0) < 128 && Character.isLetter(s.charAt(0)))) {
      return false;
    }
    int i = 0;
    while (i < s.length() && (s.charAt(i) < 128 && Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
      i++;
    }
    if (i == s.length()) {
      return true;
    }
    return s.charAt(i) == '<' && s.charAt(s.length() - 1) == '>';
  }
}

package dev.dyad.ir.attr;

import java.util.Comparator;
import java.util.Objects;

/** A (name, value) entry of an attribute dictionary. */
public record NamedAttribute(String name, Attribute value) {
  /**
   * MLIR's order of dictionary entries: names compared as UTF-8 bytes (StringRef comparison), which
   * is code point order. Java's {@code String.compareTo} compares UTF-16 units and so puts
   * supplementary characters (surrogate pairs) before U+E000..U+FFFF, unlike MLIR.
   */
  public static final Comparator<NamedAttribute> BY_NAME = (a, b) -> compareNames(a.name(), b.name());

  public NamedAttribute {
    Objects.requireNonNull(name);
    Objects.requireNonNull(value);
  }

  /** Compares two names in code point (= UTF-8 byte) order. */
  public static int compareNames(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // UTF-16 order only disagrees with code point order between a surrogate (part of a
        // character above U+FFFF) and a character of the range above the surrogate block.
        if (Character.isSurrogate(x) && y >= 0xE000) {
          return 1;
        }
        if (Character.isSurrogate(y) && x >= 0xE000) {
          return -1;
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }
}

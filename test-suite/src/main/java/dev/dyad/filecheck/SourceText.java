package dev.dyad.filecheck;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A named buffer (check file, input, or command line) held as one char per byte of its UTF-8 form,
 * so that offsets, columns and regex '.' all count bytes exactly as LLVM's FileCheck does.
 */
final class SourceText {
  private final String name;
  private final String text;
  private int[] newlines;

  SourceText(String name, String byteText) {
    this.name = name;
    this.text = byteText;
  }

  String name() {
    return name;
  }

  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  /** Maps a Java string to its UTF-8 bytes, one char per byte. */
  static String toBytes(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Inverse of {@link #toBytes}; malformed sequences decode to U+FFFD. */
  static String fromBytes(String bytes) {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** 1-based line of {@code offset}: one plus the number of '\n' before it, as SourceMgr counts. */
  int lineNumber(int offset) {
    if (newlines == null) {
      newlines = indexNewlines(text);
    }
    int idx = Arrays.binarySearch(newlines, offset);
    return (idx >= 0 ? idx : -idx - 1) + 1;
  }

  /** Start of the line holding {@code offset}; lines break at '\n' or '\r' as in SourceMgr. */
  int lineStart(int offset) {
    int i = Math.min(offset, text.length());
    while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
      i--;
    }
    return i;
  }

  int lineEnd(int offset) {
    int i = Math.min(offset, text.length());
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int[] indexNewlines(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        count++;
      }
    }
    int[] result = new int[count];
    int k = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        result[k++] = i;
      }
    }
    return result;
  }
}

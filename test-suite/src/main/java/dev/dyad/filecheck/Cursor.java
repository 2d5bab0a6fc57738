package dev.dyad.filecheck;

/** A shrinking window [pos, end) of a source buffer, mirroring how FileCheck's parser slices StringRefs. */
final class Cursor {
  final SourceText src;
  int pos;
  int end;

  Cursor(SourceText src, int pos, int end) {
    this.src = src;
    this.pos = pos;
    this.end = end;
  }

  Cursor copy() {
    return new Cursor(src, pos, end);
  }

  boolean isEmpty() {
    return pos >= end;
  }

  char peek() {
    return src.text().charAt(pos);
  }

  boolean startsWith(String s) {
    return end - pos >= s.length() && src.text().startsWith(s, pos);
  }

  boolean consume(String s) {
    if (!startsWith(s)) {
      return false;
    }
    pos += s.length();
    return true;
  }

  /** Index of {@code c} relative to pos, or -1. */
  int find(char c) {
    for (int i = pos; i < end; i++) {
      if (src.text().charAt(i) == c) {
        return i - pos;
      }
    }
    return -1;
  }

  Cursor ltrim() {
    while (pos < end && isSpace(src.text().charAt(pos))) {
      pos++;
    }
    return this;
  }

  Cursor rtrim() {
    while (end > pos && isSpace(src.text().charAt(end - 1))) {
      end--;
    }
    return this;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  String text() {
    return src.text().substring(pos, end);
  }

  CheckFileError error(String message) {
    return CheckFileError.logged(src, pos, end, message);
  }
}

package dev.dyad.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A CharStream reading a String in place (ANTLR's own streams copy the input into a code point
 * buffer; for a 50 MB module that copy costs time and memory). Symbols are UTF-16 code units,
 * which the grammar only ever inspects as ASCII outside strings and comments.
 */
final class StringCharStream implements CharStream {
  private final String text;
  private final String sourceName;
  private int position;

  StringCharStream(String text, String sourceName) {
    this.text = text;
    this.sourceName = sourceName;
  }

  @Override
  public String getText(Interval interval) {
    int start = Math.max(0, interval.a);
    int stop = Math.min(interval.b, text.length() - 1);
    return start > stop ? "" : text.substring(start, stop + 1);
  }

  @Override
  public void consume() {
    if (position >= text.length()) {
      throw new IllegalStateException("cannot consume EOF");
    }
    position++;
  }

  @Override
  public int LA(int i) {
    if (i == 0) {
      return 0;
    }
    int at = i > 0 ? position + i - 1 : position + i;
    if (at < 0 || at >= text.length()) {
      return IntStream.EOF;
    }
    return text.charAt(at);
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {}

  @Override
  public int index() {
    return position;
  }

  @Override
  public void seek(int index) {
    position = Math.min(index, text.length());
  }

  @Override
  public int size() {
    return text.length();
  }

  @Override
  public String getSourceName() {
    return sourceName == null || sourceName.isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : sourceName;
  }

  @Override
  public String toString() {
    return text;
  }
}

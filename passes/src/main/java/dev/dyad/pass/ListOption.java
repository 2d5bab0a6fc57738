package dev.dyad.pass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pass option holding a list, written {@code key=a,b,c} or {@code key={a,b,c}}. Repeating the
 * key appends; the first occurrence replaces the default (as LLVM's list options do).
 */
public final class ListOption<T> extends OptionBase {
  private final OptionType<T> elementType;
  private final List<T> defaults;
  private final List<T> values;
  private boolean defaultAssigned = true;

  ListOption(String name, String description, OptionType<T> elementType, List<T> defaults) {
    super(name, description);
    this.elementType = elementType;
    this.defaults = List.copyOf(defaults);
    this.values = new ArrayList<>(defaults);
  }

  /** The current values (unmodifiable). */
  public List<T> get() {
    return Collections.unmodifiableList(values);
  }

  public void set(List<T> newValues) {
    values.clear();
    values.addAll(newValues);
    defaultAssigned = false;
  }

  @Override
  public OptionType<T> type() {
    return elementType;
  }

  @Override
  public String defaultText() {
    return defaults.isEmpty() ? "" : printValues(defaults);
  }

  @Override
  String parse(String text, boolean hasValue) {
    if (defaultAssigned) {
      values.clear();
      defaultAssigned = false;
    }
    for (String element : splitElements(unwrap(text))) {
      String unwrapped = unwrap(element);
      T parsed = elementType.parser().apply(unwrapped);
      if (parsed == null) {
        return elementType.invalidMessage(unwrapped);
      }
      values.add(parsed);
    }
    return null;
  }

  @Override
  void print(StringBuilder out) {
    // MLIR prints nothing for an empty list: an empty value would read back as one empty element.
    if (values.isEmpty()) {
      return;
    }
    out.append(name()).append('=').append(printValues(values));
  }

  private String printValues(List<T> list) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(elementType.printer().apply(list.get(i)));
    }
    return sb.append('}').toString();
  }

  /** Splits at top-level commas, skipping over (), [], {} groups and quoted text like MLIR. */
  static List<String> splitElements(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ',') {
        out.add(text.substring(start, i));
        start = i + 1;
        i++;
        continue;
      }
      i = skipGroup(text, i) + 1;
    }
    out.add(text.substring(start));
    return out;
  }

  /** The index of the end of the group starting at {@code i} (i itself when it starts none). */
  private static int skipGroup(String text, int i) {
    char c = text.charAt(i);
    char close = switch (c) {
      case '{' -> '}';
      case '(' -> ')';
      case '[' -> ']';
      case '"' -> '"';
      case '\'' -> '\'';
      default -> 0;
    };
    if (close == 0) {
      return i;
    }
    if (c == '"' || c == '\'') {
      int end = text.indexOf(c, i + 1);
      return end < 0 ? text.length() - 1 : end;
    }
    int j = i + 1;
    while (j < text.length() && text.charAt(j) != close) {
      j = skipGroup(text, j) + 1;
    }
    return Math.min(j, text.length() - 1);
  }
}

package dev.dyad.ir.attr;

import dev.dyad.ir.AsmPrinter;
import java.util.ArrayList;
import java.util.List;

/** {@code {a = 1, b}}: entries sorted by name, names unique (the caller checks for duplicates). */
public record DictionaryAttr(List<NamedAttribute> entries) implements Attribute {
  public static final DictionaryAttr EMPTY = new DictionaryAttr(List.of());

  public DictionaryAttr {
    if (!isSorted(entries)) {
      List<NamedAttribute> sorted = new ArrayList<>(entries);
      sorted.sort(NamedAttribute.BY_NAME);
      entries = List.copyOf(sorted);
    } else {
      entries = List.copyOf(entries);
    }
  }

  private static boolean isSorted(List<NamedAttribute> entries) {
    for (int i = 1; i < entries.size(); i++) {
      if (NamedAttribute.compareNames(entries.get(i - 1).name(), entries.get(i).name()) > 0) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** The value named {@code name}, or null. Binary search: entries are sorted. */
  public Attribute get(String name) {
    int lo = 0;
    int hi = entries.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = NamedAttribute.compareNames(entries.get(mid).name(), name);
      if (c == 0) {
        return entries.get(mid).value();
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  public boolean contains(String name) {
    return get(name) != null;
  }

  /** A copy with {@code name} set to {@code value} (replacing any previous value). */
  public DictionaryAttr with(String name, Attribute value) {
    List<NamedAttribute> out = new ArrayList<>(entries.size() + 1);
    for (NamedAttribute e : entries) {
      if (!e.name().equals(name)) {
        out.add(e);
      }
    }
    out.add(new NamedAttribute(name, value));
    return new DictionaryAttr(out);
  }

  /** A copy without {@code name}. */
  public DictionaryAttr without(String name) {
    if (!contains(name)) {
      return this;
    }
    List<NamedAttribute> out = new ArrayList<>(entries.size());
    for (NamedAttribute e : entries) {
      if (!e.name().equals(name)) {
        out.add(e);
      }
    }
    return new DictionaryAttr(out);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append('{');
    p.printDictionaryEntries(entries);
    p.append('}');
  }
}

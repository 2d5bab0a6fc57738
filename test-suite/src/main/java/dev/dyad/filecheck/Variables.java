package dev.dyad.filecheck;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** String and numeric variables shared by all patterns of one run; names starting with '$' are global. */
final class Variables {

  /** One numeric variable; FileCheck keeps a single object per name, so uses see the latest value. */
  static final class Numeric {
    final String name;
    final NumericFormat format;
    /** Line of the directive that first defined it; used to reject same-line uses. */
    final Integer definitionLine;
    BigInteger value;

    Numeric(String name, NumericFormat format, Integer definitionLine) {
      this.name = name;
      this.format = format;
      this.definitionLine = definitionLine;
    }
  }

  private final Map<String, String> stringValues = new HashMap<>();
  /** Names ever defined as string variables, to detect string/numeric clashes while parsing. */
  private final Set<String> stringNames = new HashSet<>();
  private final Map<String, Numeric> numerics = new HashMap<>();

  String stringValue(String name) {
    return stringValues.get(name);
  }

  void setString(String name, String value) {
    stringValues.put(name, value);
  }

  void declareString(String name) {
    stringNames.add(name);
  }

  boolean isStringName(String name) {
    return stringNames.contains(name);
  }

  Numeric numeric(String name) {
    return numerics.get(name);
  }

  /** A use before any definition creates the variable, unsigned and with no defining line, as LLVM does. */
  Numeric numericOrPlaceholder(String name) {
    return numerics.computeIfAbsent(name, n -> new Numeric(n, NumericFormat.UNSIGNED, null));
  }

  void putNumeric(Numeric variable) {
    numerics.put(variable.name, variable);
  }

  /** --enable-var-scope: forget every local (non-'$') variable at a CHECK-LABEL boundary. */
  void clearLocals() {
    stringValues.keySet().removeIf(name -> !name.startsWith("$"));
    for (Numeric n : numerics.values()) {
      if (!n.name.startsWith("$")) {
        n.value = null;
      }
    }
  }
}

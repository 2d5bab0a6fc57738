package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.text.FloatFormat;
import dev.dyad.ir.text.FloatKind;
import dev.dyad.ir.text.Identifiers;
import dev.dyad.ir.text.StringEscapes;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import dev.dyad.ir.attr.DistinctAttr;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints types, attributes and locations in MLIR syntax into a StringBuilder, substituting the
 * aliases chosen by the operation printer. Types and attributes print themselves through it.
 */
public final class AsmPrinter {
  private final StringBuilder out;
  private final Map<Attribute, String> aliases;
  /** Distinct attributes are numbered in order of first printing, as MLIR does. */
  private final Map<DistinctAttr, Integer> distinctIds = new IdentityHashMap<>();

  public AsmPrinter(StringBuilder out, Map<Attribute, String> aliases) {
    this.out = out;
    this.aliases = aliases;
  }

  /** The number under which {@code d} is printed (assigned on first use). */
  public int distinctId(DistinctAttr d) {
    return distinctIds.computeIfAbsent(d, k -> distinctIds.size());
  }

  /** Prints the body of an alias definition: {@code a} itself, with aliases for what it contains. */
  public void printAliasDefinition(Attribute a) {
    if (a instanceof Location loc) {
      printLocationInline(loc);
      return;
    }
    a.print(this);
  }

  /** {@code loc(...)} spelled out at the outermost level, with aliases for nested locations. */
  public void printLocationInline(Location loc) {
    out.append("loc(");
    printLocationBody(loc);
    out.append(')');
  }

  public AsmPrinter(StringBuilder out) {
    this(out, Map.of());
  }

  public static String toString(Type t) {
    StringBuilder sb = new StringBuilder();
    new AsmPrinter(sb).printType(t);
    return sb.toString();
  }

  public static String toString(Attribute a) {
    StringBuilder sb = new StringBuilder();
    new AsmPrinter(sb).printAttribute(a);
    return sb.toString();
  }

  public StringBuilder out() {
    return out;
  }

  public AsmPrinter append(String s) {
    out.append(s);
    return this;
  }

  public AsmPrinter append(char c) {
    out.append(c);
    return this;
  }

  public AsmPrinter append(long v) {
    out.append(v);
    return this;
  }

  public AsmPrinter printType(Type t) {
    t.print(this);
    return this;
  }

  public AsmPrinter printAttribute(Attribute a) {
    String alias = AliasState.isAliasable(a) ? aliases.get(a) : null;
    if (alias != null) {
      out.append(alias);
      return this;
    }
    a.print(this);
    return this;
  }

  /** Prints {@code a}, eliding an i64/f64 type suffix as MLIR does inside arrays. */
  public AsmPrinter printAttributeElidingDefaultType(Attribute a) {
    String alias = AliasState.isAliasable(a) ? aliases.get(a) : null;
    if (alias != null) {
      out.append(alias);
      return this;
    }
    a.printElidingDefaultType(this);
    return this;
  }

  public void printTypeList(List<Type> types) {
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      printType(types.get(i));
    }
  }

  /** Function results: bare when there is exactly one that is not itself a function type. */
  public void printFunctionResults(List<Type> results) {
    if (results.size() == 1 && !(results.get(0) instanceof FunctionType)) {
      printType(results.get(0));
      return;
    }
    out.append('(');
    printTypeList(results);
    out.append(')');
  }

  /** {@code 2x?x} for a ranked shape (each dimension followed by 'x'). */
  public void printDimensions(List<Long> shape) {
    for (long d : shape) {
      if (d == ShapedType.DYNAMIC) {
        out.append('?');
      } else {
        out.append(d);
      }
      out.append('x');
    }
  }

  public void printFloat(long bits, FloatType type) {
    FloatKind kind = FloatKind.fromMlirName(type.kind().keyword);
    if (kind == null || kind.isWide()) {
      // f80/f128 patterns do not fit the long that attributes hold (FloatFormat.formatWide
      // needs all of them): the raw bit pattern, which MLIR also accepts as a float literal.
      out.append("0x").append(Long.toHexString(bits).toUpperCase());
      return;
    }
    FloatFormat.format(bits, kind, out);
  }

  /** An f80/f128 value, from its full bit pattern. */
  public void printWideFloat(java.math.BigInteger bits, FloatType type) {
    FloatFormat.formatWide(bits, FloatKind.fromMlirName(type.kind().keyword), out);
  }

  /** A quoted, escaped string literal. */
  public void printString(String s) {
    out.append('"');
    StringEscapes.appendEscaped(s, out);
    out.append('"');
  }

  /** A quoted, escaped string literal of raw bytes (one char per byte). */
  public void printByteString(String bytes) {
    out.append('"');
    StringEscapes.appendEscaped(bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), out);
    out.append('"');
  }

  /** {@code @name}, quoted when not a bare identifier. */
  public void printSymbolName(String name) {
    Identifiers.appendSymbolReference(name, out);
  }

  public void printKeywordOrString(String s) {
    if (Identifiers.isBareIdentifier(s)) {
      out.append(s);
    } else {
      printString(s);
    }
  }

  /** {@code !dialect.body} when the body is simple enough, else {@code !dialect<body>}. */
  public void printDialectSymbol(char prefix, String dialect, String data) {
    out.append(prefix).append(dialect);
    if (Identifiers.isDialectSymbolSimpleEnoughForPrettyForm(data)) {
      out.append('.').append(data);
    } else {
      out.append('<').append(data).append('>');
    }
  }

  public void printDictionaryEntries(List<NamedAttribute> entries) {
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      NamedAttribute e = entries.get(i);
      printKeywordOrString(e.name());
      if (e.value() instanceof UnitAttr) {
        continue;
      }
      out.append(" = ");
      printAttribute(e.value());
    }
  }

  /** {@code loc(...)}, or the location's alias when it has one. */
  public void printLocation(Location loc) {
    String alias = aliases.get(loc);
    if (alias != null) {
      out.append("loc(").append(alias).append(')');
      return;
    }
    out.append("loc(");
    printLocationBody(loc);
    out.append(')');
  }

  /** A location nested in another one: its alias, or its body without {@code loc(...)}. */
  private void printNestedLocation(Location loc) {
    String alias = aliases.get(loc);
    if (alias != null) {
      out.append(alias);
      return;
    }
    printLocationBody(loc);
  }

  private void printLocationBody(Location loc) {
    if (loc instanceof Location.FileLineCol f) {
      // MLIR prints an empty file name as "-".
      printString(f.file().isEmpty() ? "-" : f.file());
      out.append(':').append(Integer.toUnsignedString(f.line())).append(':').append(Integer.toUnsignedString(f.column()));
      if (f.isRange()) {
        out.append(" to ");
        if (f.endLine() != f.line()) {
          out.append(Integer.toUnsignedString(f.endLine()));
        }
        out.append(':').append(Integer.toUnsignedString(f.endColumn()));
      }
    } else if (loc instanceof Location.Name n) {
      printString(n.name());
      if (!(n.child() instanceof Location.Unknown)) {
        out.append('(');
        printNestedLocation(n.child());
        out.append(')');
      }
    } else if (loc instanceof Location.CallSite c) {
      out.append("callsite(");
      printNestedLocation(c.callee());
      out.append(" at ");
      printNestedLocation(c.caller());
      out.append(')');
    } else if (loc instanceof Location.Fused f) {
      out.append("fused");
      if (f.metadata() != null) {
        out.append('<');
        printAttribute(f.metadata());
        out.append('>');
      }
      out.append('[');
      for (int i = 0; i < f.locations().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        printNestedLocation(f.locations().get(i));
      }
      out.append(']');
    } else {
      out.append("unknown");
    }
  }
}

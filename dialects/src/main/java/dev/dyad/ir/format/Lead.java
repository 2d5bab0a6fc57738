package dev.dyad.ir.format;

import dev.dyad.ir.Location;
import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.SymbolRefAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.ods.AttrDef;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.List;
import java.util.Set;

/**
 * The kind of token a printed element starts with, as far as optional parts of a custom form
 * care: the parser decides whether an optional attribute, operand, region, successor or type is
 * present by the next token, so an absent one must not be followed by a token it would take.
 * Both the parser ({@link #takes}) and the printer's check use these rules.
 */
public enum Lead {
  VALUE, CARET, LBRACE, LBRACKET, LPAREN, LESS, TYPE, STRING, INTEGER, FLOAT, BOOL, UNIT, SYMBOL, ARRAY, LOC,
  /** Starts an attribute of a kind not listed (a dialect attribute, an alias, {@code dense<...>}). */
  OTHER_ATTRIBUTE,
  /** A keyword or punctuation that starts nothing optional. */
  WORD;

  private static final Set<String> TYPE_WORDS = Set.of("index", "none", "complex", "tuple");
  private static final Set<String> ATTRIBUTE_WORDS = Set.of("dense", "dense_resource", "sparse", "affine_map",
      "affine_set", "strided", "distinct");

  /** What a literal of the format starts with. */
  public static Lead ofLiteral(String spelling) {
    return switch (spelling) {
      case "{" -> LBRACE;
      case "[" -> LBRACKET;
      case "(" -> LPAREN;
      case "<" -> LESS;
      case "true", "false" -> BOOL;
      case "unit" -> UNIT;
      case "array" -> ARRAY;
      case "loc" -> LOC;
      default -> {
        if (TYPE_WORDS.contains(spelling) || spelling.matches("[su]?i[0-9]+|b?f[0-9].*|tf32")) {
          yield TYPE;
        }
        yield ATTRIBUTE_WORDS.contains(spelling) ? OTHER_ATTRIBUTE : WORD;
      }
    };
  }

  public static Lead ofType(Type t) {
    return t instanceof FunctionType ? LPAREN : TYPE;
  }

  /** What attribute {@code a} starts with when printed (without its type or with it). */
  public static Lead ofAttribute(Attribute a) {
    if (a instanceof IntegerAttr i) {
      return i.isBool() ? BOOL : INTEGER;
    }
    if (a instanceof FloatAttr) {
      return FLOAT;
    }
    if (a instanceof StringAttr) {
      return STRING;
    }
    if (a instanceof UnitAttr) {
      return UNIT;
    }
    if (a instanceof ArrayAttr) {
      return LBRACKET;
    }
    if (a instanceof DictionaryAttr) {
      return LBRACE;
    }
    if (a instanceof TypeAttr t) {
      return ofType(t.type());
    }
    if (a instanceof SymbolRefAttr) {
      return SYMBOL;
    }
    if (a instanceof DenseArrayAttr) {
      return ARRAY;
    }
    if (a instanceof Location) {
      return LOC;
    }
    return OTHER_ATTRIBUTE;
  }

  /**
   * What {@code $name} of attribute {@code d} starts with when it prints {@code a}: a dense array
   * of a known element type prints stripped ({@code [1, 2]}), everything else as itself.
   */
  public static Lead ofValue(AttrDef d, Attribute a) {
    return d.constraint().arrayElementType() != null && a instanceof DenseArrayAttr ? LBRACKET : ofAttribute(a);
  }

  /** Whether a token of this kind can start an attribute. */
  public boolean startsAttribute() {
    return this != VALUE && this != CARET && this != LESS && this != WORD;
  }

  /**
   * Whether an optional attribute {@code d} takes a token of this kind: it starts an attribute
   * of a kind {@code d} can store. A location is never taken: after an op, {@code loc(...)} is
   * the op's location.
   */
  public boolean takenBy(AttrDef d) {
    if (!startsAttribute() || this == LOC) {
      return false;
    }
    if (d.constraint().arrayElementType() != null) {
      return this == LBRACKET;
    }
    Attribute sample = sample(d.constraint().valueType());
    return sample == null || d.constraint().storable(sample);
  }

  /** An attribute of the kind this token starts, or null when the kind says too little. */
  private Attribute sample(Type valueType) {
    return switch (this) {
      case INTEGER, FLOAT -> valueType instanceof FloatType ft ? new FloatAttr(0, ft)
          : valueType != null ? IntegerAttr.of(0, valueType)
          : this == INTEGER ? IntegerAttr.i64(0) : FloatAttr.f64(0);
      case BOOL -> IntegerAttr.bool(true);
      case STRING -> StringAttr.of("");
      case UNIT -> UnitAttr.INSTANCE;
      case LBRACKET -> ArrayAttr.EMPTY;
      case LBRACE -> DictionaryAttr.EMPTY;
      case SYMBOL -> new SymbolRefAttr("s", List.of());
      case ARRAY -> new DenseArrayAttr(IntegerType.I64, new long[0]);
      case TYPE, LPAREN -> new TypeAttr(IntegerType.I32);
      default -> null;
    };
  }
}

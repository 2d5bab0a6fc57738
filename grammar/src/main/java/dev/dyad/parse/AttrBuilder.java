package dev.dyad.parse;

import dev.dyad.grammar.CirParser;
import dev.dyad.grammar.CirTokens;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Location;
import dev.dyad.ir.affine.AffineExpr;
import dev.dyad.ir.affine.AffineExprs;
import dev.dyad.ir.affine.AffineMap;
import dev.dyad.ir.affine.IntegerSet;
import dev.dyad.ir.attr.AffineMapAttr;
import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DenseResourceAttr;
import dev.dyad.ir.attr.DenseStringElementsAttr;
import dev.dyad.ir.attr.SparseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.DistinctAttr;
import dev.dyad.ir.attr.ElementBits;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.IntegerSetAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.OpaqueAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.StridedLayoutAttr;
import dev.dyad.ir.attr.SymbolRefAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.text.FloatFormat;
import dev.dyad.ir.text.FloatKind;
import dev.dyad.ir.text.StringEscapes;
import dev.dyad.ir.type.ComplexType;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.MemRefType;
import dev.dyad.ir.type.NoneType;
import dev.dyad.ir.type.OpaqueType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.TupleType;
import dev.dyad.ir.type.Type;
import dev.dyad.ir.type.UnrankedMemRefType;
import dev.dyad.ir.type.UnrankedTensorType;
import dev.dyad.ir.type.VectorType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds types, attributes and locations from their parse trees, with MLIR's semantics and
 * messages: default types, range checks, dense literal shapes, affine simplification, aliases.
 */
final class AttrBuilder {
  private final SourceText src;
  final Map<String, Attribute> attributeAliases = new HashMap<>();
  final Map<String, Type> typeAliases = new HashMap<>();
  private final Map<Long, DistinctAttr> distincts = new HashMap<>();
  /** Memoised types by source text: models repeat the same few types many times. */
  private final Map<String, Type> typeCache = new HashMap<>();
  /** Types spanning more source characters than this are not cached (see nonFunctionType). */
  private static final int MAX_CACHED_TYPE_CHARS = 256;

  AttrBuilder(SourceText src) {
    this.src = src;
  }

  // ---- types ----------------------------------------------------------------------------------

  Type type(CirParser.TypeContext ctx) {
    if (ctx.functionType() != null) {
      return functionType(ctx.functionType());
    }
    return nonFunctionType(ctx.nonFunctionType());
  }

  FunctionType functionType(CirParser.FunctionTypeContext ctx) {
    List<Type> inputs = typeList(ctx.inputs);
    CirParser.FunctionResultsContext r = ctx.results;
    List<Type> results = r.typeListParens() != null ? typeList(r.typeListParens()) : List.of(nonFunctionType(r.nonFunctionType()));
    return new FunctionType(inputs, results);
  }

  List<Type> typeList(CirParser.TypeListParensContext ctx) {
    List<Type> out = new ArrayList<>(ctx.type().size());
    for (CirParser.TypeContext t : ctx.type()) {
      out.add(type(t));
    }
    return out;
  }

  Type nonFunctionType(CirParser.NonFunctionTypeContext ctx) {
    if (ctx instanceof CirParser.IntegerTypeContext c) {
      return integerType(c.INT_TYPE().getSymbol());
    }
    if (ctx instanceof CirParser.FloatTypeContext c) {
      return new FloatType(FloatType.Kind.byKeyword(c.getText()));
    }
    if (ctx instanceof CirParser.IndexTypeContext) {
      return IndexType.INSTANCE;
    }
    if (ctx instanceof CirParser.NoneTypeContext) {
      return NoneType.INSTANCE;
    }
    if (ctx instanceof CirParser.TypeAliasRefContext c) {
      String name = c.TYPE_ALIAS_ID().getText().substring(1);
      Type t = typeAliases.get(name);
      if (t == null) {
        throw src.error(c, "undefined symbol alias id '" + name + "'");
      }
      return t;
    }
    if (ctx instanceof CirParser.DialectTypeContext c) {
      return dialectType(c.symbol);
    }
    // The cache pays off for the many repeated small types of a file. Keying a large type on its
    // text would cost time quadratic in its nesting depth (getText copies every subtree at every
    // level, and each nested level asks again), so large types are built directly.
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    if (stop == null || stop.getStopIndex() - start.getStartIndex() > MAX_CACHED_TYPE_CHARS) {
      return compositeType(ctx);
    }
    String key = ctx.getText();
    Type cached = typeCache.get(key);
    if (cached != null) {
      return cached;
    }
    Type t = compositeType(ctx);
    typeCache.put(key, t);
    return t;
  }

  private Type compositeType(CirParser.NonFunctionTypeContext ctx) {
    if (ctx instanceof CirParser.ComplexTypeContext c) {
      Type elt = type(c.elementType);
      if (!(elt instanceof FloatType || elt instanceof IntegerType)) {
        throw src.error(c.elementType, "invalid element type for complex");
      }
      return new ComplexType(elt);
    }
    if (ctx instanceof CirParser.TupleTypeContext c) {
      List<Type> types = new ArrayList<>();
      for (CirParser.TypeContext t : c.type()) {
        types.add(type(t));
      }
      return new TupleType(types);
    }
    if (ctx instanceof CirParser.RankedTensorTypeContext c) {
      CirTokens.Shape shape = shape(c.TENSOR_OPEN().getSymbol());
      Type elt = elementType(c.elementType, "tensor");
      Attribute enc = c.encoding == null ? null : attribute(c.encoding);
      return new RankedTensorType(dims(shape), elt, enc);
    }
    if (ctx instanceof CirParser.UnrankedTensorTypeContext c) {
      return new UnrankedTensorType(elementType(c.elementType, "tensor"));
    }
    if (ctx instanceof CirParser.RankedMemRefTypeContext c) {
      CirTokens.Shape shape = shape(c.MEMREF_OPEN().getSymbol());
      Type elt = elementType(c.elementType, "memref");
      Attribute layout = null;
      Attribute space = null;
      for (CirParser.AttributeContext a : c.attribute()) {
        Attribute attr = attribute(a);
        boolean isLayout = attr instanceof AffineMapAttr || attr instanceof StridedLayoutAttr;
        if (isLayout && layout == null && space == null) {
          layout = attr;
        } else if (space == null) {
          space = attr;
        } else {
          throw src.error(a, "multiple memory spaces specified in memref type");
        }
      }
      List<Long> dims = dims(shape);
      // MLIR's MemRefType::verify (through getChecked, so reported at the type).
      if (layout instanceof AffineMapAttr m && m.map().numDims() != dims.size()) {
        throw src.error(c.MEMREF_OPEN(), "memref layout mismatch between rank and affine map: " + dims.size()
            + " != " + m.map().numDims());
      }
      if (layout instanceof StridedLayoutAttr st && st.strides().size() != dims.size()) {
        throw src.error(c.MEMREF_OPEN(), "expected the number of strides to match the rank");
      }
      if (layout instanceof AffineMapAttr m && m.map().isIdentity()) {
        layout = null;
      }
      return new MemRefType(dims, elt, layout, normaliseMemorySpace(space));
    }
    if (ctx instanceof CirParser.UnrankedMemRefTypeContext c) {
      Type elt = elementType(c.elementType, "memref");
      Attribute space = c.memorySpace == null ? null : attribute(c.memorySpace);
      return new UnrankedMemRefType(elt, normaliseMemorySpace(space));
    }
    if (ctx instanceof CirParser.VectorTypeContext c) {
      CirTokens.Shape shape = shape(c.VECTOR_OPEN().getSymbol());
      Type elt = elementType(c.elementType, "vector");
      List<Long> dims = dims(shape);
      List<Boolean> scalable = new ArrayList<>();
      for (int i = 0; i < dims.size(); i++) {
        if (dims.get(i) == ShapedType.DYNAMIC) {
          throw src.error(c.VECTOR_OPEN(), "expected static shape");
        }
        scalable.add(shape.scalable()[i]);
      }
      // MLIR's VectorType::verify, with its messages.
      if (dims.stream().anyMatch(d -> d <= 0)) {
        throw src.error(c.VECTOR_OPEN(), "vector types must have positive constant sizes but got "
            + String.join(", ", dims.stream().map(String::valueOf).toList()));
      }
      if (!(elt instanceof IntegerType || elt instanceof IndexType || elt instanceof FloatType)) {
        throw src.error(c.VECTOR_OPEN(), "failed to verify 'elementType': VectorElementTypeInterface instance");
      }
      return new VectorType(dims, scalable, elt);
    }
    throw new IllegalStateException("unhandled type alternative " + ctx.getClass().getSimpleName());
  }

  /** MLIR drops a memory space of integer 0 (the default space). */
  private static Attribute normaliseMemorySpace(Attribute space) {
    if (space instanceof IntegerAttr i && i.value().signum() == 0) {
      return null;
    }
    return space;
  }

  private Type elementType(CirParser.TypeContext ctx, String container) {
    Type t = type(ctx);
    boolean valid;
    if (container.equals("memref")) {
      // MLIR's MemRefType::isValidElementType: scalars, complex, vectors and memrefs (and dialect
      // types that implement MemRefElementTypeInterface, which unregistered ones do not).
      valid = t instanceof IntegerType || t instanceof IndexType || t instanceof FloatType
          || t instanceof ComplexType || t instanceof VectorType || t instanceof MemRefType
          || t instanceof UnrankedMemRefType;
    } else if (container.equals("tensor")) {
      // MLIR's TensorType::isValidElementType: no builtin function, none, tuple or shaped types
      // other than vectors.
      valid = !(t instanceof FunctionType || t instanceof NoneType || t instanceof TupleType
          || t instanceof RankedTensorType || t instanceof UnrankedTensorType || t instanceof MemRefType
          || t instanceof UnrankedMemRefType);
    } else {
      valid = !(t instanceof FunctionType || t instanceof NoneType || t instanceof TupleType);
    }
    if (!valid) {
      throw src.error(ctx, "invalid " + container + " element type");
    }
    return t;
  }

  private CirTokens.Shape shape(Token opener) {
    try {
      return CirTokens.shape(opener.getText());
    } catch (NumberFormatException e) {
      throw src.error(opener, "invalid dimension");
    }
  }

  private static List<Long> dims(CirTokens.Shape shape) {
    List<Long> out = new ArrayList<>(shape.dims().length);
    for (long d : shape.dims()) {
      out.add(d == CirTokens.DYNAMIC ? ShapedType.DYNAMIC : d);
    }
    return out;
  }

  private IntegerType integerType(Token t) {
    String text = t.getText();
    IntegerType.Signedness s = text.startsWith("si") ? IntegerType.Signedness.SIGNED
        : text.startsWith("ui") ? IntegerType.Signedness.UNSIGNED : IntegerType.Signedness.SIGNLESS;
    String digits = text.substring(s == IntegerType.Signedness.SIGNLESS ? 1 : 2);
    long width;
    try {
      width = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      width = Long.MAX_VALUE;
    }
    // MLIR reads the width as an unsigned 32-bit number first.
    if (width > 0xFFFFFFFFL) {
      throw src.error(t, "invalid integer width");
    }
    if (width > IntegerType.MAX_WIDTH) {
      throw src.error(t, "integer bitwidth is limited to " + IntegerType.MAX_WIDTH + " bits");
    }
    return new IntegerType((int) width, s);
  }

  private Type dialectType(Token symbol) {
    String[] parts = splitDialectSymbol(symbol.getText().substring(1));
    return new OpaqueType(parts[0], parts[1]);
  }

  /** {@code dialect.body} or {@code dialect<body>} into (dialect, body). */
  private static String[] splitDialectSymbol(String text) {
    int lt = text.indexOf('<');
    int dot = text.indexOf('.');
    if (dot >= 0 && (lt < 0 || dot < lt)) {
      return new String[] {text.substring(0, dot), text.substring(dot + 1)};
    }
    if (lt >= 0) {
      return new String[] {text.substring(0, lt), text.substring(lt + 1, text.length() - 1)};
    }
    return new String[] {text, ""};
  }

  // ---- attributes -----------------------------------------------------------------------------

  Attribute attribute(CirParser.AttributeContext ctx) {
    if (ctx instanceof CirParser.AttributeAliasRefContext c) {
      return aliasRef(c.name);
    }
    if (ctx instanceof CirParser.DialectAttributeContext c) {
      String[] parts = splitDialectSymbol(c.symbol.getText().substring(1));
      return new OpaqueAttr(parts[0], parts[1]);
    }
    if (ctx instanceof CirParser.IntegerAttributeContext c) {
      Type type = c.type() == null ? IntegerType.I64 : type(c.type());
      if (type instanceof FloatType ft && isHex(c.INTEGER().getSymbol())) {
        return new FloatAttr(floatFromHex(c.MINUS() != null, c.INTEGER().getSymbol(), ft), ft);
      }
      return integerAttr(c.MINUS() != null, c.INTEGER().getSymbol(), type, c);
    }
    if (ctx instanceof CirParser.FloatAttributeContext c) {
      Type type = c.type() == null ? FloatType.F64 : type(c.type());
      if (!(type instanceof FloatType ft)) {
        throw src.error(c, "floating point value not valid for specified type");
      }
      return new FloatAttr(parseFloat(c.MINUS() != null, c.FLOAT().getSymbol(), ft), ft);
    }
    if (ctx instanceof CirParser.BoolAttributeContext c) {
      return IntegerAttr.bool(c.value.getType() == CirParser.TRUE);
    }
    if (ctx instanceof CirParser.StringAttributeContext c) {
      String value = byteString(c.STRING().getSymbol());
      return new StringAttr(value, c.type() == null ? null : type(c.type()));
    }
    if (ctx instanceof CirParser.UnitAttributeContext) {
      return UnitAttr.INSTANCE;
    }
    if (ctx instanceof CirParser.ArrayAttributeContext c) {
      List<Attribute> elts = new ArrayList<>(c.attribute().size());
      for (CirParser.AttributeContext a : c.attribute()) {
        elts.add(attribute(a));
      }
      return new ArrayAttr(elts);
    }
    if (ctx instanceof CirParser.DictionaryAttributeContext c) {
      return dictionary(c.dictionary());
    }
    if (ctx instanceof CirParser.SymbolRefAttributeContext c) {
      return symbolRef(c.symbolRef());
    }
    if (ctx instanceof CirParser.TypeAttributeContext c) {
      return new TypeAttr(type(c.type()));
    }
    if (ctx instanceof CirParser.DenseElementsAttributeContext c) {
      return denseElements(c);
    }
    if (ctx instanceof CirParser.DenseArrayAttributeContext c) {
      return denseArray(c);
    }
    if (ctx instanceof CirParser.AffineMapAttributeContext c) {
      return new AffineMapAttr(affineMap(c.affineMap()));
    }
    if (ctx instanceof CirParser.IntegerSetAttributeContext c) {
      return new IntegerSetAttr(integerSet(c.integerSet()));
    }
    if (ctx instanceof CirParser.StridedLayoutAttributeContext c) {
      List<Long> strides = new ArrayList<>();
      for (CirParser.StrideOrOffsetContext s : c.strideOrOffset()) {
        if (s != c.offsetValue) {
          strides.add(strideOrOffset(s));
        }
      }
      long offset = c.offsetValue == null ? 0 : strideOrOffset(c.offsetValue);
      return new StridedLayoutAttr(offset, strides);
    }
    if (ctx instanceof CirParser.DistinctAttributeContext c) {
      long id;
      try {
        id = Long.parseLong(c.id.getText());
      } catch (NumberFormatException e) {
        throw src.error(c.id, "expected an integer identifier");
      }
      Attribute referenced = c.referenced == null ? UnitAttr.INSTANCE : attribute(c.referenced);
      DistinctAttr existing = distincts.get(id);
      if (existing != null) {
        if (!existing.referenced().equals(referenced)) {
          throw src.error(c, "referenced attribute does not match previous definition: "
              + AsmPrinter.toString(existing.referenced()));
        }
        return existing;
      }
      DistinctAttr d = new DistinctAttr(referenced);
      distincts.put(id, d);
      return d;
    }
    if (ctx instanceof CirParser.LocationAttributeContext c) {
      return location(c.location(), false);
    }
    if (ctx instanceof CirParser.DenseResourceAttributeContext c) {
      CirParser.ResourceHandleContext h = c.resourceHandle();
      String handle = h.STRING() != null ? string(h.STRING().getSymbol()) : h.getText();
      return new DenseResourceAttr(handle, staticShapedType(c.type()));
    }
    if (ctx instanceof CirParser.SparseElementsAttributeContext c) {
      return sparse(c);
    }
    throw new IllegalStateException("unhandled attribute alternative " + ctx.getClass().getSimpleName());
  }

  private Attribute aliasRef(Token name) {
    String alias = name.getText().substring(1);
    Attribute a = attributeAliases.get(alias);
    if (a == null) {
      throw src.error(name, "undefined symbol alias id '" + alias + "'");
    }
    return a;
  }

  DictionaryAttr dictionary(CirParser.DictionaryContext ctx) {
    List<NamedAttribute> entries = new ArrayList<>(ctx.dictionaryEntry().size());
    Set<String> seen = new HashSet<>();
    for (CirParser.DictionaryEntryContext e : ctx.dictionaryEntry()) {
      String name = e.name != null ? e.name.getText() : string(e.quotedName);
      if (name.isEmpty()) {
        throw src.error(e, "expected valid attribute name");
      }
      if (!seen.add(name)) {
        throw src.error(e, "duplicate key '" + name + "' in dictionary attribute");
      }
      entries.add(new NamedAttribute(name, e.value == null ? UnitAttr.INSTANCE : attribute(e.value)));
    }
    return new DictionaryAttr(entries);
  }

  private SymbolRefAttr symbolRef(CirParser.SymbolRefContext ctx) {
    List<TerminalNode> ids = ctx.SYMBOL_ID();
    String root = symbolName(ids.get(0).getSymbol());
    List<String> nested = new ArrayList<>();
    for (int i = 1; i < ids.size(); i++) {
      nested.add(symbolName(ids.get(i).getSymbol()));
    }
    return new SymbolRefAttr(root, nested);
  }

  private String symbolName(Token t) {
    String text = t.getText().substring(1);
    return text.startsWith("\"") ? StringEscapes.unquoteToString(text) : text;
  }

  /** A string literal's bytes, one char per byte (see StringAttr). */
  String byteString(Token t) {
    try {
      return new String(StringEscapes.unquote(t.getText()), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      throw src.error(t, e.getMessage());
    }
  }

  String string(Token t) {
    try {
      return StringEscapes.unquoteToString(t.getText());
    } catch (IllegalArgumentException e) {
      throw src.error(t, e.getMessage());
    }
  }

  private IntegerAttr integerAttr(boolean negative, Token literal, Type type, ParserRuleContext ctx) {
    if (type instanceof FloatType) {
      throw src.error(literal, "unexpected decimal integer literal for a floating point value")
          .note(src.at(literal), "add a trailing dot to make the literal a float");
    }
    if (!(type instanceof IntegerType || type instanceof IndexType)) {
      throw src.error(ctx, "integer literal not valid for specified type");
    }
    return new IntegerAttr(integerValue(literal, negative, type, IntegerUse.ATTRIBUTE), type);
  }

  /** Where an integer literal stands, for MLIR's wording of the errors about it. */
  private enum IntegerUse {
    ATTRIBUTE("integer constant out of range for attribute", "negative integer literal not valid for unsigned integer type"),
    ELEMENT("integer constant out of range for type", "expected unsigned integer elements, but parsed negative value"),
    ARRAY("integer constant out of range", null);

    final String outOfRange;
    /** The error for a negative literal of an unsigned type, or null when only the range counts. */
    final String negativeUnsigned;

    IntegerUse(String outOfRange, String negativeUnsigned) {
      this.outOfRange = outOfRange;
      this.negativeUnsigned = negativeUnsigned;
    }
  }

  /**
   * The value of an integer literal (negated when {@code negative}) for {@code type}, accepted
   * exactly when MLIR's buildAttributeAPInt accepts it: the magnitude must fit the width; a
   * negated value must have its sign bit set (so -0 is out of range, and -128 is the lowest
   * i8); a positive value of a signed or index type must have it clear (255 : si8 is out of
   * range, 255 : i8 is -1).
   */
  private BigInteger integerValue(Token literal, boolean negative, Type type, IntegerUse use) {
    if (negative && use.negativeUnsigned != null && type instanceof IntegerType it && it.isUnsigned()) {
      throw src.error(literal, use.negativeUnsigned);
    }
    BigInteger magnitude = parseInteger(literal, type, use);
    int width = IntegerAttr.widthOf(type);
    boolean fits;
    if (magnitude.bitLength() > width) {
      fits = false;
    } else if (width == 0) {
      fits = !negative;
    } else if (negative) {
      fits = magnitude.signum() > 0 && magnitude.compareTo(BigInteger.ONE.shiftLeft(width - 1)) <= 0;
    } else if (type instanceof IndexType || type instanceof IntegerType it && it.signedness() == IntegerType.Signedness.SIGNED) {
      fits = magnitude.bitLength() < width;
    } else {
      fits = true;
    }
    if (!fits) {
      throw error(literal, use, use.outOfRange);
    }
    return negative ? magnitude.negate() : magnitude;
  }

  /** MLIR reports errors about array<...> elements once it has read them: just after the literal. */
  private ParseError error(Token literal, IntegerUse use, String message) {
    return use == IntegerUse.ARRAY ? new ParseError(src.after(literal), message) : src.error(literal, message);
  }

  private static boolean isHex(Token literal) {
    return literal.getText().startsWith("0x");
  }

  /** A hexadecimal literal for a float type is the value's bit pattern, as in MLIR. */
  private long floatFromHex(boolean negative, Token literal, FloatType type) {
    FloatKind kind = FloatKind.fromMlirName(type.kind().keyword);
    if (kind == null) {
      throw src.error(literal, "float type '" + type.kind().keyword + "' is not supported in literals");
    }
    try {
      return FloatFormat.parse((negative ? "-" : "") + literal.getText(), kind);
    } catch (NumberFormatException e) {
      throw src.error(literal, e.getMessage());
    }
  }

  /**
   * The value of an integer literal meant for {@code type}. A literal with more digits than any
   * value of the type can have is out of range: rejecting it by its length first keeps a 10 MB
   * literal from costing minutes in BigInteger's quadratic decimal conversion.
   */
  private BigInteger parseInteger(Token literal, Type type, IntegerUse use) {
    String text = literal.getText();
    boolean hex = text.startsWith("0x");
    int start = hex ? 2 : 0;
    while (start < text.length() - 1 && text.charAt(start) == '0') {
      start++;
    }
    int digits = text.length() - start;
    int width = type instanceof IntegerType || type instanceof IndexType ? IntegerAttr.widthOf(type) : 64;
    // A width-bit value has at most ceil(width / 4) hex digits and floor(width * log10(2)) + 1
    // decimal ones; negative values need no more.
    long maxDigits = hex ? (width + 3L) / 4 : (long) (width * 0.30102999566398120) + 1;
    if (digits > Math.max(1, maxDigits)) {
      throw error(literal, use, use.outOfRange);
    }
    String body = text.substring(start);
    return hex ? new BigInteger(body, 16) : parseDecimal(body);
  }

  /**
   * Decimal text to BigInteger in time close to that of a multiplication, by splitting the text
   * in halves (BigInteger's own constructor is quadratic in the number of digits).
   */
  static BigInteger parseDecimal(String digits) {
    if (digits.length() <= 2000) {
      return new BigInteger(digits);
    }
    int half = digits.length() / 2;
    int lowDigits = digits.length() - half;
    BigInteger high = parseDecimal(digits.substring(0, half));
    BigInteger low = parseDecimal(digits.substring(half));
    return high.multiply(BigInteger.TEN.pow(lowDigits)).add(low);
  }

  private long parseFloat(boolean negative, Token literal, FloatType type) {
    FloatKind kind = FloatKind.fromMlirName(type.kind().keyword);
    if (kind == null) {
      throw src.error(literal, "float type '" + type.kind().keyword + "' is not supported in literals");
    }
    try {
      return FloatFormat.parse((negative ? "-" : "") + literal.getText(), kind);
    } catch (NumberFormatException e) {
      throw src.error(literal, e.getMessage());
    }
  }

  private long strideOrOffset(CirParser.StrideOrOffsetContext ctx) {
    if (ctx instanceof CirParser.DynamicStrideOrOffsetContext) {
      return ShapedType.DYNAMIC;
    }
    CirParser.StaticStrideOrOffsetContext c = (CirParser.StaticStrideOrOffsetContext) ctx;
    try {
      long v = Long.parseLong(c.INTEGER().getText());
      return c.MINUS() != null ? -v : v;
    } catch (NumberFormatException e) {
      throw src.error(c, "expected a 64-bit signed integer or '?'");
    }
  }

  // ---- dense elements and arrays --------------------------------------------------------------

  private DenseArrayAttr denseArray(CirParser.DenseArrayAttributeContext c) {
    Type elt = type(c.elementType);
    if (!(elt instanceof IntegerType it && it.width() <= 64 || elt instanceof FloatType ft && ft.width() <= 64)) {
      throw src.error(c.elementType, "expected integer or float type, got: " + AsmPrinter.toString(elt));
    }
    long[] bits = new long[c.arrayElement().size()];
    for (int i = 0; i < bits.length; i++) {
      CirParser.ArrayElementContext e = c.arrayElement(i);
      if (e instanceof CirParser.ArrayIntElementContext ie) {
        bits[i] = scalarFromInt(ie.MINUS() != null, ie.INTEGER().getSymbol(), elt, IntegerUse.ARRAY);
      } else if (e instanceof CirParser.ArrayFloatElementContext fe) {
        bits[i] = scalarFromFloat(fe.MINUS() != null, fe.FLOAT().getSymbol(), elt);
      } else {
        CirParser.ArrayBoolElementContext be = (CirParser.ArrayBoolElementContext) e;
        bits[i] = scalarFromBool(be.value, elt);
      }
    }
    return new DenseArrayAttr(elt, bits);
  }

  private long scalarFromInt(boolean negative, Token literal, Type elt, IntegerUse use) {
    if (elt instanceof FloatType ft && isHex(literal)) {
      return floatFromHex(negative, literal, ft);
    }
    if (elt instanceof FloatType) {
      throw src.error(literal, "expected floating-point elements, but parsed integer");
    }
    if (use == IntegerUse.ARRAY && elt instanceof IntegerType it && it.width() == 1) {
      throw error(literal, use, "expected 'true' or 'false' values for i1 type");
    }
    return integerValue(literal, negative, elt, use).longValue();
  }

  private long scalarFromFloat(boolean negative, Token literal, Type elt) {
    if (!(elt instanceof FloatType ft)) {
      throw src.error(literal, "expected integer elements, but parsed floating-point");
    }
    return parseFloat(negative, literal, ft);
  }

  private long scalarFromBool(Token value, Type elt) {
    if (!(elt instanceof IntegerType it && it.width() == 1)) {
      throw src.error(value, "expected i1 type for 'true' or 'false' values");
    }
    return value.getType() == CirParser.TRUE ? 1 : 0;
  }

  private Attribute denseElements(CirParser.DenseElementsAttributeContext c) {
    ShapedType st = staticShapedType(c.type());
    return denseLiteral(c.denseLiteral(), st, c);
  }

  private ShapedType staticShapedType(CirParser.TypeContext ctx) {
    Type t = type(ctx);
    if (!(t instanceof RankedTensorType || t instanceof VectorType || t instanceof MemRefType)) {
      throw src.error(ctx, "elements literal must be a shaped type");
    }
    ShapedType st = (ShapedType) t;
    if (!st.hasStaticShape()) {
      throw src.error(ctx, "elements literal type must have static shape");
    }
    return st;
  }

  /** Builds dense elements of type {@code st} from a literal (null for {@code dense<>}). */
  private Attribute denseLiteral(CirParser.DenseLiteralContext lit, ShapedType st, ParserRuleContext at) {
    Type elt = st.elementType();
    if (lit == null) {
      if (st.numElements() != 0) {
        throw src.error(at, "parsed zero elements, but type (" + AsmPrinter.toString(st) + ") expected at least 1");
      }
      return isNumeric(elt) ? DenseElementsAttr.get(st, new long[0]) : DenseStringElementsAttr.get(st, List.of());
    }
    List<Long> shape = new ArrayList<>();
    List<CirParser.DenseElementContext> leaves = new ArrayList<>();
    collectDense(lit, 0, shape, leaves);
    boolean isList = lit instanceof CirParser.DenseListContext;
    if (!isList && leaves.get(0) instanceof CirParser.DenseStringElementContext str && isNumeric(elt)) {
      return denseFromHex(str.STRING().getSymbol(), st, at);
    }
    if (isList && !shape.equals(st.shape())) {
      throw src.error(at, "inferred shape of elements literal ([" + shapeString(shape)
          + "]) does not match type ([" + shapeString(st.shape()) + "])");
    }
    if (!isNumeric(elt)) {
      List<String> strings = new ArrayList<>(leaves.size());
      for (CirParser.DenseElementContext e : leaves) {
        if (!(e instanceof CirParser.DenseStringElementContext str)) {
          throw src.error(e, "expected string elements for element type '" + AsmPrinter.toString(elt) + "'");
        }
        strings.add(byteString(str.STRING().getSymbol()));
      }
      return DenseStringElementsAttr.get(st, strings);
    }
    if (DenseElementsAttr.isWide(elt)) {
      BigInteger[] values = new BigInteger[leaves.size()];
      for (int i = 0; i < values.length; i++) {
        if (!(leaves.get(i) instanceof CirParser.DenseIntElementContext ie)) {
          throw src.error(leaves.get(i), "expected integer elements, but parsed something else");
        }
        values[i] = integerValue(ie.INTEGER().getSymbol(), ie.MINUS() != null, elt, IntegerUse.ELEMENT);
      }
      return DenseElementsAttr.getWide(st, values);
    }
    List<Long> scalars = new ArrayList<>();
    for (CirParser.DenseElementContext e : leaves) {
      element(e, elt, scalars);
    }
    return DenseElementsAttr.get(st, scalars.stream().mapToLong(Long::longValue).toArray());
  }

  private static boolean isNumeric(Type elt) {
    return elt instanceof IntegerType || elt instanceof IndexType || elt instanceof FloatType || elt instanceof ComplexType;
  }

  private static String shapeString(List<Long> shape) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shape.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(shape.get(i));
    }
    return sb.toString();
  }

  /** Flattens a nested literal, recording the shape it implies (checked to be rectangular). */
  private void collectDense(CirParser.DenseLiteralContext lit, int depth, List<Long> shape,
      List<CirParser.DenseElementContext> out) {
    if (lit instanceof CirParser.DenseScalarContext s) {
      if (depth < shape.size()) {
        throw src.error(lit, "tensor literal is invalid; ranks are not consistent between elements");
      }
      out.add(s.denseElement());
      return;
    }
    CirParser.DenseListContext list = (CirParser.DenseListContext) lit;
    long n = list.denseLiteral().size();
    if (depth == shape.size()) {
      shape.add(n);
    } else if (shape.get(depth) != n) {
      throw src.error(lit, "tensor literal is invalid; ranks are not consistent between elements");
    }
    for (CirParser.DenseLiteralContext child : list.denseLiteral()) {
      collectDense(child, depth + 1, shape, out);
    }
  }

  private void element(CirParser.DenseElementContext e, Type elt, List<Long> out) {
    if (elt instanceof ComplexType ct) {
      if (!(e instanceof CirParser.DenseComplexElementContext c)) {
        throw src.error(e, "expected complex element");
      }
      element(c.real, ct.elementType(), out);
      element(c.imag, ct.elementType(), out);
      return;
    }
    if (e instanceof CirParser.DenseIntElementContext i) {
      out.add(scalarFromInt(i.MINUS() != null, i.INTEGER().getSymbol(), elt, IntegerUse.ELEMENT));
    } else if (e instanceof CirParser.DenseFloatElementContext f) {
      out.add(scalarFromFloat(f.MINUS() != null, f.FLOAT().getSymbol(), elt));
    } else if (e instanceof CirParser.DenseBoolElementContext b) {
      out.add(scalarFromBool(b.value, elt));
    } else if (e instanceof CirParser.DenseStringElementContext s) {
      throw src.error(s, "expected non-string elements for a '" + AsmPrinter.toString(elt) + "' element type");
    } else {
      throw src.error(e, "unexpected complex element for a non-complex element type");
    }
  }

  /** {@code sparse<indices, values> : type}. */
  private Attribute sparse(CirParser.SparseElementsAttributeContext c) {
    ShapedType st = staticShapedType(c.type());
    if (c.indices == null) {
      RankedTensorType idxType = new RankedTensorType(List.of(0L, (long) st.rank()), IntegerType.I64);
      RankedTensorType valType = new RankedTensorType(List.of(0L), st.elementType());
      Attribute values = isNumeric(st.elementType()) ? DenseElementsAttr.get(valType, new long[0])
          : DenseStringElementsAttr.get(valType, List.of());
      return new SparseElementsAttr(st, DenseElementsAttr.get(idxType, new long[0]), values);
    }
    List<Long> idxShape = new ArrayList<>();
    collectDense(c.indices, 0, idxShape, new ArrayList<>());
    List<Long> valShape = new ArrayList<>();
    collectDense(c.values, 0, valShape, new ArrayList<>());
    RankedTensorType idxType = new RankedTensorType(
        c.indices instanceof CirParser.DenseListContext ? idxShape : List.of(1L, (long) st.rank()), IntegerType.I64);
    RankedTensorType valType = new RankedTensorType(
        c.values instanceof CirParser.DenseListContext ? valShape : List.of(1L), st.elementType());
    Attribute indices = denseLiteral(c.indices, idxType, c);
    if (!(indices instanceof DenseElementsAttr idx)) {
      throw src.error(c.indices, "expected integer indices");
    }
    return new SparseElementsAttr(st, idx, denseLiteral(c.values, valType, c));
  }

  /** {@code dense<"0x...">}: MLIR's raw little-endian storage (i1 bit-packed), or one splat element. */
  private ParseError hexSizeError(ParserRuleContext at, ShapedType type) {
    return src.error(at, "elements hex data size is invalid for provided type: '" + AsmPrinter.toString(type) + "'");
  }

  private DenseElementsAttr denseFromHex(Token str, ShapedType type, ParserRuleContext at) {
    String text = string(str);
    if (!text.startsWith("0x")) {
      throw src.error(str, "expected hex string of the form \"0x...\"");
    }
    String hex = text.substring(2);
    if (hex.length() % 2 != 0 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      throw src.error(str, "expected hex string of the form \"0x...\"");
    }
    byte[] raw = new byte[hex.length() / 2];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
    }
    Type scalar = DenseElementsAttr.scalarType(type.elementType());
    int per = DenseElementsAttr.scalarsPerElement(type.elementType());
    long elements = type.numElements();
    long n = elements > Long.MAX_VALUE / per ? Long.MAX_VALUE : elements * per;
    int width = ElementBits.width(scalar);
    if (width == 1) {
      // MLIR's isValidRawBuffer for i1: a single byte of all zeros or all ones is a splat;
      // otherwise the bits are packed eight to a byte and the size must match exactly. Sizes
      // are checked before anything is allocated: the type may have billions of elements.
      if (raw.length == 1 && (raw[0] == 0 || raw[0] == (byte) 0xFF)) {
        long[] splat = new long[per];
        Arrays.fill(splat, raw[0] == 0 ? 0 : 1);
        return DenseElementsAttr.get(type, splat);
      }
      if (raw.length != n / 8 + (n % 8 == 0 ? 0 : 1)) {
        throw hexSizeError(at, type);
      }
      long[] bits = new long[(int) n];
      for (int i = 0; i < n; i++) {
        bits[i] = (raw[i / 8] >> (i % 8)) & 1;
      }
      return DenseElementsAttr.get(type, bits);
    }
    int bytes = (width + 7) / 8;
    long count = raw.length / bytes;
    if (raw.length % bytes != 0 || (count != n && count != per)) {
      throw hexSizeError(at, type);
    }
    long[] bits = new long[(int) count];
    for (int i = 0; i < count; i++) {
      long v = 0;
      for (int b = 0; b < bytes; b++) {
        v |= (raw[i * bytes + b] & 0xFFL) << (8 * b);
      }
      bits[i] = v;
    }
    return DenseElementsAttr.get(type, bits);
  }

  // ---- affine ---------------------------------------------------------------------------------

  private AffineMap affineMap(CirParser.AffineMapContext ctx) {
    Map<String, AffineExpr> ids = affineIds(ctx.dims, ctx.symbols);
    List<AffineExpr> results = new ArrayList<>();
    for (CirParser.AffineExprContext e : ctx.affineExpr()) {
      results.add(affineExpr(e, ids));
    }
    int numSymbols = ctx.symbols == null ? 0 : ctx.symbols.bareId().size();
    return new AffineMap(ctx.dims.bareId().size(), numSymbols, results);
  }

  private IntegerSet integerSet(CirParser.IntegerSetContext ctx) {
    Map<String, AffineExpr> ids = affineIds(ctx.dims, ctx.symbols);
    List<AffineExpr> constraints = new ArrayList<>();
    List<Boolean> eq = new ArrayList<>();
    for (CirParser.AffineConstraintContext c : ctx.affineConstraint()) {
      AffineExpr lhs = affineExpr(c.lhs, ids);
      AffineExpr rhs = affineExpr(c.rhs, ids);
      int rel = c.relation.getType();
      if (rel == CirParser.LESS) {
        constraints.add(AffineExprs.le(lhs, rhs));
      } else if (rel == CirParser.EQUAL) {
        constraints.add(AffineExprs.eq(lhs, rhs));
      } else {
        constraints.add(AffineExprs.ge(lhs, rhs));
      }
      eq.add(rel == CirParser.EQUAL);
    }
    int numSymbols = ctx.symbols == null ? 0 : ctx.symbols.bareId().size();
    if (constraints.isEmpty()) {
      return IntegerSet.unconstrained(ctx.dims.bareId().size(), numSymbols);
    }
    return new IntegerSet(ctx.dims.bareId().size(), numSymbols, constraints, eq);
  }

  private Map<String, AffineExpr> affineIds(CirParser.AffineDimListContext dims, CirParser.AffineSymbolListContext symbols) {
    Map<String, AffineExpr> ids = new HashMap<>();
    int i = 0;
    for (CirParser.BareIdContext d : dims.bareId()) {
      if (ids.put(d.getText(), AffineExprs.dim(i++)) != null) {
        throw src.error(d, "redefinition of identifier '" + d.getText() + "'");
      }
    }
    if (symbols != null) {
      i = 0;
      for (CirParser.BareIdContext s : symbols.bareId()) {
        if (ids.put(s.getText(), AffineExprs.symbol(i++)) != null) {
          throw src.error(s, "redefinition of identifier '" + s.getText() + "'");
        }
      }
    }
    return ids;
  }

  private AffineExpr affineExpr(CirParser.AffineExprContext ctx, Map<String, AffineExpr> ids) {
    if (ctx instanceof CirParser.AffineConstExprContext c) {
      try {
        return AffineExprs.constant(Long.parseLong(c.INTEGER().getText()));
      } catch (NumberFormatException e) {
        throw src.error(c, "constant too large for index");
      }
    }
    if (ctx instanceof CirParser.AffineIdExprContext c) {
      AffineExpr e = ids.get(c.getText());
      if (e == null) {
        throw src.error(c, "use of undeclared identifier");
      }
      return e;
    }
    if (ctx instanceof CirParser.AffineParenExprContext c) {
      return affineExpr(c.affineExpr(), ids);
    }
    if (ctx instanceof CirParser.AffineNegExprContext c) {
      return AffineExprs.neg(affineExpr(c.operand, ids));
    }
    if (ctx instanceof CirParser.AffineAddExprContext c) {
      AffineExpr lhs = affineExpr(c.lhs, ids);
      AffineExpr rhs = affineExpr(c.rhs, ids);
      return c.op.getType() == CirParser.PLUS ? AffineExprs.add(lhs, rhs) : AffineExprs.sub(lhs, rhs);
    }
    CirParser.AffineMulExprContext c = (CirParser.AffineMulExprContext) ctx;
    AffineExpr lhs = affineExpr(c.lhs, ids);
    AffineExpr rhs = affineExpr(c.rhs, ids);
    int op = c.op.getType();
    AffineExpr.Kind kind = op == CirParser.STAR ? AffineExpr.Kind.MUL
        : op == CirParser.FLOORDIV ? AffineExpr.Kind.FLOOR_DIV
        : op == CirParser.CEILDIV ? AffineExpr.Kind.CEIL_DIV : AffineExpr.Kind.MOD;
    String nonAffine = AffineExprs.nonAffineError(kind, lhs, rhs);
    if (nonAffine != null) {
      throw src.error(c.op, nonAffine);
    }
    return AffineExprs.binary(kind, lhs, rhs);
  }

  // ---- locations ------------------------------------------------------------------------------

  /** Marker for a whole-location alias reference resolved at the end of the file. */
  record PendingLocation(String alias, Token at) {}

  /**
   * Builds a location. Aliases must already be defined unless {@code allowForward} (the whole
   * trailing location of an op or block argument may name an alias defined later).
   */
  Location location(CirParser.LocationContext ctx, boolean allowForward) {
    if (ctx instanceof CirParser.UnknownLocationContext) {
      return Location.UNKNOWN;
    }
    if (ctx instanceof CirParser.FileLineColLocationContext c) {
      String file = string(c.file);
      int line = uint(c.line);
      if (c.column == null) {
        return new Location.FileLineCol(file, line, 0);
      }
      int col = uint(c.column);
      if (c.endColumn == null) {
        return new Location.FileLineCol(file, line, col);
      }
      int endLine = c.endLine == null ? line : uint(c.endLine);
      int endCol = uint(c.endColumn);
      if (endLine == line && endCol == col) {
        return new Location.FileLineCol(file, line, col);
      }
      return new Location.FileLineCol(file, line, col, endLine, endCol);
    }
    if (ctx instanceof CirParser.NameLocationContext c) {
      Location child = c.child == null ? Location.UNKNOWN : location(c.child, false);
      return new Location.Name(string(c.name), child);
    }
    if (ctx instanceof CirParser.CallSiteLocationContext c) {
      return new Location.CallSite(location(c.callee, false), location(c.caller, false));
    }
    if (ctx instanceof CirParser.FusedLocationContext c) {
      Attribute meta = c.metadata == null ? null : attribute(c.metadata);
      List<Location> locs = new ArrayList<>();
      for (CirParser.LocationContext l : c.location()) {
        locs.add(location(l, false));
      }
      return fused(locs, meta);
    }
    if (ctx instanceof CirParser.LocationAliasRefContext c) {
      String alias = c.name.getText().substring(1);
      Attribute a = attributeAliases.get(alias);
      if (a == null) {
        if (allowForward) {
          throw new ForwardLocation(alias, c.name);
        }
        throw src.error(c.name, "undefined symbol alias id '" + alias + "'");
      }
      if (!(a instanceof Location l)) {
        throw src.error(c.name, "expected location, but found '" + AsmPrinter.toString(a) + "'");
      }
      return l;
    }
    throw src.error(ctx, "expected location instance");
  }

  /** Thrown (and caught by the op builder) for a trailing location naming a later alias. */
  static final class ForwardLocation extends RuntimeException {
    final String alias;
    final transient Token at;

    ForwardLocation(String alias, Token at) {
      super(alias, null, false, false);
      this.alias = alias;
      this.at = at;
    }
  }

  private int uint(Token t) {
    try {
      long v = Long.parseLong(t.getText());
      if (v > 0xFFFFFFFFL) {
        throw src.error(t, "expected integer line/column number");
      }
      return (int) v;
    } catch (NumberFormatException e) {
      throw src.error(t, "expected integer line/column number");
    }
  }

  /**
   * MLIR's FusedLoc::get: drops unknowns and duplicates, collapses singletons, and flattens a
   * nested fused location whose metadata equals the outer one (both absent included); one with
   * other metadata stays nested, or it would lose its metadata.
   */
  static Location fused(List<Location> locs, Attribute metadata) {
    List<Location> flat = new ArrayList<>();
    for (Location l : locs) {
      if (l instanceof Location.Fused f && Objects.equals(f.metadata(), metadata)) {
        for (Location inner : f.locations()) {
          addUnique(flat, inner);
        }
      } else {
        addUnique(flat, l);
      }
    }
    if (metadata == null) {
      if (flat.isEmpty()) {
        return Location.UNKNOWN;
      }
      if (flat.size() == 1) {
        return flat.get(0);
      }
    } else if (flat.isEmpty()) {
      flat.add(Location.UNKNOWN);
    }
    return new Location.Fused(flat, metadata);
  }

  private static void addUnique(List<Location> out, Location l) {
    if (l instanceof Location.Unknown || out.contains(l)) {
      return;
    }
    out.add(l);
  }
}

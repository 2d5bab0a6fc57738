package dev.dyad.parse;

import dev.dyad.grammar.CirParser;
import dev.dyad.grammar.CirTokens;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Context;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.InvalidAttributeException;
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
  /** Integer and float types by keyword: one object each instead of one per use. */
  private final Map<String, Type> scalarTypes = new HashMap<>();
  /** Memoised types by source text: models repeat the same few types many times. */
  private final Map<String, Type> typeCache = new HashMap<>();

  /** The context whose dialects may parse their own attributes. */
  private final Context context;
  private final boolean allowUnregistered;

  AttrBuilder(SourceText src, Context context) {
    this.src = src;
    this.context = context;
    this.allowUnregistered = context.allowsUnregisteredDialects();
  }

  private static final String UNREGISTERED_HINT = " created with unregistered dialect. If this is intended, please call "
      + "allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used";

  /** Where MLIR points for a dialect symbol: {@code skip} characters into the token. */
  private Location inside(Token t, int skip) {
    return new Location.FileLineCol(src.fileName(), t.getLine(), t.getCharPositionInLine() + 1 + skip);
  }

  /**
   * An error where MLIR's parser stands after consuming {@code t}: the next token. MLIR reports
   * most errors about something it has just parsed (an alias, a literal and its type) there.
   */
  private ParseError errorAfter(Token t, String message) {
    return new ParseError(SyntaxMessages.after(src.fileName(), t), message);
  }

  private ParseError errorAfter(ParserRuleContext ctx, String message) {
    return errorAfter(ctx.getStop(), message);
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
      Token t = c.INT_TYPE().getSymbol();
      Type cached = scalarTypes.get(t.getText());
      if (cached == null) {
        cached = integerType(t);
        scalarTypes.put(t.getText(), cached);
      }
      return cached;
    }
    if (ctx instanceof CirParser.FloatTypeContext c) {
      return scalarTypes.computeIfAbsent(c.getStart().getText(), k -> new FloatType(FloatType.Kind.byKeyword(k)));
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
        throw errorAfter(c, "undefined symbol alias id '" + name + "'");
      }
      return t;
    }
    if (ctx instanceof CirParser.DialectTypeContext c) {
      return dialectType(c.symbol);
    }
    // Only short types are cached, keyed by their source text (a substring: ctx.getText() is
    // quadratic in the nesting depth, and deep types are rare anyway).
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    int length = stop == null ? Integer.MAX_VALUE : stop.getStopIndex() - start.getStartIndex() + 1;
    if (length > CACHED_TEXT_LIMIT) {
      return compositeType(ctx);
    }
    String key = start.getInputStream().getText(
        org.antlr.v4.runtime.misc.Interval.of(start.getStartIndex(), stop.getStopIndex()));
    Type cached = typeCache.get(key);
    if (cached != null) {
      return cached;
    }
    Type t = compositeType(ctx);
    if (typeCache.size() < CACHE_CAPACITY) {
      typeCache.put(key, t);
    }
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
          throw errorAfter(a, "multiple memory spaces specified in memref type");
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
      if (layout instanceof AffineMapAttr m && m.map().numSymbols() == 0 && m.map().isIdentity()
          || layout instanceof AffineMapAttr m2 && isIdentityWithSymbols(m2)) {
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
      Type elt = type(c.elementType);
      // MLIR's VectorType::verify: only types implementing VectorElementTypeInterface.
      if (!(elt instanceof IntegerType || elt instanceof IndexType || elt instanceof FloatType)) {
        throw src.error(c, "failed to verify 'elementType': VectorElementTypeInterface instance");
      }
      // VECTOR_OPEN admits no `?`: vector dimensions are static by construction.
      List<Long> dims = dims(shape);
      List<Boolean> scalable = new ArrayList<>();
      for (int i = 0; i < dims.size(); i++) {
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

  /** {@code (d0, ...)[s0, ...] -> (d0, ...)}: an identity on the dimensions, whatever the symbols. */
  private static boolean isIdentityWithSymbols(AffineMapAttr m) {
    AffineMap map = m.map();
    if (map.results().size() != map.numDims()) {
      return false;
    }
    for (int i = 0; i < map.numDims(); i++) {
      if (!(map.results().get(i) instanceof AffineExpr.Dim d) || d.position() != i) {
        return false;
      }
    }
    return true;
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
      // MLIR's TensorType::isValidElementType: no function, none, tuple or shaped types other
      // than vectors.
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
      throw new ParseError(SyntaxMessages.within(src.fileName(), opener, invalidDimensionOffset(opener.getText())),
          "invalid dimension");
    }
  }

  /** Where in a shaped-type opener the first dimension too large for an int64 starts (MLIR points there). */
  private static int invalidDimensionOffset(String text) {
    int i = text.indexOf('<');
    while (i < text.length()) {
      if (text.startsWith("//", i)) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length() : nl;
      } else if (Character.isDigit(text.charAt(i))) {
        int start = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
          i++;
        }
        try {
          Long.parseLong(text, start, i, 10);
        } catch (NumberFormatException e) {
          return start;
        }
      } else {
        i++;
      }
    }
    return 0;
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
    String text = symbol.getText();
    String[] parts = splitDialectSymbol(text.substring(1));
    if (!allowUnregistered) {
      // MLIR's wording and position (just after "!dialect.").
      throw new ParseError(inside(symbol, 2 + parts[0].length()),
          "`!\"" + parts[0] + "\"<\"" + parts[1] + "\">` type" + UNREGISTERED_HINT);
    }
    return new OpaqueType(parts[0], parts[1]);
  }

  /**
   * The dialect attribute of a {@code #d.a<...>} token (its trailing {@code : type}, if any, is
   * not part of it): the registered dialect's attribute, else an opaque one.
   */
  Attribute dialectAttribute(Token symbol) {
    String[] parts = splitDialectSymbol(symbol.getText().substring(1));
    if (context.getDialect(parts[0]) == null && !allowUnregistered) {
      throw new ParseError(inside(symbol, 2 + parts[0].length()),
          "#\"" + parts[0] + "\"<\"" + parts[1] + "\"> : 'none' attribute" + UNREGISTERED_HINT);
    }
    return dialectAttribute(symbol, parts[0], parts[1]);
  }

  /**
   * A registered dialect's own attribute for {@code #dialect<body>} when it parses the body, else
   * the body kept verbatim (as for unregistered dialects, and for the attributes of MLIR's
   * dialects that Dyad's subsets do not define).
   */
  private Attribute dialectAttribute(Token symbol, String dialect, String body) {
    Dialect d = context.getDialect(dialect);
    Attribute parsed;
    try {
      parsed = d == null ? null : d.parseAttribute(body);
    } catch (InvalidAttributeException e) {
      throw new ParseError(inside(symbol, 0), e.getMessage());
    }
    return parsed != null ? parsed : new OpaqueAttr(dialect, body);
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

  /** Short attributes by source text: models repeat the same constants and types many times. */
  private final Map<String, Attribute> attributeCache = new HashMap<>();
  private static final int CACHED_TEXT_LIMIT = 64;
  private static final int CACHE_CAPACITY = 1 << 16;

  Attribute attribute(CirParser.AttributeContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    int length = stop == null ? Integer.MAX_VALUE : stop.getStopIndex() - start.getStartIndex() + 1;
    // Integers are cheap to build and usually distinct: caching them only fills the cache.
    if (length > CACHED_TEXT_LIMIT || ctx instanceof CirParser.DistinctAttributeContext
        || ctx instanceof CirParser.IntegerAttributeContext) {
      return buildAttribute(ctx);
    }
    String key = start.getInputStream().getText(
        org.antlr.v4.runtime.misc.Interval.of(start.getStartIndex(), stop.getStopIndex()));
    Attribute cached = attributeCache.get(key);
    if (cached != null) {
      return cached;
    }
    Attribute a = buildAttribute(ctx);
    if (attributeCache.size() < CACHE_CAPACITY) {
      attributeCache.put(key, a);
    }
    return a;
  }

  private Attribute buildAttribute(CirParser.AttributeContext ctx) {
    if (ctx instanceof CirParser.AttributeAliasRefContext c) {
      return aliasRef(c.name);
    }
    if (ctx instanceof CirParser.DialectAttributeContext c) {
      return dialectAttribute(c.symbol);
    }
    if (ctx instanceof CirParser.IntegerAttributeContext c) {
      Type type = c.type() == null ? IntegerType.I64 : type(c.type());
      if (type instanceof FloatType ft && isHex(c.INTEGER().getSymbol())) {
        if (ft.width() > 64) {
          return FloatAttr.wide(parseWideFloat(c.MINUS() != null, c.INTEGER().getSymbol(), ft), ft);
        }
        return new FloatAttr(floatFromHex(c.MINUS() != null, c.INTEGER().getSymbol(), ft), ft);
      }
      return integerAttr(c.MINUS() != null, c.INTEGER().getSymbol(), type);
    }
    if (ctx instanceof CirParser.FloatAttributeContext c) {
      Type type = c.type() == null ? FloatType.F64 : type(c.type());
      if (!(type instanceof FloatType ft)) {
        throw errorAfter(c, "floating point value not valid for specified type");
      }
      if (ft.width() > 64) {
        return FloatAttr.wide(parseWideFloat(c.MINUS() != null, c.FLOAT().getSymbol(), ft), ft);
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
        id = Long.parseUnsignedLong(c.id.getText());
      } catch (NumberFormatException e) {
        throw errorAfter(c.id, "expected an unsigned 64-bit integer");
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
      Type type = type(c.type());
      if (!(type instanceof ShapedType st)) {
        // MLIR points at the ':' before the type.
        throw src.error(c.COLON(), "`dense_resource` expected a shaped type");
      }
      return new DenseResourceAttr(handle, st);
    }
    if (ctx instanceof CirParser.SparseElementsAttributeContext c) {
      return sparse(c);
    }
    throw new IllegalStateException("unhandled attribute alternative " + ctx.getClass().getSimpleName());
  }

  /**
   * An integer or float literal ({@code literal}, after a {@code -} if {@code negative}) read
   * with a known type and no {@code : type} suffix: an assembly format's buildable attribute type.
   */
  Attribute typedLiteral(boolean negative, Token literal, Type type) {
    if (literal.getType() == CirParser.INTEGER) {
      if (type instanceof FloatType ft && isHex(literal)) {
        if (ft.width() > 64) {
          return FloatAttr.wide(parseWideFloat(negative, literal, ft), ft);
        }
        return new FloatAttr(floatFromHex(negative, literal, ft), ft);
      }
      return integerAttr(negative, literal, type);
    }
    if (!(type instanceof FloatType ft)) {
      throw errorAfter(literal, "floating point value not valid for specified type");
    }
    if (ft.width() > 64) {
      return FloatAttr.wide(parseWideFloat(negative, literal, ft), ft);
    }
    return new FloatAttr(parseFloat(negative, literal, ft), ft);
  }

  private Attribute aliasRef(Token name) {
    String alias = name.getText().substring(1);
    Attribute a = attributeAliases.get(alias);
    if (a == null) {
      throw errorAfter(name, "undefined symbol alias id '" + alias + "'");
    }
    return a;
  }

  DictionaryAttr dictionary(CirParser.DictionaryContext ctx) {
    List<CirParser.DictionaryEntryContext> parsed = ctx.dictionaryEntry();
    List<NamedAttribute> entries = new ArrayList<>(parsed.size());
    // Dictionaries are small: a linear duplicate check beats a hash set.
    Set<String> seen = parsed.size() > 16 ? new HashSet<>() : null;
    for (CirParser.DictionaryEntryContext e : parsed) {
      String name = intern(e.name != null ? e.name.getText() : string(e.quotedName));
      if (name.isEmpty()) {
        throw src.error(e, "expected valid attribute name");
      }
      if (seen != null ? !seen.add(name) : containsName(entries, name)) {
        throw src.error(e, "duplicate key '" + name + "' in dictionary attribute");
      }
      entries.add(new NamedAttribute(name, e.value == null ? UnitAttr.INSTANCE : attribute(e.value)));
    }
    return new DictionaryAttr(entries);
  }

  /** Attribute names repeat on every op: keep one copy of each. */
  private final Map<String, String> names = new HashMap<>();

  private String intern(String name) {
    String existing = names.putIfAbsent(name, name);
    return existing != null ? existing : name;
  }

  private static boolean containsName(List<NamedAttribute> entries, String name) {
    for (NamedAttribute a : entries) {
      if (a.name().equals(name)) {
        return true;
      }
    }
    return false;
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

  /** {@code @a::@b::@c} from its SYMBOL_ID tokens. */
  SymbolRefAttr symbolRef(List<Token> ids) {
    List<String> nested = new ArrayList<>();
    for (int i = 1; i < ids.size(); i++) {
      nested.add(symbolName(ids.get(i)));
    }
    return new SymbolRefAttr(symbolName(ids.get(0)), nested);
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

  private IntegerAttr integerAttr(boolean negative, Token literal, Type type) {
    if (type instanceof FloatType) {
      throw decimalIntegerForFloat(literal);
    }
    if (!(type instanceof IntegerType || type instanceof IndexType)) {
      throw src.error(literal, "integer literal not valid for specified type");
    }
    if (negative && type instanceof IntegerType it && it.isUnsigned()) {
      throw src.error(literal, "negative integer literal not valid for unsigned integer type");
    }
    String text = literal.getText();
    if (text.length() <= 18 && !text.startsWith("0x") && IntegerAttr.widthOf(type) >= 64) {
      // Fast path: short decimals always fit a 64-bit (or wider) type.
      long v = Long.parseLong(text);
      return IntegerAttr.of(negative ? -v : v, type);
    }
    BigInteger v = fitInteger(type, negative, parseInteger(literal));
    if (v == null) {
      throw src.error(literal, "integer constant out of range for attribute");
    }
    return new IntegerAttr(v, type);
  }

  private ParseError decimalIntegerForFloat(Token literal) {
    return src.error(literal, "unexpected decimal integer literal for a floating point value")
        .note(src.at(literal), "add a trailing dot to make the literal a float");
  }

  /**
   * MLIR's {@code buildAttributeAPInt}: the value of the literal {@code -?magnitude} as an integer
   * of {@code type} (integer or index), or null if it does not fit. Positive values may use the
   * sign bit of signless and unsigned types (so {@code 255 : i8} is -1, but {@code 128 : si8}
   * does not fit); a negative value needs {@code 1 <= magnitude <= 2^(width-1)}, so even
   * {@code -0} is rejected, as in MLIR.
   */
  static BigInteger fitInteger(Type type, boolean negative, BigInteger magnitude) {
    int width = type instanceof IntegerType it ? it.width() : 64;
    if (magnitude.bitLength() > width) {
      return null;
    }
    if (width == 0) {
      return negative ? null : magnitude;
    }
    if (negative) {
      boolean fits = magnitude.signum() > 0 && magnitude.compareTo(BigInteger.ONE.shiftLeft(width - 1)) <= 0;
      return fits ? magnitude.negate() : null;
    }
    boolean signed = type instanceof IndexType
        || type instanceof IntegerType it && it.signedness() == IntegerType.Signedness.SIGNED;
    return signed && magnitude.testBit(width - 1) ? null : magnitude;
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
   * Literals longer than this are rejected before conversion: no value of the widest integer type
   * (16,777,215 bits) has more digits, and BigInteger's decimal conversion of a 10 MB literal
   * would take minutes.
   */
  private static final int MAX_INTEGER_LITERAL = 5_100_000;

  private BigInteger parseInteger(Token literal) {
    String text = literal.getText();
    if (text.length() > MAX_INTEGER_LITERAL) {
      throw src.error(literal, "integer constant out of range for attribute");
    }
    if (text.startsWith("0x")) {
      return new BigInteger(text.substring(2), 16);
    }
    return new BigInteger(text);
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

  private BigInteger parseWideFloat(boolean negative, Token literal, FloatType type) {
    try {
      return FloatFormat.parseWide((negative ? "-" : "") + literal.getText(), FloatKind.fromMlirName(type.kind().keyword));
    } catch (NumberFormatException e) {
      throw src.error(literal, e.getMessage());
    }
  }

  /**
   * MLIR's {@code parseFloatFromLiteral}: the bits of a float element written as {@code token}
   * (a float, or an integer that must be hexadecimal); anything else is not a float.
   */
  private long floatFromToken(boolean negative, Token token, FloatType type) {
    if (token.getType() == CirParser.INTEGER) {
      if (!isHex(token)) {
        throw decimalIntegerForFloat(token);
      }
      return floatFromHex(negative, token, type);
    }
    if (token.getType() == CirParser.FLOAT) {
      return parseFloat(negative, token, type);
    }
    throw src.error(token, "expected floating point literal");
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

  // ---- dense arrays ---------------------------------------------------------------------------

  /** {@code array<T: ...>}, with the checks and messages of MLIR's DenseArrayElementParser. */
  private DenseArrayAttr denseArray(CirParser.DenseArrayAttributeContext c) {
    Type elt = type(c.elementType);
    if (!(elt instanceof IntegerType || elt instanceof FloatType)) {
      // MLIR 22 crashes on array<index: ...>; every other type gets this message.
      throw src.error(c.elementType, "expected integer or float type, got: '" + AsmPrinter.toString(elt) + "'");
    }
    int width = elt instanceof IntegerType it ? it.width() : ((FloatType) elt).width();
    if (width != 1 && width % 8 != 0) {
      throw src.error(c.elementType, "element type bitwidth must be a multiple of 8");
    }
    if (width > 64) {
      // A Dyad limit: array elements are stored in 64-bit words (MLIR accepts i128, f80, f128).
      throw src.error(c.elementType, "dense array elements wider than 64 bits are not supported, got: '"
          + AsmPrinter.toString(elt) + "'");
    }
    return denseArray(elt, c.arrayElement());
  }

  /**
   * A dense array of {@code elt} (an integer or float type of a supported width) from its
   * elements, as {@code array<elt: ...>} or an assembly format's {@code [...]} gives them.
   */
  DenseArrayAttr denseArray(Type elt, List<CirParser.ArrayElementContext> elements) {
    long[] bits = new long[elements.size()];
    for (int i = 0; i < bits.length; i++) {
      CirParser.ArrayElementContext e = elements.get(i);
      bits[i] = elt instanceof FloatType ft ? arrayFloat(e, ft) : arrayInteger(e, (IntegerType) elt);
    }
    return new DenseArrayAttr(elt, bits);
  }

  private long arrayInteger(CirParser.ArrayElementContext e, IntegerType elt) {
    if (e instanceof CirParser.ArrayBoolElementContext b) {
      if (elt.width() != 1) {
        throw src.error(b.value, "expected i1 type for 'true' or 'false' values");
      }
      return b.value.getType() == CirParser.TRUE ? 1 : 0;
    }
    if (!(e instanceof CirParser.ArrayIntElementContext ie)) {
      throw src.error(((CirParser.ArrayFloatElementContext) e).FLOAT(), "expected integer literal");
    }
    Token literal = ie.INTEGER().getSymbol();
    if (elt.width() == 1) {
      throw errorAfter(literal, "expected 'true' or 'false' values for i1 type");
    }
    // Unlike attribute literals, negative values of unsigned types are accepted (and wrap).
    BigInteger v = fitInteger(elt, ie.MINUS() != null, parseInteger(literal));
    if (v == null) {
      throw errorAfter(literal, "integer constant out of range");
    }
    return v.longValue();
  }

  private long arrayFloat(CirParser.ArrayElementContext e, FloatType elt) {
    if (e instanceof CirParser.ArrayIntElementContext ie) {
      return floatFromToken(ie.MINUS() != null, ie.INTEGER().getSymbol(), elt);
    }
    if (e instanceof CirParser.ArrayFloatElementContext fe) {
      return floatFromToken(fe.MINUS() != null, fe.FLOAT().getSymbol(), elt);
    }
    return floatFromToken(false, ((CirParser.ArrayBoolElementContext) e).value, elt);
  }

  // ---- dense and sparse elements --------------------------------------------------------------

  /**
   * One scalar of a dense literal as MLIR's TensorLiteralParser stores it: its sign and token, and
   * the complex element {@code (re, im)} it is part of, if any.
   */
  private record Scalar(boolean negative, Token token, ParserRuleContext complex) {}

  /**
   * A dense literal read but not yet typed: its inferred shape (empty for a single element), its
   * scalars in order, or the string of {@code dense<"0x...">}.
   */
  private record DenseLiteral(List<Long> shape, List<Scalar> scalars, Token hex) {}

  private Attribute denseElements(CirParser.DenseElementsAttributeContext c) {
    DenseLiteral lit = readDense(c.denseLiteral(), true);
    ShapedType st = elementsLiteralType(c, c.type());
    return denseAttr(lit, st, src.at(c));
  }

  /** MLIR's parseElementsLiteralType: a statically shaped type, errors at the attribute's start. */
  private ShapedType elementsLiteralType(ParserRuleContext attr, CirParser.TypeContext ctx) {
    Type t = type(ctx);
    if (!(t instanceof ShapedType st)) {
      throw src.error(attr, "elements literal must be a shaped type");
    }
    if (!st.hasStaticShape()) {
      throw src.error(attr, "elements literal type must have static shape");
    }
    return st;
  }

  /** Reads a literal; a lone string is raw hex data when {@code allowHex} (MLIR's {@code hexStorage}). */
  private DenseLiteral readDense(CirParser.DenseLiteralContext lit, boolean allowHex) {
    if (lit == null) {
      return new DenseLiteral(List.of(), List.of(), null);
    }
    if (allowHex && lit instanceof CirParser.DenseScalarContext s
        && s.denseElement() instanceof CirParser.DenseStringElementContext str) {
      return new DenseLiteral(List.of(), List.of(), str.STRING().getSymbol());
    }
    List<Scalar> scalars = new ArrayList<>();
    List<Long> shape = denseDims(lit, scalars);
    return new DenseLiteral(shape, scalars, null);
  }

  /**
   * MLIR's TensorLiteralParser::parseList: the dimensions of {@code lit}. Each element of a list
   * must have the dimensions of the first; MLIR notices a mismatch once it has read the element,
   * so the error points just past it.
   */
  private List<Long> denseDims(CirParser.DenseLiteralContext lit, List<Scalar> out) {
    if (lit instanceof CirParser.DenseScalarContext s) {
      collectScalars(s.denseElement(), null, out);
      return List.of();
    }
    List<CirParser.DenseLiteralContext> children = ((CirParser.DenseListContext) lit).denseLiteral();
    List<Long> first = null;
    for (CirParser.DenseLiteralContext child : children) {
      List<Long> dims = denseDims(child, out);
      if (first == null) {
        first = dims;
      } else if (!first.equals(dims)) {
        throw errorAfter(child, "tensor literal is invalid; ranks are not consistent between elements");
      }
    }
    List<Long> shape = new ArrayList<>();
    shape.add((long) children.size());
    if (first != null) {
      shape.addAll(first);
    }
    return shape;
  }

  private static void collectScalars(CirParser.DenseElementContext e, ParserRuleContext complex, List<Scalar> out) {
    if (e instanceof CirParser.DenseIntElementContext i) {
      out.add(new Scalar(i.MINUS() != null, i.INTEGER().getSymbol(), complex));
    } else if (e instanceof CirParser.DenseFloatElementContext f) {
      out.add(new Scalar(f.MINUS() != null, f.FLOAT().getSymbol(), complex));
    } else if (e instanceof CirParser.DenseBoolElementContext b) {
      out.add(new Scalar(false, b.value, complex));
    } else if (e instanceof CirParser.DenseStringElementContext s) {
      out.add(new Scalar(false, s.STRING().getSymbol(), complex));
    } else {
      CirParser.DenseComplexElementContext c = (CirParser.DenseComplexElementContext) e;
      collectScalars(c.real, complex != null ? complex : c, out);
      collectScalars(c.imag, complex != null ? complex : c, out);
    }
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

  private static String quoted(Type t) {
    return "'" + AsmPrinter.toString(t) + "'";
  }

  /**
   * MLIR's TensorLiteralParser::getAttr: the literal as elements of {@code type}, with its checks
   * in its order; whole-literal errors are reported at {@code loc}, element errors at the element.
   */
  private Attribute denseAttr(DenseLiteral lit, ShapedType type, Location loc) {
    Type elt = type.elementType();
    if (lit.hex() != null && isNumeric(elt)) {
      return denseFromHex(lit.hex(), type, loc);
    }
    List<Scalar> scalars = lit.scalars();
    if (!lit.shape().isEmpty() && !lit.shape().equals(type.shape())) {
      throw new ParseError(loc, "inferred shape of elements literal ([" + shapeString(lit.shape())
          + "]) does not match type ([" + shapeString(type.shape()) + "])");
    }
    if (lit.hex() == null && scalars.isEmpty() && type.numElements() != 0) {
      throw new ParseError(loc, "parsed zero elements, but type (" + quoted(type) + ") expected at least 1");
    }
    Type scalarType = elt;
    if (elt instanceof ComplexType ct) {
      scalarType = ct.elementType();
      if (lit.shape().isEmpty() && type.numElements() != 0 && scalars.size() != 2) {
        throw new ParseError(loc, "parsed " + scalars.size() + " elements, but type (" + quoted(elt)
            + ") expected 2 elements");
      }
      if (!lit.shape().isEmpty() && scalars.size() != type.numElements() * 2) {
        throw new ParseError(loc, "parsed " + scalars.size() + " elements, but type (" + quoted(type)
            + ") expected " + type.numElements() * 2 + " elements");
      }
    }
    if (scalarType instanceof IntegerType || scalarType instanceof IndexType) {
      rejectComplexElements(elt, scalars);
      BigInteger[] values = new BigInteger[scalars.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = denseInteger(scalars.get(i), scalarType);
      }
      if (DenseElementsAttr.isWide(elt)) {
        return DenseElementsAttr.getWide(type, values);
      }
      long[] bits = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        bits[i] = values[i].longValue();
      }
      return DenseElementsAttr.get(type, bits);
    }
    if (scalarType instanceof FloatType ft) {
      rejectComplexElements(elt, scalars);
      long[] bits = new long[scalars.size()];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = floatFromToken(scalars.get(i).negative(), scalars.get(i).token(), ft);
      }
      return DenseElementsAttr.get(type, bits);
    }
    // Any other element type holds strings.
    if (lit.hex() != null) {
      return DenseStringElementsAttr.get(type, List.of(byteString(lit.hex())));
    }
    List<String> strings = new ArrayList<>(scalars.size());
    for (Scalar s : scalars) {
      if (s.token().getType() != CirParser.STRING) {
        throw new ParseError(loc, "expected string token, got " + s.token().getText());
      }
      strings.add(byteString(s.token()));
    }
    rejectComplexElements(elt, scalars);
    return DenseStringElementsAttr.get(type, strings);
  }

  /**
   * {@code (re, im)} elements for a non-complex element type: MLIR silently keeps the first
   * scalars (so {@code dense<[(1, 2)]> : tensor<1xi32>} is {@code dense<1>}); Dyad refuses them.
   */
  private void rejectComplexElements(Type elt, List<Scalar> scalars) {
    if (elt instanceof ComplexType) {
      return;
    }
    for (Scalar s : scalars) {
      if (s.complex() != null) {
        throw src.error(s.complex(), "unexpected complex element for a non-complex element type");
      }
    }
  }

  /** MLIR's getIntAttrElements, for one scalar. */
  private BigInteger denseInteger(Scalar s, Type type) {
    Token t = s.token();
    if (s.negative() && type instanceof IntegerType it && it.isUnsigned()) {
      throw src.error(t, "expected unsigned integer elements, but parsed negative value");
    }
    if (t.getType() == CirParser.FLOAT) {
      throw src.error(t, "expected integer elements, but parsed floating-point");
    }
    if (t.getType() == CirParser.TRUE || t.getType() == CirParser.FALSE) {
      if (!(type instanceof IntegerType it && it.width() == 1)) {
        throw src.error(t, "expected i1 type for 'true' or 'false' values");
      }
      return t.getType() == CirParser.TRUE ? BigInteger.ONE : BigInteger.ZERO;
    }
    // A string is no integer: MLIR reports it as out of range too.
    BigInteger v = t.getType() == CirParser.INTEGER ? fitInteger(type, s.negative(), parseInteger(t)) : null;
    if (v == null) {
      throw src.error(t, "integer constant out of range for type");
    }
    return v;
  }

  /** {@code sparse<indices, values> : type}, checked like MLIR's SparseElementsAttr. */
  private Attribute sparse(CirParser.SparseElementsAttributeContext c) {
    if (c.indices == null) {
      ShapedType st = elementsLiteralType(c, c.type());
      RankedTensorType idxType = new RankedTensorType(List.of(0L, (long) st.rank()), IntegerType.I64);
      RankedTensorType valType = new RankedTensorType(List.of(0L), st.elementType());
      Attribute values = isNumeric(st.elementType()) ? DenseElementsAttr.get(valType, new long[0])
          : DenseStringElementsAttr.get(valType, List.of());
      return new SparseElementsAttr(st, DenseElementsAttr.get(idxType, new long[0]), values);
    }
    // Indices are never hex: a lone string there is an (invalid) element.
    DenseLiteral indexLit = readDense(c.indices, false);
    DenseLiteral valueLit = readDense(c.values, true);
    ShapedType st = elementsLiteralType(c, c.type());
    // A single index is one index of the type's rank; single values are splats over all indices.
    RankedTensorType idxType = new RankedTensorType(
        indexLit.shape().isEmpty() ? List.of(1L, (long) st.rank()) : indexLit.shape(), IntegerType.I64);
    DenseElementsAttr indices = (DenseElementsAttr) denseAttr(indexLit, idxType, src.at(c.indices));
    RankedTensorType valType = new RankedTensorType(
        valueLit.shape().isEmpty() ? List.of(idxType.shape().get(0)) : valueLit.shape(), st.elementType());
    Attribute values = denseAttr(valueLit, valType, src.at(c.values));
    verifySparse(c, st, indices, valType);
    return new SparseElementsAttr(st, indices, values);
  }

  /** MLIR's SparseElementsAttr::verify, reported at the attribute's start. */
  private void verifySparse(ParserRuleContext at, ShapedType type, DenseElementsAttr indices, ShapedType valType) {
    if (valType.rank() != 1) {
      throw src.error(at, "expected 1-d tensor for sparse element values");
    }
    List<Long> idxShape = indices.type().shape();
    int rank = type.rank();
    boolean shapeOk = idxShape.size() == 2 ? idxShape.get(1) == rank : idxShape.size() == 1 && rank == 1;
    if (!shapeOk || !idxShape.get(0).equals(valType.shape().get(0))) {
      throw src.error(at, "expected shape ([" + shapeString(type.shape()) + "]); inferred shape of indices literal (["
          + shapeString(idxShape) + "]); inferred shape of values literal ([" + shapeString(valType.shape()) + "])");
    }
    long count = indices.isSplat() ? 1 : idxShape.get(0);
    for (long i = 0; i < count; i++) {
      long[] index = new long[rank];
      boolean valid = true;
      for (int d = 0; d < rank; d++) {
        index[d] = indices.getInt(indices.isSplat() ? 0 : i * rank + d);
        valid &= Long.compareUnsigned(index[d], type.shape().get(d)) < 0;
      }
      if (!valid) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < rank; d++) {
          sb.append(d == 0 ? "" : ", ").append(Long.toUnsignedString(index[d]));
        }
        throw src.error(at, "sparse index #" + i + " is not contained within the value shape, with index=["
            + sb + "], and type=" + quoted(type));
      }
    }
  }

  /** {@code dense<"0x...">}: MLIR's raw little-endian storage (i1 bit-packed), or one splat element. */
  private DenseElementsAttr denseFromHex(Token str, ShapedType type, Location loc) {
    // MLIR reads the literal's raw spelling, escapes are not decoded.
    String text = str.getText().substring(1, str.getText().length() - 1);
    String hex = text.startsWith("0x") ? text.substring(2) : null;
    if (hex == null || hex.length() % 2 != 0 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      throw src.error(str, "expected string containing hex digits starting with `0x`");
    }
    byte[] raw = new byte[hex.length() / 2];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
    }
    String sizeError = "elements hex data size is invalid for provided type: " + quoted(type);
    Type scalar = DenseElementsAttr.scalarType(type.elementType());
    int per = DenseElementsAttr.scalarsPerElement(type.elementType());
    long n = type.numElements() * per;
    int width = ElementBits.width(scalar);
    if (width == 1) {
      // MLIR's isValidRawBuffer: one all-zeros or all-ones byte is a splat, else one bit per element.
      if (raw.length == 1 && (raw[0] == 0 || raw[0] == (byte) 0xFF)) {
        return DenseElementsAttr.get(type, new long[] {raw[0] & 1});
      }
      if (raw.length != (n + 7) / 8) {
        throw new ParseError(loc, sizeError);
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
      throw new ParseError(loc, sizeError);
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
      int line = lineNumber(c.line);
      if (c.column == null) {
        return new Location.FileLineCol(file, line, 0);
      }
      int col = columnNumber(c.column);
      if (c.endColumn == null) {
        return new Location.FileLineCol(file, line, col);
      }
      int endLine = c.endLine == null ? line : lineNumber(c.endLine);
      int endCol = columnNumber(c.endColumn);
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
        throw errorAfter(c.name, "undefined symbol alias id '" + alias + "'");
      }
      if (!(a instanceof Location l)) {
        if (allowForward) {
          // A whole trailing location: MLIR resolves those at the end and words it differently.
          throw src.error(c.name, "expected location, but found '" + AsmPrinter.toString(a) + "'");
        }
        throw notALocation(c, a);
      }
      return l;
    }
    // A dialect attribute where a location is expected: MLIR parses it, then finds it is none.
    CirParser.DialectLocationContext c = (CirParser.DialectLocationContext) ctx;
    String[] parts = splitDialectSymbol(c.symbol.getText().substring(1));
    throw notALocation(c, new OpaqueAttr(parts[0], parts[1]));
  }

  /** MLIR's wording, without a space before the attribute. */
  private ParseError notALocation(ParserRuleContext ctx, Attribute a) {
    return errorAfter(ctx, "expected location attribute, but got" + AsmPrinter.toString(a));
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

  /** A line number of a file location; MLIR reports a bad one just after the previous token. */
  private int lineNumber(Token t) {
    Integer v = uint32(t);
    if (v == null) {
      throw new ParseError(SyntaxMessages.wrongToken(src.fileName(), t), "expected integer line number in FileLineColRange");
    }
    return v;
  }

  private int columnNumber(Token t) {
    Integer v = uint32(t);
    if (v == null) {
      throw src.error(t, "expected integer column number in FileLineColRange");
    }
    return v;
  }

  /** An unsigned 32-bit literal (kept in an int's bits), or null if it does not fit. */
  private Integer uint32(Token t) {
    BigInteger v = parseInteger(t);
    return v.bitLength() > 32 ? null : (int) v.longValue();
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

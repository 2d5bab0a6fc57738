package dev.dyad.parse;

import dev.dyad.grammar.CirParser;
import dev.dyad.ir.Block;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.OperationName;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.PropertiesSplit;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.OpaqueAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.format.AssemblyFormat;
import dev.dyad.ir.format.FormatElement;
import dev.dyad.ir.format.FormatElement.AllOperands;
import dev.dyad.ir.format.FormatElement.AllRegions;
import dev.dyad.ir.format.FormatElement.AllSuccessors;
import dev.dyad.ir.format.FormatElement.AttrDict;
import dev.dyad.ir.format.FormatElement.AttrVar;
import dev.dyad.ir.format.FormatElement.FunctionalType;
import dev.dyad.ir.format.FormatElement.Literal;
import dev.dyad.ir.format.FormatElement.OperandVar;
import dev.dyad.ir.format.FormatElement.OptionalGroup;
import dev.dyad.ir.format.FormatElement.PropDict;
import dev.dyad.ir.format.FormatElement.RegionVar;
import dev.dyad.ir.format.FormatElement.SuccessorVar;
import dev.dyad.ir.format.FormatElement.TypeArg;
import dev.dyad.ir.format.FormatElement.TypeOf;
import dev.dyad.ir.format.FormatElement.Whitespace;
import dev.dyad.ir.format.Lead;
import dev.dyad.ir.ods.Arity;
import dev.dyad.ir.ods.AttrDef;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueDef;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Reads the body of a custom op form by the op's assembly format, from the token stream the main
 * parser stands in (MLIR's generated custom parsers, interpreted): literals are matched token by
 * token, types, attributes and regions are parsed by nested parsers over the same stream, and
 * operands are resolved once all types are known. The result is the op's state, ready to create.
 */
final class CustomOpParser {
  private final IrBuilder builder;
  private final SourceText src;
  private final AttrBuilder attrs;
  private final TokenStream in;
  private final Token nameTok;
  /** Where the builder collects the regions parsed for this op. */
  private final List<Region> parsedRegions;

  private OpDefinition def;
  private AssemblyFormat format;

  /** A use of a value: {@code %x} and, for {@code %x#1}, the number. */
  private record Use(Token name, Token hash) {}

  // What the body said, per group (null where the format says nothing) or for all values at once.
  private List<List<Use>> operandUses;
  private List<Use> allOperandUses;
  private Token operandsStart;
  private List<List<Type>> operandTypes;
  private List<Type> allOperandTypes;
  private List<List<Type>> resultTypes;
  private List<Type> allResultTypes;
  private List<List<Region>> regions;
  private List<Region> allRegions;
  private List<List<Block>> successors;
  private List<Block> allSuccessors;
  private final Map<String, Attribute> boundProperties = new TreeMap<>();
  private final List<NamedAttribute> boundAttributes = new ArrayList<>();
  private DictionaryAttr propDict;
  private final List<NamedAttribute> attrDict = new ArrayList<>();

  CustomOpParser(IrBuilder builder, Token nameTok, List<Region> parsedRegions) {
    this.builder = builder;
    this.src = builder.source();
    this.attrs = builder.attrs();
    this.in = builder.tokens();
    this.nameTok = nameTok;
    this.parsedRegions = parsedRegions;
  }

  /** Reads the body; returns the op's state (location: the op name). */
  OperationState parse() {
    OperationName opName = lookUp();
    format = opName.getDef().assemblyFormat();
    def = format.definition();
    operandUses = nulls(def.operands().size());
    operandTypes = nulls(def.operands().size());
    resultTypes = nulls(def.results().size());
    regions = nulls(def.regions().size());
    successors = nulls(def.successors().size());
    elements(format.elements());
    return state(opName);
  }

  private static <T> List<T> nulls(int n) {
    return new ArrayList<>(Collections.nCopies(n, null));
  }

  /** The op named by {@code nameTok}, which must have a custom form. */
  private OperationName lookUp() {
    String name = nameTok.getText();
    Context ctx = builder.context();
    OperationName opName = ctx.getOperationName(name);
    OpDef d = opName.getDef();
    if (d != null && d.assemblyFormat() != null) {
      return opName;
    }
    String namespace = opName.getDialectNamespace();
    if (d == null && name.indexOf('.') > 0 && !ctx.isDialectRegistered(namespace)) {
      // MLIR's wording (the trailing space included) and note.
      throw src.error(nameTok, "Dialect `" + namespace + "' not found for custom op '" + name + "' ")
          .note(src.at(nameTok), "Available dialects: " + String.join(", ", registeredDialects(ctx)));
    }
    throw src.error(nameTok, "custom op '" + name + "' is unknown");
  }

  private static List<String> registeredDialects(Context ctx) {
    List<String> names = new ArrayList<>();
    ctx.getDialects().forEach(d -> names.add(d.namespace()));
    names.sort(null);
    return names;
  }

  // ---- elements -------------------------------------------------------------------------------

  private void elements(List<FormatElement> list) {
    for (FormatElement e : list) {
      element(e);
    }
  }

  private void element(FormatElement e) {
    if (e instanceof Literal l) {
      if (!matches(peek(), l.spelling())) {
        throw expected("'" + l.spelling() + "'");
      }
      in.consume();
    } else if (e instanceof Whitespace) {
      return;
    } else if (e instanceof OperandVar o) {
      if (operandsStart == null) {
        operandsStart = peek();
      }
      operandUses.set(o.group(), uses(def.operands().get(o.group()).arity()));
    } else if (e instanceof AllOperands) {
      operandsStart = peek();
      allOperandUses = uses(Arity.VARIADIC);
    } else if (e instanceof AttrVar a) {
      attributeVariable(a, a.def().mustBePresent());
    } else if (e instanceof RegionVar r) {
      regions.set(r.group(), regionList(def.regions().get(r.group()).variadic()));
    } else if (e instanceof AllRegions) {
      allRegions = regionList(true);
    } else if (e instanceof SuccessorVar s) {
      successors.set(s.group(), successorList(def.successors().get(s.group()).variadic()));
    } else if (e instanceof AllSuccessors) {
      allSuccessors = successorList(true);
    } else if (e instanceof TypeOf t) {
      assignTypes(t.arg(), typeList(arity(t.arg())));
    } else if (e instanceof FunctionalType f) {
      FunctionType fn = functionType();
      assignTypes(f.inputs(), fn.inputs());
      assignTypes(f.results(), fn.results());
    } else if (e instanceof AttrDict d) {
      attrDict(d.withKeyword());
    } else if (e instanceof PropDict) {
      propDict();
    } else if (e instanceof OptionalGroup g) {
      group(g);
    } else {
      throw new IllegalStateException("unhandled format element " + e);
    }
  }

  private void group(OptionalGroup g) {
    if (present(firstParsable(g.thenElements()))) {
      for (FormatElement e : g.thenElements()) {
        if (e == g.anchor() && e instanceof AttrVar a) {
          // The group is there, so is its anchor (unless the group's presence is all it says).
          if (!g.elideAnchor()) {
            attributeVariable(a, true);
          }
        } else {
          element(e);
        }
      }
      if (g.elideAnchor()) {
        bindAttribute(((AttrVar) g.anchor()).def(), UnitAttr.INSTANCE);
      }
      return;
    }
    elements(g.elseElements());
  }

  private static FormatElement firstParsable(List<FormatElement> elements) {
    for (FormatElement e : elements) {
      if (!(e instanceof Whitespace)) {
        return e;
      }
    }
    throw new IllegalStateException("empty optional group");
  }

  /** Whether the next tokens begin {@code e}: decides whether an optional group is present. */
  private boolean present(FormatElement e) {
    Token t = peek();
    if (e instanceof Literal l) {
      return matches(t, l.spelling());
    }
    if (e instanceof OperandVar) {
      return t.getType() == CirParser.VALUE_ID;
    }
    if (e instanceof AttrVar a) {
      return startsAttribute(a.def());
    }
    if (e instanceof RegionVar) {
      return t.getType() == CirParser.LBRACE;
    }
    if (e instanceof SuccessorVar) {
      return t.getType() == CirParser.CARET_ID;
    }
    if (e instanceof TypeOf) {
      return startsType(t);
    }
    throw new IllegalStateException("not a valid first element of an optional group: " + e);
  }

  // ---- tokens ---------------------------------------------------------------------------------

  private Token peek() {
    return in.LT(1);
  }

  private static final Map<String, Integer> PUNCTUATION = Map.ofEntries(
      Map.entry("->", CirParser.ARROW), Map.entry("...", CirParser.ELLIPSIS), Map.entry(":", CirParser.COLON),
      Map.entry(",", CirParser.COMMA), Map.entry("=", CirParser.EQUAL), Map.entry("<", CirParser.LESS),
      Map.entry(">", CirParser.GREATER), Map.entry("(", CirParser.LPAREN), Map.entry(")", CirParser.RPAREN),
      Map.entry("{", CirParser.LBRACE), Map.entry("}", CirParser.RBRACE), Map.entry("[", CirParser.LBRACKET),
      Map.entry("]", CirParser.RBRACKET), Map.entry("?", CirParser.QUESTION), Map.entry("+", CirParser.PLUS),
      Map.entry("*", CirParser.STAR), Map.entry("|", CirParser.VERTICAL_BAR));

  /** Whether {@code t} is the literal {@code spelling}: that punctuation token, or a word spelled so. */
  private static boolean matches(Token t, String spelling) {
    Integer type = PUNCTUATION.get(spelling);
    if (type != null) {
      return t.getType() == type;
    }
    return t.getType() != Token.EOF && t.getType() != CirParser.STRING && spelling.equals(t.getText());
  }

  /** MLIR's "expected X" error, placed where MLIR places it: just after the previous token. */
  private ParseError expected(String what) {
    return new ParseError(SyntaxMessages.wrongToken(src.fileName(), peek()), "expected " + what);
  }

  // ---- operands and successors ----------------------------------------------------------------

  /** {@code %x} uses: exactly one, at most one, or a comma-separated list (maybe empty). */
  private List<Use> uses(Arity arity) {
    List<Use> out = new ArrayList<>(1);
    if (arity != Arity.SINGLE && peek().getType() != CirParser.VALUE_ID) {
      return out;
    }
    out.add(use());
    while (arity == Arity.VARIADIC && peek().getType() == CirParser.COMMA) {
      in.consume();
      out.add(use());
    }
    return out;
  }

  private Use use() {
    Token name = peek();
    if (name.getType() != CirParser.VALUE_ID) {
      throw expected("SSA operand");
    }
    in.consume();
    Token hash = null;
    if (peek().getType() == CirParser.HASH_NUM) {
      hash = peek();
      in.consume();
    }
    return new Use(name, hash);
  }

  private List<Block> successorList(boolean variadic) {
    List<Block> out = new ArrayList<>(1);
    if (variadic && peek().getType() != CirParser.CARET_ID) {
      return out;
    }
    out.add(successor());
    while (variadic && peek().getType() == CirParser.COMMA) {
      in.consume();
      out.add(successor());
    }
    return out;
  }

  private Block successor() {
    Token t = peek();
    if (t.getType() != CirParser.CARET_ID) {
      throw expected("block name");
    }
    in.consume();
    return builder.blockRef(t);
  }

  // ---- regions --------------------------------------------------------------------------------

  private List<Region> regionList(boolean variadic) {
    List<Region> out = new ArrayList<>(1);
    if (variadic && peek().getType() != CirParser.LBRACE) {
      return out;
    }
    out.add(region());
    while (variadic && peek().getType() == CirParser.COMMA) {
      in.consume();
      out.add(region());
    }
    return out;
  }

  /** A region, parsed by a nested parser whose events build it (and its ops) in the builder. */
  private Region region() {
    if (peek().getType() != CirParser.LBRACE) {
      throw expected("'{' to begin a region");
    }
    if (def.hasTrait(Trait.ISOLATED_FROM_ABOVE)) {
      builder.isolateNextRegion();
    }
    CirParser p = builder.acquireParser();
    p.region();
    builder.releaseParser(p);
    return parsedRegions.remove(parsedRegions.size() - 1);
  }

  // ---- types ----------------------------------------------------------------------------------

  private static boolean startsType(Token t) {
    return switch (t.getType()) {
      case CirParser.INT_TYPE, CirParser.FLOAT_TYPE, CirParser.INDEX, CirParser.NONE, CirParser.COMPLEX,
          CirParser.TUPLE, CirParser.TENSOR_OPEN, CirParser.UNRANKED_TENSOR_OPEN, CirParser.MEMREF_OPEN,
          CirParser.UNRANKED_MEMREF_OPEN, CirParser.VECTOR_OPEN, CirParser.TYPE_ALIAS_ID,
          CirParser.DIALECT_TYPE_ID, CirParser.DIALECT_TYPE_BODY, CirParser.LPAREN -> true;
      default -> false;
    };
  }

  private Type type() {
    if (!startsType(peek())) {
      throw expected("non-function type");
    }
    CirParser p = builder.acquireParser();
    CirParser.TypeContext t = p.type();
    builder.releaseParser(p);
    return attrs.type(t);
  }

  private FunctionType functionType() {
    if (peek().getType() != CirParser.LPAREN) {
      throw expected("function type");
    }
    CirParser p = builder.acquireParser();
    CirParser.FunctionTypeContext t = p.functionType();
    builder.releaseParser(p);
    return attrs.functionType(t);
  }

  /** One type, at most one, or a comma-separated list that may be empty. */
  private List<Type> typeList(Arity arity) {
    List<Type> out = new ArrayList<>(1);
    if (arity != Arity.SINGLE && !startsType(peek())) {
      return out;
    }
    out.add(type());
    while (arity == Arity.VARIADIC && peek().getType() == CirParser.COMMA) {
      in.consume();
      out.add(type());
    }
    return out;
  }

  private Arity arity(TypeArg arg) {
    if (arg instanceof TypeArg.Operand o) {
      return def.operands().get(o.group()).arity();
    }
    if (arg instanceof TypeArg.Result r) {
      return def.results().get(r.group()).arity();
    }
    return Arity.VARIADIC;
  }

  private void assignTypes(TypeArg arg, List<Type> types) {
    if (arg instanceof TypeArg.Operand o) {
      operandTypes.set(o.group(), types);
    } else if (arg instanceof TypeArg.Result r) {
      resultTypes.set(r.group(), types);
    } else if (arg instanceof TypeArg.Operands) {
      allOperandTypes = types;
    } else {
      allResultTypes = types;
    }
  }

  // ---- attributes -----------------------------------------------------------------------------

  /** {@code $name} of an attribute; when not {@code required}, only if the next token starts one. */
  private void attributeVariable(AttrVar a, boolean required) {
    AttrDef d = a.def();
    if (!required && !startsAttribute(d)) {
      return;
    }
    Token start = peek();
    Attribute value = attributeValue(d);
    if (!d.constraint().storable(value)) {
      throw src.error(start, "invalid kind of attribute specified");
    }
    bindAttribute(d, value);
  }

  private void bindAttribute(AttrDef d, Attribute value) {
    if (d.inherent()) {
      boundProperties.put(d.name(), value);
    } else {
      boundAttributes.add(new NamedAttribute(d.name(), value));
    }
  }

  /**
   * The attribute: a bare literal of the buildable type if it has one, the bracketed elements of
   * a dense array of a known element type, else any attribute.
   */
  private Attribute attributeValue(AttrDef d) {
    Type arrayElement = d.constraint().arrayElementType();
    if (arrayElement != null) {
      return strippedDenseArray(arrayElement);
    }
    Type valueType = d.constraint().valueType();
    Token t = peek();
    boolean negative = t.getType() == CirParser.MINUS;
    Token literal = negative ? in.LT(2) : t;
    boolean number = literal.getType() == CirParser.INTEGER || literal.getType() == CirParser.FLOAT;
    if (valueType != null && number) {
      in.consume();
      if (negative) {
        in.consume();
      }
      return attrs.typedLiteral(negative, literal, valueType);
    }
    if (!startsAttribute(t)) {
      throw expected("attribute value");
    }
    if (t.getType() == CirParser.SYMBOL_ID) {
      return symbolRef();
    }
    if (t.getType() == CirParser.DIALECT_ATTR_ID || t.getType() == CirParser.DIALECT_ATTR_BODY) {
      // A registered dialect's attribute carries no type, so a `:` after it belongs to the form
      // (`$value `:` type($r)`); MLIR would hand the type to the attribute's parser.
      Attribute a = attrs.dialectAttribute(t);
      if (!(a instanceof OpaqueAttr)) {
        in.consume();
        return a;
      }
    }
    CirParser p = builder.acquireParser();
    CirParser.AttributeContext a = p.attribute();
    builder.releaseParser(p);
    return attrs.attribute(a);
  }

  /** MLIR's stripped dense array, {@code [1, 2]}, of {@code element}s. */
  private Attribute strippedDenseArray(Type element) {
    if (peek().getType() != CirParser.LBRACKET) {
      throw expected("'['");
    }
    in.consume();
    List<CirParser.ArrayElementContext> elements = new ArrayList<>();
    if (peek().getType() != CirParser.RBRACKET) {
      while (true) {
        CirParser p = builder.acquireParser();
        elements.add(p.arrayElement());
        builder.releaseParser(p);
        if (peek().getType() != CirParser.COMMA) {
          break;
        }
        in.consume();
      }
    }
    if (peek().getType() != CirParser.RBRACKET) {
      throw expected("']'");
    }
    in.consume();
    return attrs.denseArray(element, elements);
  }

  /**
   * {@code @a::@b}, read here rather than by the grammar's rule: the rule decides on one token
   * that {@code :} continues the reference, which holds in the generic form (no attribute is
   * followed by {@code :} there) but not in custom forms such as {@code $callee `:` type($x)}.
   * Like MLIR, a {@code :} continues it only when another {@code :} follows.
   */
  private Attribute symbolRef() {
    List<Token> ids = new ArrayList<>();
    ids.add(peek());
    in.consume();
    while (true) {
      if (peek().getType() == CirParser.COLON_COLON) {
        in.consume();
      } else if (peek().getType() == CirParser.COLON && in.LT(2).getType() == CirParser.COLON) {
        in.consume();
        in.consume();
      } else {
        return attrs.symbolRef(ids);
      }
      if (peek().getType() != CirParser.SYMBOL_ID) {
        throw expected("symbol reference");
      }
      ids.add(peek());
      in.consume();
    }
  }

  private static boolean startsAttribute(Token t) {
    return t.getType() == CirParser.MINUS || lead(t).startsAttribute();
  }

  /**
   * Whether the next tokens begin a value of the optional attribute {@code d}: an attribute of a
   * kind it can store, judging by the first token (so that an absent string attribute does not
   * swallow the attribute dictionary that follows, as MLIR's typed {@code parseOptionalAttribute}
   * overloads ensure). The printer checks the same rule (see {@link Lead}).
   */
  private boolean startsAttribute(AttrDef d) {
    Token t = peek();
    return lead(t.getType() == CirParser.MINUS ? in.LT(2) : t).takenBy(d);
  }

  /** The kind of the token, as the rules for optional parts see it. */
  private static Lead lead(Token t) {
    return switch (t.getType()) {
      case CirParser.VALUE_ID -> Lead.VALUE;
      case CirParser.CARET_ID -> Lead.CARET;
      case CirParser.LBRACE -> Lead.LBRACE;
      case CirParser.LBRACKET -> Lead.LBRACKET;
      case CirParser.LPAREN -> Lead.LPAREN;
      case CirParser.LESS -> Lead.LESS;
      case CirParser.STRING -> Lead.STRING;
      case CirParser.INTEGER -> Lead.INTEGER;
      case CirParser.FLOAT -> Lead.FLOAT;
      case CirParser.TRUE, CirParser.FALSE -> Lead.BOOL;
      case CirParser.UNIT -> Lead.UNIT;
      case CirParser.SYMBOL_ID -> Lead.SYMBOL;
      case CirParser.ARRAY -> Lead.ARRAY;
      case CirParser.LOC -> Lead.LOC;
      case CirParser.ATTR_ALIAS_ID, CirParser.HASH_NUM, CirParser.DIALECT_ATTR_ID, CirParser.DIALECT_ATTR_BODY,
          CirParser.DENSE, CirParser.DENSE_RESOURCE, CirParser.SPARSE, CirParser.AFFINE_MAP, CirParser.AFFINE_SET,
          CirParser.STRIDED, CirParser.DISTINCT -> Lead.OTHER_ATTRIBUTE;
      default -> startsType(t) ? Lead.TYPE : Lead.WORD;
    };
  }

  /** {@code {...}}, or {@code attributes {...}} with the keyword; optional. */
  private void attrDict(boolean withKeyword) {
    if (withKeyword) {
      if (!matches(peek(), "attributes")) {
        return;
      }
      in.consume();
      if (peek().getType() != CirParser.LBRACE) {
        throw expected("'{'");
      }
    } else if (peek().getType() != CirParser.LBRACE) {
      return;
    }
    CirParser p = builder.acquireParser();
    CirParser.DictionaryContext dict = p.dictionary();
    builder.releaseParser(p);
    attrDict.addAll(attrs.dictionary(dict).entries());
  }

  /** {@code <{...}>}; optional. */
  private void propDict() {
    if (peek().getType() != CirParser.LESS) {
      return;
    }
    Token at = peek();
    in.consume();
    if (!startsAttribute(peek())) {
      throw expected("attribute value");
    }
    CirParser p = builder.acquireParser();
    CirParser.AttributeContext a = p.attribute();
    builder.releaseParser(p);
    Attribute value = attrs.attribute(a);
    if (!(value instanceof DictionaryAttr dict)) {
      throw src.error(at, "expected a dictionary of properties");
    }
    if (peek().getType() != CirParser.GREATER) {
      throw expected("'>'");
    }
    in.consume();
    propDict = dict;
  }

  // ---- the op's state -------------------------------------------------------------------------

  private OperationState state(OperationName opName) {
    Location loc = src.at(nameTok);
    OperationState st = new OperationState(opName, loc);
    PropertiesSplit split = def.splitProperties(explicitProperties(), attributes());
    if (split.failed()) {
      throw new ParseError(loc, split.error());
    }
    DictionaryAttr props = split.properties() == null ? DictionaryAttr.EMPTY : (DictionaryAttr) split.properties();
    absentGroupsAreEmpty();

    int[] operandCounts = operandCounts(props);
    List<List<Use>> uses = allOperandUses != null ? splitByCounts(allOperandUses, operandCounts) : operandUses;
    List<List<Type>> opTypes = operandTypes;
    if (allOperandTypes != null) {
      checkCount(allOperandUses != null ? allOperandUses.size() : total(operandCounts), allOperandTypes.size());
      opTypes = splitByCounts(allOperandTypes, operandCounts);
    }
    List<List<Type>> resTypes = resultTypes;
    if (allResultTypes != null) {
      resTypes = splitByCounts(allResultTypes, resultCounts(props, allResultTypes.size()));
    }
    opTypes = new ArrayList<>(opTypes);
    resTypes = new ArrayList<>(resTypes);
    for (int g = 0; g < opTypes.size(); g++) {
      if (opTypes.get(g) != null) {
        checkCount(uses.get(g).size(), opTypes.get(g).size());
      }
    }
    format.types().infer(opTypes, operandCounts, resTypes);

    for (int g = 0; g < uses.size(); g++) {
      for (int i = 0; i < uses.get(g).size(); i++) {
        Use u = uses.get(g).get(i);
        st.addOperand(builder.resolveUse(u.name(), u.hash(), opTypes.get(g).get(i)));
      }
    }
    for (List<Type> types : resTypes) {
      st.addTypes(types);
    }
    for (Region r : allRegions != null ? allRegions : flatten(regions)) {
      st.addRegion(r);
    }
    for (Block b : allSuccessors != null ? allSuccessors : flatten(successors)) {
      st.addSuccessor(b);
    }
    if (def.hasOperandSegments() && allOperandUses == null) {
      props = props.with(OpDefinition.OPERAND_SEGMENT_SIZES, OpDefinition.segmentSizes(operandCounts));
    }
    if (def.hasResultSegments() && allResultTypes == null) {
      int[] counts = new int[resTypes.size()];
      for (int g = 0; g < counts.length; g++) {
        counts[g] = resTypes.get(g).size();
      }
      props = props.with(OpDefinition.RESULT_SEGMENT_SIZES, OpDefinition.segmentSizes(counts));
    }
    st.properties = props.isEmpty() ? null : props;
    st.attributes.addAll(split.attributes().entries());
    return st;
  }

  /**
   * Groups of an optional group that was absent hold nothing: no operands, no results of
   * variable groups, an empty region for a single region.
   */
  private void absentGroupsAreEmpty() {
    for (int g = 0; g < operandUses.size(); g++) {
      if (operandUses.get(g) == null) {
        operandUses.set(g, List.of());
      }
    }
    for (int g = 0; g < resultTypes.size(); g++) {
      if (resultTypes.get(g) == null && allResultTypes == null && def.results().get(g).arity().isVariable()) {
        resultTypes.set(g, List.of());
      }
    }
    for (int g = 0; g < regions.size(); g++) {
      if (regions.get(g) == null) {
        regions.set(g, def.regions().get(g).variadic() ? List.of() : List.of(new Region()));
      }
    }
  }

  /** The properties the body gave explicitly ({@code $name} and prop-dict), or null. */
  private DictionaryAttr explicitProperties() {
    if (boundProperties.isEmpty() && propDict == null) {
      return null;
    }
    DictionaryAttr d = propDict == null ? DictionaryAttr.EMPTY : propDict;
    for (Map.Entry<String, Attribute> e : boundProperties.entrySet()) {
      d = d.with(e.getKey(), e.getValue());
    }
    return d;
  }

  private DictionaryAttr attributes() {
    List<NamedAttribute> all = new ArrayList<>(attrDict);
    for (NamedAttribute a : boundAttributes) {
      all.removeIf(x -> x.name().equals(a.name()));
      all.add(a);
    }
    return new DictionaryAttr(all);
  }

  private int[] operandCounts(DictionaryAttr props) {
    if (allOperandUses == null) {
      int[] counts = new int[operandUses.size()];
      for (int g = 0; g < counts.length; g++) {
        counts[g] = operandUses.get(g).size();
      }
      return counts;
    }
    return groupSizes(def.operands(), allOperandUses.size(), props.get(OpDefinition.OPERAND_SEGMENT_SIZES),
        "operand");
  }

  private int[] resultCounts(DictionaryAttr props, int total) {
    return groupSizes(def.results(), total, props.get(OpDefinition.RESULT_SEGMENT_SIZES), "result");
  }

  /** How {@code total} values split into {@code groups}: by the segment sizes or by arity. */
  private int[] groupSizes(List<ValueDef> groups, int total, Attribute segments, String what) {
    int[] sizes = new int[groups.size()];
    long variable = groups.stream().filter(g -> g.arity().isVariable()).count();
    if (variable > 1) {
      if (!(segments instanceof DenseArrayAttr d) || d.size() != groups.size()) {
        throw src.error(nameTok, "expected '" + what + "SegmentSizes' in the attributes to split the " + what + "s");
      }
      for (int g = 0; g < sizes.length; g++) {
        sizes[g] = (int) d.getInt(g);
      }
    } else {
      int singles = groups.size() - (int) variable;
      for (int g = 0; g < sizes.length; g++) {
        sizes[g] = groups.get(g).arity().isVariable() ? total - singles : 1;
      }
    }
    if (Arrays.stream(sizes).anyMatch(n -> n < 0) || total(sizes) != total) {
      throw src.error(nameTok, total + " " + what + "s present, but the op's groups expect "
          + Arrays.toString(sizes).replace('[', '(').replace(']', ')'));
    }
    return sizes;
  }

  private static int total(int[] sizes) {
    return Arrays.stream(sizes).sum();
  }

  private void checkCount(int operands, int types) {
    if (operands != types) {
      Token at = operandsStart != null ? operandsStart : nameTok;
      throw src.error(at, operands + " operands present, but expected " + types);
    }
  }

  private static <T> List<List<T>> splitByCounts(List<T> all, int[] counts) {
    List<List<T>> out = new ArrayList<>(counts.length);
    int next = 0;
    for (int n : counts) {
      out.add(new ArrayList<>(all.subList(next, next + n)));
      next += n;
    }
    return out;
  }

  private static <T> List<T> flatten(List<List<T>> groups) {
    List<T> out = new ArrayList<>();
    for (List<T> g : groups) {
      if (g != null) {
        out.addAll(g);
      }
    }
    return out;
  }
}

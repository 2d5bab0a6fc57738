package dev.dyad.roundtrip;

import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
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
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.DistinctAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.IntegerSetAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.OpaqueAttr;
import dev.dyad.ir.attr.SparseElementsAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.StridedLayoutAttr;
import dev.dyad.ir.attr.SymbolRefAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.attr.UnitAttr;
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
import java.util.List;
import java.util.Random;

/**
 * Generates random, structurally valid IR of unregistered ops: nested regions, multiple blocks
 * with arguments and branches (with successor operands), multi-result ops, properties, and every
 * builtin type, attribute and location kind. Deterministic for a (seed, size) pair, so failures
 * reproduce and QuickTheories can shrink by size.
 *
 * <p>Everything generated is valid for both Dyad and {@code mlir-opt-22
 * --allow-unregistered-dialect} and is already in the canonical form MLIR's constructors would
 * produce (simplified affine expressions, collapsed fused locations, no identity layouts, no
 * default memory space), so that printing it must be a fixpoint for both tools. The exclusions
 * are listed, with their reason, where the choice is made.
 */
public final class RandomIr {
  /**
   * Op names. Not {@code test.*}: Debian's mlir-opt-22 registers the {@code test} dialect and
   * would verify those ops. A quoted name with a '$' and a name with several dots are fine.
   */
  private static final String[] OP_NAMES = {"xx.op", "xx.compute", "xx.a$b", "yy.nested.name", "xx.op_1"};

  /** Attribute names: bare identifiers, ones needing quotes, and non-ASCII (sorting, escaping). */
  private static final String[] ATTR_NAMES = {
      "a", "b", "value", "sym_name", "x.y", "with space", "dense", "loc", "i32", "_u$1", "0starts_with_digit",
      "quote\"d", "\u00e9", "\ufffd", "\ud83d\ude00", "Z", "a-b"};

  /**
   * Float types whose literals Dyad reads and writes. Not f80/f128 (values wider than 64 bits) nor
   * the f8 FN/FNUZ/B11/E3M4/E8M0, f6 and f4 formats: Dyad rejects their literals ("float type ...
   * is not supported in literals", a known gap). Those types still appear as types.
   */
  private static final FloatType[] LITERAL_FLOATS = {
      FloatType.F16, FloatType.BF16, FloatType.F32, FloatType.F64, new FloatType(FloatType.Kind.TF32),
      new FloatType(FloatType.Kind.F8E5M2), new FloatType(FloatType.Kind.F8E4M3)};

  private final Random rnd;
  private final int size;
  /** Ops still to create: {@code size} bounds the whole module, nested ops included. */
  private int budget;
  private final Builder b;
  /** Distinct attributes made so far: reused sometimes, so one identity is printed twice. */
  private final List<DistinctAttr> distincts = new ArrayList<>();
  private final Location fileLoc;
  /** Nesting depth of property generation (see the location case of {@link #attribute}). */
  private int inProperties;

  public RandomIr(Context ctx, long seed, int size) {
    this.rnd = new Random(seed);
    this.size = size;
    this.budget = size;
    this.b = new Builder(ctx);
    this.fileLoc = new Location.FileLineCol("gen.cir", 1 + rnd.nextInt(9), 1 + rnd.nextInt(9));
  }

  /** Prints the module of ({@code seed}, {@code size}) with {@code options}. */
  public static String print(long seed, int size, PrintOptions options) {
    Context ctx = new Context();
    ctx.setAllowUnregisteredDialects(true);
    return OperationPrinter.printTopLevel(new RandomIr(ctx, seed, size).module(), options);
  }

  /** How failure messages name a generated module (a Java expression that rebuilds it). */
  public static String describe(long seed, int size) {
    return "RandomIr(seed=" + seed + "L, size=" + size + ")";
  }

  public Operation module() {
    OperationState st = b.state("builtin.module", loc(2));
    Region r = st.addRegion();
    Operation m = Operation.create(st);
    Block body = r.addBlock();
    fillBlock(body, new ArrayList<>(), 0, size);
    return m;
  }

  // ---- structure ------------------------------------------------------------------------------

  /** Appends {@code n} ops to {@code block}, using values of {@code visible} (they dominate it). */
  private void fillBlock(Block block, List<Value> visible, int depth, int n) {
    List<Value> scope = new ArrayList<>(visible);
    scope.addAll(block.getArguments());
    for (int i = 0; i < n && budget > 0; i++) {
      budget--;
      b.setInsertionPointToEnd(block);
      Operation op = randomOp(scope, depth);
      scope.addAll(op.getResults());
    }
    b.setInsertionPointToEnd(block);
  }

  private List<Value> pick(List<Value> scope, int count) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < count && !scope.isEmpty(); i++) {
      out.add(scope.get(rnd.nextInt(scope.size())));
    }
    return out;
  }

  private Operation randomOp(List<Value> scope, int depth) {
    OperationState st = b.state(OP_NAMES[rnd.nextInt(OP_NAMES.length)], loc(2));
    st.addOperands(pick(scope, rnd.nextInt(4)));
    int results = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextInt(2);
    for (int i = 0; i < results; i++) {
      st.addType(type(2));
    }
    int attrs = rnd.nextInt(4);
    for (int i = 0; i < attrs; i++) {
      st.addAttribute(attrName(), attribute(2));
    }
    dedupeState(st);
    if (rnd.nextInt(5) == 0) {
      // Unregistered ops keep any attribute as properties; a dictionary is the common case.
      inProperties++;
      st.properties = rnd.nextInt(4) == 0 ? attribute(1) : dictionary(1 + rnd.nextInt(3), 1);
      inProperties--;
    }
    List<Region> regions = new ArrayList<>();
    if (depth < 3 && rnd.nextInt(4) == 0) {
      int nr = 1 + rnd.nextInt(3);
      for (int i = 0; i < nr; i++) {
        regions.add(st.addRegion());
      }
    }
    Operation op = b.create(st);
    for (Region r : regions) {
      fillRegion(r, scope, depth + 1);
    }
    return op;
  }

  /**
   * Fills a region with 0 to 3 blocks. Block i branches to block i+1 (and sometimes i+2), passing
   * successor operands; the entry block therefore dominates every block and its values are used
   * in later blocks too. MLIR requires every block of a multi-block region to end in a terminator,
   * so only a single block may be left empty or unterminated.
   */
  private void fillRegion(Region r, List<Value> outer, int depth) {
    int blocks = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(3);
    List<Block> created = new ArrayList<>();
    for (int i = 0; i < blocks; i++) {
      Block blk = r.addBlock();
      int args = rnd.nextInt(3);
      for (int a = 0; a < args; a++) {
        blk.addArgument(type(1), loc(1));
      }
      created.add(blk);
    }
    int perBlock = Math.max(1, Math.min(budget, size / 3));
    List<Value> dominating = new ArrayList<>(outer);
    for (int i = 0; i < created.size(); i++) {
      Block blk = created.get(i);
      fillBlock(blk, dominating, depth, rnd.nextInt(perBlock + 1));
      List<Value> local = new ArrayList<>(dominating);
      local.addAll(blk.getArguments());
      for (Operation op : blk.getOperations()) {
        local.addAll(op.getResults());
      }
      if (i == 0) {
        dominating = local;
      }
      b.setInsertionPointToEnd(blk);
      if (i + 1 < created.size()) {
        OperationState br = b.state("xx.br", loc(1));
        br.addSuccessor(created.get(i + 1));
        if (rnd.nextBoolean() && i + 2 < created.size()) {
          br.addSuccessor(created.get(i + 2));
        }
        br.addOperands(pick(local, rnd.nextInt(3)));
        b.create(br);
      } else if (created.size() > 1 || rnd.nextBoolean()) {
        b.create(b.state("xx.yield", loc(1)).addOperands(pick(local, rnd.nextInt(3))));
      }
    }
  }

  private static List<NamedAttribute> dedupe(List<NamedAttribute> in) {
    List<NamedAttribute> out = new ArrayList<>();
    for (NamedAttribute a : in) {
      if (out.stream().noneMatch(o -> o.name().equals(a.name()))) {
        out.add(a);
      }
    }
    return out;
  }

  private static void dedupeState(OperationState st) {
    List<NamedAttribute> d = dedupe(st.attributes);
    st.attributes.clear();
    st.attributes.addAll(d);
  }

  private String attrName() {
    return ATTR_NAMES[rnd.nextInt(ATTR_NAMES.length)];
  }

  // ---- locations ------------------------------------------------------------------------------

  /** File names and location names, some needing escapes (valid UTF-8 only, see below). */
  private String locString() {
    // Not invalid UTF-8 (e.g. "\FF"): Dyad keeps names and file names as Java text and would
    // turn such bytes into U+FFFD (a known bug), while mlir-opt keeps the bytes.
    String[] s = {"f.cir", "dir/sub/file.mlir", "with space", "q\"uote", "back\\slash", "tab\tnl\n", "\u00e9t\u00e9",
        "", "callee", "x"};
    return s[rnd.nextInt(s.length)];
  }

  private Location fileLineCol() {
    String f = locString();
    int line = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(100);
    if (line == 0) {
      // A range needs a start line: one ending on line 0 is not a range, just a differently
      // built "f":0:c, which MLIR would keep apart from the plain one.
      return new Location.FileLineCol(f, 0, rnd.nextInt(100));
    }
    int col = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(100);
    // Ranges: "f":l:c to l2:c2 (l2 > l) or "f":l:c to :c2 (same line). Not a range whose end is
    // its start, nor "f":l: MLIR keeps those as attributes distinct from "f":l:c, which only
    // shows in alias numbering (a known difference, see the interop report).
    return switch (rnd.nextInt(5)) {
      case 0 -> new Location.FileLineCol(f, line, col, line + 1 + rnd.nextInt(5), rnd.nextInt(50));
      case 1 -> new Location.FileLineCol(f, line, col, line, col + 1 + rnd.nextInt(50));
      default -> new Location.FileLineCol(f, line, col);
    };
  }

  Location loc(int depth) {
    int k = rnd.nextInt(depth <= 0 ? 3 : 8);
    return switch (k) {
      case 0 -> Location.UNKNOWN;
      case 1 -> fileLineCol();
      case 2 -> fileLoc;
      case 3 -> new Location.Name(locString(), rnd.nextBoolean() ? Location.UNKNOWN : loc(depth - 1));
      case 4 -> new Location.CallSite(loc(depth - 1), loc(depth - 1));
      case 5 -> fused(depth);
      case 6 -> new Location.Name(locString(), fileLoc);
      default -> fileLineCol();
    };
  }

  /**
   * A fused location in the form MLIR's FusedLoc::get leaves: no unknown or repeated parts, no
   * nested fused location with the same metadata (it would be flattened), and at least two
   * parts unless there is metadata ({@code fused<m>[unknown]} is how an empty one prints).
   */
  private Location fused(int depth) {
    Attribute meta = switch (rnd.nextInt(4)) {
      case 0 -> StringAttr.of("meta");
      case 1 -> attribute(0);
      default -> null;
    };
    List<Location> parts = new ArrayList<>();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      Location l = loc(depth - 1);
      boolean flattens = l instanceof Location.Fused f && java.util.Objects.equals(f.metadata(), meta);
      if (!(l instanceof Location.Unknown) && !flattens && !parts.contains(l)) {
        parts.add(l);
      }
    }
    if (meta == null && parts.size() < 2) {
      parts.add(new Location.FileLineCol("fused-a.cir", 1, 1));
      parts.add(new Location.FileLineCol("fused-b.cir", 2, 2));
      parts = parts.stream().distinct().toList();
    }
    if (parts.isEmpty()) {
      parts = List.of(Location.UNKNOWN);
    }
    return new Location.Fused(parts, meta);
  }

  // ---- types ----------------------------------------------------------------------------------

  Type type(int depth) {
    int k = rnd.nextInt(depth <= 0 ? 5 : 16);
    return switch (k) {
      case 0 -> intType();
      case 1 -> anyFloatType();
      case 2 -> IndexType.INSTANCE;
      case 3 -> literalFloatType();
      case 4 -> rnd.nextBoolean() ? NoneType.INSTANCE : intType();
      case 5 -> new RankedTensorType(shape(true, 4), tensorElementType(depth - 1), rnd.nextInt(4) == 0 ? attribute(0) : null);
      case 6 -> new UnrankedTensorType(tensorElementType(depth - 1));
      case 7 -> vector(true);
      case 8 -> memref(depth);
      case 9 -> new UnrankedMemRefType(memrefElementType(depth - 1), memorySpace());
      case 10 -> new ComplexType(rnd.nextBoolean() ? anyFloatType() : intType());
      case 11 -> {
        List<Type> ts = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          ts.add(type(depth - 1));
        }
        yield new TupleType(ts);
      }
      case 12 -> functionType(depth);
      case 13 -> opaqueType();
      case 14 -> new RankedTensorType(shape(true, 3), scalarType());
      default -> new MemRefType(shape(true, 3), scalarType(), null, null);
    };
  }

  private FunctionType functionType(int depth) {
    List<Type> in = new ArrayList<>();
    List<Type> out = new ArrayList<>();
    int ni = rnd.nextInt(3);
    int no = rnd.nextInt(3);
    for (int i = 0; i < ni; i++) {
      in.add(type(depth - 1));
    }
    for (int i = 0; i < no; i++) {
      out.add(type(depth - 1));
    }
    return new FunctionType(in, out);
  }

  /** Unregistered dialect types: {@code !xx.name<body>} with nested punctuation, and {@code !xx<"...">}. */
  private OpaqueType opaqueType() {
    String[] bodies = {"t", "t<1, \"x\">", "s<[1, 2], {a = b}>", "p<(i32) -> f32, \"a>b\">", "str", "v<>"};
    return rnd.nextInt(5) == 0 ? new OpaqueType("xx", "\"quoted body\"")
        : new OpaqueType(rnd.nextBoolean() ? "xx" : "yy", bodies[rnd.nextInt(bodies.length)]);
  }

  /** MLIR's TensorType::isValidElementType: no function, none, tuple or tensor types. */
  private Type tensorElementType(int depth) {
    return switch (rnd.nextInt(depth <= 0 ? 3 : 6)) {
      case 0 -> scalarType();
      case 1 -> IndexType.INSTANCE;
      case 2 -> anyFloatType();
      case 3 -> new ComplexType(literalFloatType());
      case 4 -> vector(false);
      default -> opaqueType();
    };
  }

  /** MLIR's MemRefType::isValidElementType: scalars, complex, vectors and memrefs. */
  private Type memrefElementType(int depth) {
    return switch (rnd.nextInt(depth <= 0 ? 3 : 6)) {
      case 0 -> scalarType();
      case 1 -> IndexType.INSTANCE;
      case 2 -> anyFloatType();
      case 3 -> new ComplexType(intType());
      case 4 -> vector(false);
      default -> memref(depth - 1);
    };
  }

  /** A vector, possibly 0-d ({@code vector<f32>}) or with scalable dims ({@code vector<[4]x2xf32>}). */
  private VectorType vector(boolean scalable) {
    List<Long> s = new ArrayList<>();
    int rank = rnd.nextInt(4);
    for (int i = 0; i < rank; i++) {
      // MLIR: "vector types must have positive constant sizes".
      s.add(1L + rnd.nextInt(5));
    }
    Type elt = switch (rnd.nextInt(3)) {
      case 0 -> intType();
      case 1 -> IndexType.INSTANCE;
      default -> anyFloatType();
    };
    List<Boolean> sc = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      sc.add(scalable && rnd.nextInt(3) == 0);
    }
    return new VectorType(s, sc, elt);
  }

  private MemRefType memref(int depth) {
    List<Long> s = shape(true, 4);
    Attribute layout = null;
    int l = rnd.nextInt(4);
    if (l == 0) {
      List<Long> strides = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        strides.add(rnd.nextInt(3) == 0 ? ShapedType.DYNAMIC : (long) rnd.nextInt(9));
      }
      long offset = switch (rnd.nextInt(3)) {
        case 0 -> 0;
        case 1 -> ShapedType.DYNAMIC;
        default -> 1 + rnd.nextInt(20);
      };
      layout = new StridedLayoutAttr(offset, strides);
    } else if (l == 1) {
      AffineMap m = affineMap(s.size(), rnd.nextInt(2), s.size());
      // MLIR drops an identity layout; the parser does the same, so never build one.
      layout = m.isIdentity() ? null : new AffineMapAttr(m);
    }
    return new MemRefType(s, memrefElementType(depth - 1), layout, memorySpace());
  }

  /**
   * Memory spaces MLIR accepts: integers (not 0, the default, which MLIR drops), strings and
   * dictionaries. Not an unregistered dialect attribute like {@code #xx.space}: mlir-opt rejects
   * it ("unsupported memory space Attribute") while Dyad accepts it.
   */
  private Attribute memorySpace() {
    return switch (rnd.nextInt(6)) {
      case 0 -> IntegerAttr.i64(1 + rnd.nextInt(7));
      case 1 -> IntegerAttr.of(1 + rnd.nextInt(7), IntegerType.signless(32));
      case 2 -> StringAttr.of("shared");
      case 3 -> new DictionaryAttr(List.of(new NamedAttribute("space", IntegerAttr.i64(3))));
      default -> null;
    };
  }

  private List<Long> shape(boolean allowDynamic, int maxRank) {
    int rank = rnd.nextInt(maxRank + 1);
    List<Long> s = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      s.add(allowDynamic && rnd.nextInt(4) == 0 ? ShapedType.DYNAMIC : (long) rnd.nextInt(6));
    }
    return s;
  }

  private Type scalarType() {
    return rnd.nextBoolean() ? intType() : literalFloatType();
  }

  private IntegerType intType() {
    int[] widths = {1, 1, 8, 16, 32, 64, 3, 128, 17, 0};
    int w = widths[rnd.nextInt(widths.length)];
    IntegerType.Signedness[] s = IntegerType.Signedness.values();
    return new IntegerType(w, s[rnd.nextInt(s.length)]);
  }

  private FloatType literalFloatType() {
    return LITERAL_FLOATS[rnd.nextInt(LITERAL_FLOATS.length)];
  }

  /** Any float type, including those without literal support (only used as types). */
  private FloatType anyFloatType() {
    FloatType.Kind[] kinds = FloatType.Kind.values();
    return new FloatType(kinds[rnd.nextInt(kinds.length)]);
  }

  // ---- attributes -----------------------------------------------------------------------------

  Attribute attribute(int depth) {
    int k = rnd.nextInt(depth <= 0 ? 9 : 25);
    return switch (k) {
      case 0 -> intAttr();
      case 1 -> floatAttr(literalFloatType());
      case 2 -> IntegerAttr.bool(rnd.nextBoolean());
      // String attributes are byte strings: also bytes that are not UTF-8.
      case 3 -> new StringAttr(rnd.nextInt(6) == 0 ? "\u00ff\u0080 raw" : StringAttr.toBytes(string()),
          rnd.nextInt(5) == 0 ? type(0) : null);
      case 4 -> UnitAttr.INSTANCE;
      case 5 -> new TypeAttr(type(1));
      case 6 -> symbolRef();
      case 7 -> opaqueAttr();
      case 8 -> IntegerAttr.of(rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(10), IndexType.INSTANCE);
      case 9 -> {
        List<Attribute> elems = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          elems.add(attribute(depth - 1));
        }
        yield new ArrayAttr(elems);
      }
      case 10 -> dictionary(rnd.nextInt(4), depth - 1);
      case 11 -> denseArray();
      case 12, 13 -> dense();
      case 14 -> new AffineMapAttr(affineMap(rnd.nextInt(4), rnd.nextInt(3), rnd.nextInt(4)));
      case 15 -> new IntegerSetAttr(integerSet());
      case 16 -> denseStrings();
      case 17 -> sparse();
      case 18 -> distinct(depth);
      // Not inside properties: MLIR's alias pass does not visit the properties of unregistered
      // ops, so a location used there and as some op's location prints as a #loc alias that is
      // only defined at the end of the file, and neither mlir-opt nor Dyad reads that back.
      case 19 -> inProperties > 0 ? StringAttr.of("no loc in properties") : loc(2);
      case 20 -> stridedStandalone();
      case 21 -> new TypeAttr(functionType(2));
      case 22 -> wideIntAttr();
      case 23 -> denseResource();
      default -> new ArrayAttr(List.of());
    };
  }

  private DictionaryAttr dictionary(int n, int depth) {
    List<NamedAttribute> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(new NamedAttribute(attrName(), attribute(depth)));
    }
    return new DictionaryAttr(dedupe(entries));
  }

  private SymbolRefAttr symbolRef() {
    String[] names = {"sym", "f", "with space", "0digit", "a.b", "\u00e9"};
    String root = names[rnd.nextInt(names.length)];
    List<String> nested = new ArrayList<>();
    int n = rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      nested.add(names[rnd.nextInt(names.length)]);
    }
    return new SymbolRefAttr(root, nested);
  }

  /** Unregistered dialect attributes: pretty ({@code #xx.a<...>}), bare ({@code #xx.kw}), quoted. */
  private OpaqueAttr opaqueAttr() {
    String[] bodies = {"a<1, [2]>", "kw", "nest<{x = [1, 2]}, \"s>\", (i32)>", "e<>"};
    return rnd.nextInt(5) == 0 ? new OpaqueAttr("xx", "\"quoted\"")
        : new OpaqueAttr(rnd.nextBoolean() ? "xx" : "yy", bodies[rnd.nextInt(bodies.length)]);
  }

  private Attribute distinct(int depth) {
    if (!distincts.isEmpty() && rnd.nextInt(3) == 0) {
      return distincts.get(rnd.nextInt(distincts.size()));
    }
    Attribute referenced = rnd.nextInt(3) == 0 ? UnitAttr.INSTANCE : attribute(depth - 1);
    DistinctAttr d = new DistinctAttr(referenced);
    distincts.add(d);
    return d;
  }

  private StridedLayoutAttr stridedStandalone() {
    List<Long> strides = new ArrayList<>();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      strides.add(rnd.nextBoolean() ? ShapedType.DYNAMIC : (long) rnd.nextInt(100));
    }
    return new StridedLayoutAttr(rnd.nextBoolean() ? 0 : rnd.nextBoolean() ? ShapedType.DYNAMIC : 7, strides);
  }

  // ---- affine ---------------------------------------------------------------------------------

  /**
   * A random affine (or semi-affine) expression built through {@link AffineExprs}, so that it is
   * already simplified the way MLIR would; operands that would make it non-affine are replaced.
   */
  private AffineExpr affineExpr(int dims, int syms, int depth) {
    if (depth <= 0 || rnd.nextInt(3) == 0) {
      int k = rnd.nextInt(3);
      if (k == 0 && dims > 0) {
        return AffineExprs.dim(rnd.nextInt(dims));
      }
      if (k == 1 && syms > 0) {
        return AffineExprs.symbol(rnd.nextInt(syms));
      }
      return AffineExprs.constant(rnd.nextInt(21) - 10);
    }
    AffineExpr.Kind[] kinds = AffineExpr.Kind.values();
    AffineExpr.Kind kind = kinds[rnd.nextInt(kinds.length)];
    AffineExpr lhs = affineExpr(dims, syms, depth - 1);
    AffineExpr rhs = affineExpr(dims, syms, depth - 1);
    boolean division = kind == AffineExpr.Kind.MOD || kind == AffineExpr.Kind.FLOOR_DIV
        || kind == AffineExpr.Kind.CEIL_DIV;
    if (division) {
      // Positive constant or symbol divisors only: a zero or negative one is valid text but
      // exercises arithmetic corner cases that this property is not about.
      rhs = syms > 0 && rnd.nextBoolean() ? AffineExprs.symbol(rnd.nextInt(syms)) : AffineExprs.constant(1 + rnd.nextInt(8));
    }
    if (AffineExprs.nonAffineError(kind, lhs, rhs) != null) {
      rhs = AffineExprs.constant(1 + rnd.nextInt(8));
    }
    AffineExpr e = AffineExprs.binary(kind, lhs, rhs);
    return printable(e) ? e : lhs;
  }

  /**
   * Whether MLIR's printer writes {@code e} in a form that parses back to {@code e}. It does not
   * for a sum whose right operand is a sum: {@code d0 + (d0 + 1)} prints as {@code d0 + d0 + 1},
   * which reads back as {@code d0 * 2 + 1} (mlir-opt's own output is no fixpoint there either).
   */
  private static boolean printable(AffineExpr e) {
    if (e instanceof AffineExpr.Binary bin) {
      if (bin.kind() == AffineExpr.Kind.ADD && bin.rhs() instanceof AffineExpr.Binary r
          && r.kind() == AffineExpr.Kind.ADD) {
        return false;
      }
      return printable(bin.lhs()) && printable(bin.rhs());
    }
    return true;
  }

  private AffineMap affineMap(int dims, int syms, int results) {
    List<AffineExpr> exprs = new ArrayList<>();
    for (int i = 0; i < results; i++) {
      exprs.add(affineExpr(dims, syms, 3));
    }
    return new AffineMap(dims, syms, exprs);
  }

  private IntegerSet integerSet() {
    int dims = rnd.nextInt(3);
    int syms = rnd.nextInt(3);
    if (rnd.nextInt(8) == 0) {
      return rnd.nextBoolean() ? IntegerSet.unconstrained(dims, syms) : IntegerSet.empty(dims, syms);
    }
    List<AffineExpr> cs = new ArrayList<>();
    List<Boolean> eq = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      cs.add(affineExpr(dims, syms, 3));
      eq.add(rnd.nextInt(3) == 0);
    }
    return new IntegerSet(dims, syms, cs, eq);
  }

  // ---- dense attributes -----------------------------------------------------------------------

  /**
   * {@code array<T: ...>} of every element type MLIR allows. Not index: mlir-opt-22 accepts
   * {@code array<index: ...>} in the parser but crashes printing it.
   */
  private DenseArrayAttr denseArray() {
    Type[] types = {IntegerType.I1, IntegerType.I8, IntegerType.I16, IntegerType.I32, IntegerType.I64, FloatType.F32, FloatType.F64};
    Type t = types[rnd.nextInt(types.length)];
    long[] v = new long[rnd.nextInt(6)];
    for (int i = 0; i < v.length; i++) {
      v[i] = t instanceof FloatType ft ? floatBits(ft) : rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(7) - 3;
    }
    return new DenseArrayAttr(t, v);
  }

  /** A static shape for dense elements: a tensor or (not scalable) vector type. */
  private ShapedType denseType(Type elt, List<Long> shape) {
    boolean vectorOk = (elt instanceof IntegerType || elt instanceof IndexType || elt instanceof FloatType)
        && !shape.isEmpty() && !shape.contains(0L);
    return vectorOk && rnd.nextInt(4) == 0 ? new VectorType(shape, elt) : new RankedTensorType(shape, elt);
  }

  private Type denseElementType() {
    return switch (rnd.nextInt(7)) {
      case 0 -> IntegerType.I1;
      case 1 -> IndexType.INSTANCE;
      // Not complex<i1>: mlir-opt-22 misreads those elements (dense<(-1,-1)> : tensor<complex<si1>>
      // prints as (true,false)) and rejects its own hex form of them.
      case 2 -> new ComplexType(rnd.nextBoolean() ? literalFloatType() : intType64(2));
      case 3, 4 -> intType64();
      default -> literalFloatType();
    };
  }

  private IntegerType intType64() {
    return intType64(1);
  }

  /** An integer type of {@code minWidth} to 64 bits. */
  private IntegerType intType64(int minWidth) {
    IntegerType t;
    do {
      t = intType();
    } while (t.width() > 64 || t.width() < minWidth);
    return t;
  }

  /** Dense elements: splat, full (nested lists), hex (over 100 elements), empty, complex, bool, wide ints. */
  private Attribute dense() {
    if (rnd.nextInt(8) == 0) {
      return wideDense();
    }
    Type elt = denseElementType();
    List<Long> shape = shape(false, 3);
    int form = rnd.nextInt(6);
    if (form == 0) {
      shape = List.of(101L + rnd.nextInt(40));
    } else if (form == 1) {
      shape = List.of(3L, 34L + rnd.nextInt(5));
    }
    ShapedType t = denseType(elt, shape);
    int per = DenseElementsAttr.scalarsPerElement(elt);
    Type scalar = DenseElementsAttr.scalarType(elt);
    boolean splat = rnd.nextInt(3) == 0 && t.numElements() > 0;
    long n = splat ? 1 : t.numElements();
    long[] v = new long[(int) (n * per)];
    boolean few = rnd.nextBoolean();
    for (int i = 0; i < v.length; i++) {
      if (scalar instanceof FloatType ft) {
        v[i] = floatBits(ft);
      } else {
        v[i] = few ? rnd.nextInt(2) : rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(200) - 100;
      }
    }
    return DenseElementsAttr.get(t, v);
  }

  /** Integer elements wider than 64 bits (MLIR prints them in decimal; never hex below 101). */
  private Attribute wideDense() {
    IntegerType.Signedness[] s = IntegerType.Signedness.values();
    IntegerType t = new IntegerType(rnd.nextBoolean() ? 128 : 65 + rnd.nextInt(100), s[rnd.nextInt(s.length)]);
    List<Long> shape = shape(false, 2);
    RankedTensorType tt = new RankedTensorType(shape, t);
    boolean splat = rnd.nextBoolean() || tt.numElements() == 0;
    int n = splat ? 1 : (int) tt.numElements();
    BigInteger[] values = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      values[i] = new BigInteger(t.width(), rnd).subtract(BigInteger.ONE.shiftLeft(t.width() - 1));
    }
    if (tt.numElements() == 0) {
      return DenseElementsAttr.get(new RankedTensorType(shape, IntegerType.I32), new long[0]);
    }
    return DenseElementsAttr.getWide(tt, values);
  }

  /** {@code dense_resource<handle> : type}, a handle to a blob this file does not contain. */
  private Attribute denseResource() {
    String[] handles = {"blob", "blob_1", "x.y", "with space", "__elided__"};
    List<Long> shape = new ArrayList<>();
    int rank = rnd.nextInt(3);
    for (int i = 0; i < rank; i++) {
      shape.add(1L + rnd.nextInt(4));
    }
    Type elt = scalarType64();
    ShapedType t = denseType(elt, shape);
    return new DenseResourceAttr(handles[rnd.nextInt(handles.length)], t);
  }

  private IntegerAttr wideIntAttr() {
    IntegerType.Signedness[] s = IntegerType.Signedness.values();
    IntegerType t = new IntegerType(65 + rnd.nextInt(200), s[rnd.nextInt(s.length)]);
    return new IntegerAttr(new BigInteger(t.width(), rnd), t);
  }

  /** {@code dense<["a", "b"]> : tensor<2x!xx.str>}: string elements, splat or not. */
  private Attribute denseStrings() {
    List<Long> shape = shape(false, 2);
    RankedTensorType t = new RankedTensorType(shape, new OpaqueType("xx", "str"));
    int n = (int) t.numElements();
    if (n > 0 && rnd.nextBoolean()) {
      return DenseStringElementsAttr.get(t, List.of(StringAttr.toBytes(string())));
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(StringAttr.toBytes(string()));
    }
    return DenseStringElementsAttr.get(t, values);
  }

  /** {@code sparse<indices, values> : type} with in-bounds indices; empty when the type has no element. */
  private Attribute sparse() {
    List<Long> shape = new ArrayList<>();
    int rank = 1 + rnd.nextInt(3);
    for (int i = 0; i < rank; i++) {
      shape.add(1L + rnd.nextInt(5));
    }
    boolean strings = rnd.nextInt(4) == 0;
    Type elt = strings ? new OpaqueType("xx", "str") : scalarType64();
    ShapedType type = denseType(elt, shape);
    // Distinct indices: with repeated ones, e.g. [[0], [0]], the indices are a splat and print as
    // sparse<0, [1, 2]>, which neither MLIR nor Dyad reads back (one index, two values).
    List<List<Long>> tuples = new ArrayList<>();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      List<Long> t = new ArrayList<>();
      for (int d = 0; d < rank; d++) {
        t.add((long) rnd.nextInt(shape.get(d).intValue()));
      }
      if (!tuples.contains(t)) {
        tuples.add(t);
      }
    }
    n = tuples.size();
    long[] idx = new long[n * rank];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < rank; d++) {
        idx[i * rank + d] = tuples.get(i).get(d);
      }
    }
    DenseElementsAttr indices = DenseElementsAttr.get(
        new RankedTensorType(List.of((long) n, (long) rank), IntegerType.I64), idx);
    RankedTensorType valType = new RankedTensorType(List.of((long) n), elt);
    Attribute values;
    if (strings) {
      List<String> vs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        vs.add(StringAttr.toBytes(string()));
      }
      values = DenseStringElementsAttr.get(valType, vs);
    } else {
      long[] vs = new long[n];
      for (int i = 0; i < n; i++) {
        vs[i] = elt instanceof FloatType ft ? floatBits(ft) : rnd.nextInt(100);
      }
      values = DenseElementsAttr.get(valType, vs);
    }
    return new SparseElementsAttr(type, indices, values);
  }

  private Type scalarType64() {
    return rnd.nextBoolean() ? intType64() : literalFloatType();
  }

  private IntegerAttr intAttr() {
    IntegerType t;
    do {
      t = intType();
    } while (t.width() == 0);
    long v = switch (rnd.nextInt(4)) {
      case 0 -> rnd.nextLong();
      case 1 -> Long.MIN_VALUE;
      default -> rnd.nextInt(100) - 50;
    };
    return IntegerAttr.of(v, t);
  }

  private FloatAttr floatAttr(FloatType t) {
    return new FloatAttr(floatBits(t), t);
  }

  /** Nice values (exact, special, denormal-ish) and raw bit patterns (NaN payloads, denormals). */
  private long floatBits(FloatType t) {
    double[] nice = {0.0, -0.0, 1.0, 0.1, -2.5, 1e10, 3.14159, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1e-5, 65504.0, 1.5, -1e-300};
    if (t.equals(FloatType.F64)) {
      return rnd.nextBoolean() ? Double.doubleToRawLongBits(nice[rnd.nextInt(nice.length)]) : rnd.nextLong();
    }
    long mask = (1L << t.width()) - 1;
    if (t.equals(FloatType.F32) && rnd.nextBoolean()) {
      return Float.floatToRawIntBits((float) nice[rnd.nextInt(nice.length)]) & mask;
    }
    return rnd.nextLong() & mask;
  }

  private String string() {
    String[] s = {"", "plain", "with \"quotes\"", "back\\slash", "tab\tnewline\n", "unicode \u00e9\u20ac", "\u0001ctl",
        "emoji \ud83d\ude00", "}>]", "#alias", "\u007f"};
    return s[rnd.nextInt(s.length)];
  }
}

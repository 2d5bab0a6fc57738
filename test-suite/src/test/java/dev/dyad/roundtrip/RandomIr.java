package dev.dyad.roundtrip;

import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.affine.AffineExpr;
import dev.dyad.ir.affine.AffineMap;
import dev.dyad.ir.affine.IntegerSet;
import dev.dyad.ir.attr.AffineMapAttr;
import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random, structurally valid IR of unregistered ops: nested regions, multiple blocks
 * with arguments and branches, multi-result ops, and every builtin type and attribute kind.
 * Deterministic for a (seed, size) pair, so that failures can be reproduced and shrunk by size.
 */
final class RandomIr {
  private final Random rnd;
  private final int size;
  private final Builder b;
  private final Context ctx;
  private int opCounter;

  RandomIr(Context ctx, long seed, int size) {
    this.rnd = new Random(seed);
    this.size = size;
    this.ctx = ctx;
    this.b = new Builder(ctx);
  }

  Operation module() {
    OperationState st = b.state("builtin.module", loc());
    Region r = st.addRegion();
    Operation m = Operation.create(st);
    Block body = r.addBlock();
    fillBlock(body, new ArrayList<>(), 0, size, false);
    return m;
  }

  /** Fills {@code block} with {@code n} ops using values from {@code visible} (dominating values). */
  private void fillBlock(Block block, List<Value> visible, int depth, int n, boolean terminate) {
    List<Value> scope = new ArrayList<>(visible);
    scope.addAll(block.getArguments());
    b.setInsertionPointToEnd(block);
    for (int i = 0; i < n; i++) {
      Operation op = randomOp(scope, depth);
      scope.addAll(op.getResults());
      b.setInsertionPointToEnd(block);
    }
    if (terminate) {
      b.create(b.state("t.yield", loc()).addOperands(pick(scope, rnd.nextInt(2))));
    }
  }

  private List<Value> pick(List<Value> scope, int count) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < count && !scope.isEmpty(); i++) {
      out.add(scope.get(rnd.nextInt(scope.size())));
    }
    return out;
  }

  private Operation randomOp(List<Value> scope, int depth) {
    OperationState st = b.state("t.op" + (opCounter++ % 7), loc());
    st.addOperands(pick(scope, rnd.nextInt(3)));
    int results = rnd.nextInt(4) == 0 ? rnd.nextInt(4) : rnd.nextInt(2);
    for (int i = 0; i < results; i++) {
      st.addType(type(2));
    }
    int attrs = rnd.nextInt(3);
    for (int i = 0; i < attrs; i++) {
      st.addAttribute(attrName(), attribute(2));
    }
    if (rnd.nextInt(5) == 0) {
      List<NamedAttribute> props = new ArrayList<>();
      props.add(new NamedAttribute(attrName(), attribute(1)));
      st.properties = new DictionaryAttr(dedupe(props));
    }
    dedupeState(st);
    List<Region> regions = new ArrayList<>();
    if (depth < 3 && rnd.nextInt(4) == 0) {
      int nr = 1 + rnd.nextInt(2);
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

  private void fillRegion(Region r, List<Value> outer, int depth) {
    int blocks = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(3);
    List<Block> created = new ArrayList<>();
    for (int i = 0; i < blocks; i++) {
      Block blk = r.addBlock();
      int args = rnd.nextInt(3);
      for (int a = 0; a < args; a++) {
        blk.addArgument(type(1), loc());
      }
      created.add(blk);
    }
    int perBlock = Math.max(0, size / 4);
    for (int i = 0; i < created.size(); i++) {
      Block blk = created.get(i);
      fillBlock(blk, outer, depth, rnd.nextInt(perBlock + 1), false);
      // Branch to later blocks so that predecessor comments get exercised.
      if (i + 1 < created.size()) {
        OperationState br = b.state("t.br", loc());
        br.addSuccessor(created.get(i + 1));
        if (rnd.nextBoolean() && i + 2 < created.size()) {
          br.addSuccessor(created.get(i + 2));
        }
        br.addOperands(pick(new ArrayList<>(blk.getArguments()), rnd.nextInt(2)));
        b.setInsertionPointToEnd(blk);
        b.create(br);
      } else if (rnd.nextBoolean()) {
        b.setInsertionPointToEnd(blk);
        b.create(b.state("t.yield", loc()).addOperands(pick(new ArrayList<>(outer), rnd.nextInt(2))));
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
    String[] names = {"a", "b", "value", "sym_name", "x.y", "with space", "dense", "loc", "i32", "_u$1"};
    return names[rnd.nextInt(names.length)];
  }

  private Location loc() {
    return switch (rnd.nextInt(6)) {
      case 0 -> Location.UNKNOWN;
      case 1 -> new Location.FileLineCol("f.cir", 1 + rnd.nextInt(50), 1 + rnd.nextInt(80));
      case 2 -> new Location.Name("n" + rnd.nextInt(5), Location.UNKNOWN);
      case 3 -> new Location.Name("n", new Location.FileLineCol("g.cir", 3, 4));
      case 4 -> new Location.CallSite(new Location.Name("callee", Location.UNKNOWN), new Location.FileLineCol("h.cir", 9, 2));
      default -> new Location.Fused(List.of(new Location.FileLineCol("a.cir", 1, 2), Location.UNKNOWN),
          rnd.nextBoolean() ? null : StringAttr.of("meta"));
    };
  }

  // ---- types ----------------------------------------------------------------------------------

  Type type(int depth) {
    int k = rnd.nextInt(depth <= 0 ? 4 : 14);
    return switch (k) {
      case 0 -> intType();
      case 1 -> floatType();
      case 2 -> IndexType.INSTANCE;
      case 3 -> rnd.nextBoolean() ? NoneType.INSTANCE : IntegerType.I32;
      case 4 -> new RankedTensorType(shape(true), scalarType(), rnd.nextInt(4) == 0 ? StringAttr.of("enc") : null);
      case 5 -> new UnrankedTensorType(scalarType());
      case 6 -> {
        List<Long> s = shape(false);
        List<Boolean> sc = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
          sc.add(rnd.nextInt(4) == 0);
        }
        yield s.isEmpty() ? new VectorType(List.of(4L), scalarType()) : new VectorType(s, sc, scalarType());
      }
      case 7 -> memref();
      case 8 -> new UnrankedMemRefType(scalarType(), rnd.nextBoolean() ? null : IntegerAttr.i64(1));
      case 9 -> new ComplexType(floatType());
      case 10 -> new TupleType(List.of(type(depth - 1), type(depth - 1)));
      case 11 -> new FunctionType(List.of(type(depth - 1)), rnd.nextBoolean() ? List.of(type(depth - 1)) : List.of());
      case 12 -> new OpaqueType("d", rnd.nextBoolean() ? "t<1, \"x\">" : "plain");
      default -> new OpaqueType("e", "\"quoted body\"");
    };
  }

  private MemRefType memref() {
    List<Long> s = shape(true);
    Attribute layout = null;
    if (rnd.nextInt(3) == 0 && !s.isEmpty()) {
      List<Long> strides = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        strides.add(rnd.nextBoolean() ? ShapedType.DYNAMIC : (long) (1 + rnd.nextInt(8)));
      }
      layout = new StridedLayoutAttr(rnd.nextBoolean() ? 0 : ShapedType.DYNAMIC, strides);
    }
    return new MemRefType(s, scalarType(), layout, rnd.nextInt(3) == 0 ? IntegerAttr.i64(2) : null);
  }

  private List<Long> shape(boolean allowDynamic) {
    int rank = rnd.nextInt(4);
    List<Long> s = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      s.add(allowDynamic && rnd.nextInt(4) == 0 ? ShapedType.DYNAMIC : (long) (1 + rnd.nextInt(5)));
    }
    return s;
  }

  private Type scalarType() {
    return rnd.nextBoolean() ? intType() : floatType();
  }

  private IntegerType intType() {
    int[] widths = {1, 8, 16, 32, 64, 3};
    int w = widths[rnd.nextInt(widths.length)];
    IntegerType.Signedness[] s = IntegerType.Signedness.values();
    return new IntegerType(w, w == 1 ? IntegerType.Signedness.SIGNLESS : s[rnd.nextInt(s.length)]);
  }

  private FloatType floatType() {
    FloatType[] f = {FloatType.F16, FloatType.BF16, FloatType.F32, FloatType.F64};
    return f[rnd.nextInt(f.length)];
  }

  // ---- attributes -----------------------------------------------------------------------------

  Attribute attribute(int depth) {
    int k = rnd.nextInt(depth <= 0 ? 8 : 16);
    return switch (k) {
      case 0 -> intAttr();
      case 1 -> floatAttr(floatType());
      case 2 -> IntegerAttr.bool(rnd.nextBoolean());
      case 3 -> new StringAttr(StringAttr.toBytes(string()), rnd.nextInt(5) == 0 ? IntegerType.I32 : null);
      case 4 -> UnitAttr.INSTANCE;
      case 5 -> new TypeAttr(type(1));
      case 6 -> rnd.nextBoolean() ? SymbolRefAttr.flat("sym" + rnd.nextInt(3))
          : new SymbolRefAttr("outer", List.of("inner", "with space"));
      case 7 -> new OpaqueAttr("d", rnd.nextBoolean() ? "a<1, [2]>" : "kw");
      case 8 -> new ArrayAttr(List.of(attribute(depth - 1), attribute(depth - 1)));
      case 9 -> new DictionaryAttr(dedupe(List.of(new NamedAttribute(attrName(), attribute(depth - 1)),
          new NamedAttribute(attrName(), attribute(depth - 1)))));
      case 10 -> denseArray();
      case 11 -> dense();
      case 12 -> new AffineMapAttr(affineMap());
      case 13 -> new IntegerSetAttr(new IntegerSet(1, 1, List.of(
          new AffineExpr.Binary(AffineExpr.Kind.ADD, new AffineExpr.Dim(0), new AffineExpr.Symbol(0))), List.of(rnd.nextBoolean())));
      case 14 -> IntegerAttr.of(rnd.nextLong(), IndexType.INSTANCE);
      default -> new ArrayAttr(List.of());
    };
  }

  private AffineMap affineMap() {
    AffineExpr d0 = new AffineExpr.Dim(0);
    AffineExpr d1 = new AffineExpr.Dim(1);
    AffineExpr s0 = new AffineExpr.Symbol(0);
    List<AffineExpr> choices = List.of(d0, d1,
        new AffineExpr.Binary(AffineExpr.Kind.ADD, d0, s0),
        new AffineExpr.Binary(AffineExpr.Kind.MUL, d1, new AffineExpr.Constant(4)),
        new AffineExpr.Binary(AffineExpr.Kind.FLOOR_DIV, d0, new AffineExpr.Constant(2)),
        new AffineExpr.Binary(AffineExpr.Kind.MOD, d1, new AffineExpr.Constant(3)));
    // Without a symbol, only the expressions that do not mention s0 are allowed.
    int symbols = rnd.nextInt(2);
    List<AffineExpr> usable = symbols == 1 ? choices : List.of(choices.get(0), choices.get(1), choices.get(3));
    return new AffineMap(2, symbols, List.of(usable.get(rnd.nextInt(usable.size())), usable.get(rnd.nextInt(usable.size()))));
  }

  private DenseArrayAttr denseArray() {
    Type[] types = {IntegerType.I1, IntegerType.I8, IntegerType.I16, IntegerType.I32, IntegerType.I64, FloatType.F32, FloatType.F64};
    Type t = types[rnd.nextInt(types.length)];
    long[] v = new long[rnd.nextInt(4)];
    for (int i = 0; i < v.length; i++) {
      v[i] = t instanceof FloatType ft ? floatBits(ft) : rnd.nextLong();
    }
    return new DenseArrayAttr(t, v);
  }

  private DenseElementsAttr dense() {
    Type elt = rnd.nextInt(5) == 0 ? new ComplexType(FloatType.F32) : scalarType();
    List<Long> shape = shape(false);
    if (rnd.nextInt(6) == 0) {
      shape = List.of(101L + rnd.nextInt(20));
    }
    RankedTensorType t = new RankedTensorType(shape, elt);
    int per = DenseElementsAttr.scalarsPerElement(elt);
    Type scalar = DenseElementsAttr.scalarType(elt);
    long n = rnd.nextBoolean() ? 1 : t.numElements();
    long[] v = new long[(int) (n * per)];
    for (int i = 0; i < v.length; i++) {
      v[i] = scalar instanceof FloatType ft ? floatBits(ft) : rnd.nextInt(3) == 0 ? 1 : rnd.nextLong();
    }
    return DenseElementsAttr.get(t, v);
  }

  private IntegerAttr intAttr() {
    IntegerType t = intType();
    return IntegerAttr.of(rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(100) - 50, t);
  }

  private FloatAttr floatAttr(FloatType t) {
    return new FloatAttr(floatBits(t), t);
  }

  private long floatBits(FloatType t) {
    double[] nice = {0.0, -0.0, 1.0, 0.1, -2.5, 1e10, 3.14159, Double.NaN, Double.POSITIVE_INFINITY, 1e-5};
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
    String[] s = {"", "plain", "with \"quotes\"", "back\\slash", "tab\tnewline\n", "unicode \u00e9\u20ac", "\u0001ctl"};
    return s[rnd.nextInt(s.length)];
  }
}

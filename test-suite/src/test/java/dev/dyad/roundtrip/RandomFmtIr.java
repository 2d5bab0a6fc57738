package dev.dyad.roundtrip;

import dev.dyad.format.FmtDialect;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.MemRefType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates random, valid modules of {@code fmt} ops (the test dialect with assembly formats):
 * every op kind, optional parts present or not, variadic groups of any size, nested and
 * isolated regions, and attributes, types and locations from {@link RandomIr}. Operands come
 * from unregistered {@code xx.src} ops producing values of the types needed. Deterministic for
 * a (seed, size) pair. In "MLIR test ops" mode only the ops that mirror MLIR's test dialect
 * appear, in forms mlir-opt-22 reads back (it cannot read an empty variadic type list).
 */
public final class RandomFmtIr {
  private static final Type I64 = IntegerType.I64;
  private static final String[] ATTR_NAMES = {"tag", "x.note", "with space", "zz"};

  private final RandomIr leaves;
  private final Random rnd;
  private final Builder b;
  private int budget;
  private final boolean mlirTestOps;

  public RandomFmtIr(Context ctx, long seed, int size) {
    this(ctx, seed, size, false);
  }

  /** With {@code mlirTestOps}, only ops that mlir-opt-22 knows (as {@code test.*}) are made. */
  public RandomFmtIr(Context ctx, long seed, int size, boolean mlirTestOps) {
    this.leaves = new RandomIr(ctx, seed ^ 0x5f3759dfL, size);
    this.rnd = new Random(seed);
    this.b = new Builder(ctx);
    this.budget = size;
    this.mlirTestOps = mlirTestOps;
  }

  /** A context that knows the {@code fmt} ops and accepts the unregistered value sources. */
  public static Context context() {
    Context ctx = new Context();
    ctx.register(new FmtDialect());
    ctx.setAllowUnregisteredDialects(true);
    return ctx;
  }

  public Operation module() {
    OperationState st = b.state("builtin.module", leaves.loc(1));
    Region r = st.addRegion();
    Operation m = Operation.create(st);
    fillBlock(r.addBlock(), new ArrayList<>(), 0);
    return m;
  }

  private void fillBlock(Block block, List<Value> visible, int depth) {
    List<Value> scope = new ArrayList<>(visible);
    scope.addAll(block.getArguments());
    int n = depth == 0 ? budget : rnd.nextInt(Math.max(1, Math.min(budget, 4)) + 1);
    for (int i = 0; i < n && budget > 0; i++) {
      budget--;
      b.setInsertionPointToEnd(block);
      Operation op = randomOp(scope, depth);
      scope.addAll(op.getResults());
    }
  }

  // ---- values ---------------------------------------------------------------------------------

  /** A value of type {@code t}: one in scope, or the result of a new source op. */
  private Value valueOf(Type t, List<Value> scope) {
    List<Value> matching = scope.stream().filter(v -> v.getType().equals(t)).toList();
    if (!matching.isEmpty() && rnd.nextInt(3) != 0) {
      return matching.get(rnd.nextInt(matching.size()));
    }
    Value v = b.create(b.state("xx.src", leaves.loc(1)).addType(t)).getResult(0);
    scope.add(v);
    return v;
  }

  private List<Value> values(Type t, int n, List<Value> scope) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(valueOf(t, scope));
    }
    return out;
  }

  private Value anyValue(List<Value> scope) {
    return valueOf(leaves.type(1), scope);
  }

  private List<Type> types(int n) {
    List<Type> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(leaves.type(1));
    }
    return out;
  }

  private Type tensor() {
    List<Long> shape = new ArrayList<>();
    int rank = rnd.nextInt(3);
    for (int i = 0; i < rank; i++) {
      shape.add((long) 1 + rnd.nextInt(4));
    }
    return new RankedTensorType(shape, rnd.nextBoolean() ? FloatType.F32 : IntegerType.I8);
  }

  private Type memref() {
    return new MemRefType(List.of((long) 1 + rnd.nextInt(3)), FloatType.F64, null, null);
  }

  // ---- ops ------------------------------------------------------------------------------------

  private OperationState state(String name) {
    OperationState st = b.state(FmtDialect.NAMESPACE + "." + name, leaves.loc(2));
    if (rnd.nextInt(4) == 0) {
      st.addAttribute(ATTR_NAMES[rnd.nextInt(ATTR_NAMES.length)], leaves.attribute(1));
    }
    return st;
  }

  private void prop(OperationState st, String name, Attribute value) {
    DictionaryAttr props = st.properties == null ? DictionaryAttr.EMPTY : (DictionaryAttr) st.properties;
    st.properties = props.with(name, value);
  }

  private void segments(OperationState st, String which, int... sizes) {
    prop(st, which, OpDefinition.segmentSizes(sizes));
  }

  private Attribute i64() {
    return IntegerAttr.of(rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(21) - 10, I64);
  }

  /** At least one when mlir-opt must read the list back. */
  private int count(int bound) {
    return mlirTestOps ? 1 + rnd.nextInt(bound - 1) : rnd.nextInt(bound);
  }

  private Operation randomOp(List<Value> scope, int depth) {
    OperationState st;
    int kind;
    if (mlirTestOps) {
      // 8..22: the MLIR test ops; 23 stands for a region op (24).
      kind = 8 + rnd.nextInt(depth < 2 ? 16 : 15);
      kind = kind == 23 ? 24 : kind;
    } else {
      // 24, 25: region ops.
      kind = rnd.nextInt(depth < 2 ? 26 : 24);
    }
    switch (kind) {
      case 0 -> {
        Value v = anyValue(scope);
        st = state("relu").addOperand(v).addType(v.getType());
      }
      case 1 -> {
        Value v = anyValue(scope);
        st = state("add").addOperand(v).addOperand(valueOf(v.getType(), scope)).addType(v.getType());
      }
      case 2 -> {
        st = state("conv").addOperand(valueOf(tensor(), scope)).addOperand(valueOf(tensor(), scope));
        if (rnd.nextBoolean()) {
          st.addOperand(valueOf(tensor(), scope));
        }
        st.addType(tensor());
        if (rnd.nextBoolean()) {
          prop(st, "stride", i64());
        }
        if (rnd.nextBoolean()) {
          prop(st, "relu", UnitAttr.INSTANCE);
        }
      }
      case 3 -> {
        st = state("const").addType(leaves.type(1));
        prop(st, "value", leaves.attribute(2));
      }
      case 4 -> {
        st = state("range").addType(IndexType.INSTANCE);
        prop(st, "lo", i64());
        prop(st, "hi", i64());
        prop(st, "step", rnd.nextBoolean() ? IntegerAttr.of(1, I64) : i64());
      }
      case 5 -> {
        st = state("scale").addOperand(valueOf(FloatType.F32, scope)).addType(FloatType.F32);
        prop(st, "factor", new FloatAttr(rnd.nextInt() & 0xFFFFFFFFL, FloatType.F32));
        if (rnd.nextBoolean()) {
          prop(st, "fast", UnitAttr.INSTANCE);
        }
        if (rnd.nextBoolean()) {
          st.addAttribute("note", StringAttr.of("n" + rnd.nextInt(9)));
        }
      }
      case 6 -> {
        st = state("call").addOperands(pick(scope, rnd.nextInt(4))).addTypes(types(rnd.nextInt(4)));
      }
      case 7 -> {
        st = state("results").addTypes(types(rnd.nextInt(4)));
      }
      case 8 -> {
        st = state("format_attr_op");
        prop(st, "attr", i64());
      }
      case 9 -> {
        st = state(rnd.nextBoolean() ? "format_opt_attr_op_a" : "format_opt_attr_op_b");
        if (rnd.nextBoolean()) {
          prop(st, "opt_attr", i64());
        }
      }
      case 10 -> {
        String suffix = String.valueOf("abcde".charAt(rnd.nextInt(5)));
        st = state("format_operand_" + suffix + "_op").addOperand(valueOf(I64, scope))
            .addOperand(valueOf(memref(), scope));
      }
      case 11 -> {
        String suffix = String.valueOf("abc".charAt(rnd.nextInt(3)));
        st = state("format_result_" + suffix + "_op").addType(I64).addType(memref());
      }
      case 12 -> {
        int a = rnd.nextInt(3);
        Type t = leaves.type(1);
        int n = count(3);
        st = state("format_multiple_variadic_operands").addOperands(values(I64, a, scope))
            .addOperands(values(t, n, scope));
        segments(st, OpDefinition.OPERAND_SEGMENT_SIZES, a, n);
      }
      case 13 -> {
        int opt = rnd.nextInt(2);
        int var = rnd.nextInt(3);
        st = state(rnd.nextBoolean() ? "format_optional_operand_result_a_op" : "format_optional_operand_result_b_op")
            .addOperands(values(I64, opt + var, scope));
        if (rnd.nextBoolean()) {
          st.addType(I64);
        }
        segments(st, OpDefinition.OPERAND_SEGMENT_SIZES, opt, var);
      }
      case 14 -> {
        boolean present = rnd.nextBoolean();
        int var = present ? count(3) : 0;
        st = state("format_optional_result_a_op").addTypes(Collections.nCopies((present ? 1 : 0) + var, I64));
        segments(st, OpDefinition.RESULT_SEGMENT_SIZES, present ? 1 : 0, var);
      }
      case 15 -> {
        int r0 = count(3);
        List<Type> r1 = types(count(3));
        st = state("format_multiple_variadic_results").addTypes(Collections.nCopies(r0, I64)).addTypes(r1);
        segments(st, OpDefinition.RESULT_SEGMENT_SIZES, r0, r1.size());
      }
      case 16 -> {
        Value v = anyValue(scope);
        int n = 1 + rnd.nextInt(3);
        st = state("format_infer_variadic_type_from_non_variadic").addOperands(values(v.getType(), n, scope))
            .addType(v.getType());
      }
      case 17 -> {
        String[] unitOps = {"format_optional_unit_attribute", "format_optional_unit_attribute_no_elide",
            "format_optional_unit_property"};
        boolean elseOp = rnd.nextInt(4) == 0;
        st = state(elseOp ? "format_optional_else" : unitOps[rnd.nextInt(unitOps.length)]);
        if (rnd.nextBoolean()) {
          prop(st, elseOp ? "isFirstBranchPresent" : "is_optional", UnitAttr.INSTANCE);
        }
      }
      case 18 -> {
        st = state("format_literal_following_optional_group");
        prop(st, "type", new TypeAttr(leaves.type(1)));
        if (rnd.nextBoolean()) {
          prop(st, "value", leaves.attribute(1));
        }
      }
      case 19 -> {
        Value v = anyValue(scope);
        boolean two = rnd.nextBoolean();
        st = state(two ? "format_all_types_match_var" : "format_types_match_var").addOperand(v);
        if (two) {
          st.addOperand(valueOf(v.getType(), scope));
        }
        st.addType(v.getType());
      }
      case 20 -> {
        st = state("ellipsis").addOperands(values(leaves.type(1), count(3), scope));
        if (rnd.nextBoolean()) {
          prop(st, "variadic", UnitAttr.INSTANCE);
        }
      }
      case 21 -> {
        int n = count(4);
        st = state(rnd.nextBoolean() ? "format_variadic_operand" : "format_variadic_result");
        if (st.name.getStringRef().endsWith("operand")) {
          st.addOperands(values(I64, n, scope));
        } else {
          st.addTypes(Collections.nCopies(n, I64));
        }
      }
      case 22 -> {
        st = state("dense_array_attr");
        prop(st, "i1attr", denseArray(IntegerType.I1));
        prop(st, "i8attr", denseArray(IntegerType.I8));
        prop(st, "i16attr", denseArray(IntegerType.I16));
        prop(st, "i32attr", denseArray(IntegerType.I32));
        prop(st, "i64attr", denseArray(I64));
        prop(st, "f32attr", denseArray(FloatType.F32));
        prop(st, "f64attr", denseArray(FloatType.F64));
        prop(st, "emptyattr", denseArray(IntegerType.I32));
      }
      case 23 -> {
        st = state("arrays");
        prop(st, "ids", denseArray(I64));
        if (rnd.nextBoolean()) {
          prop(st, "more", denseArray(I64));
        }
      }
      case 24 -> {
        return regionOp(scope, depth);
      }
      default -> {
        return isolatedOp(depth);
      }
    }
    return b.create(st);
  }

  /** Up to three elements: integers of any value of the width, floats that are exact in f32. */
  private DenseArrayAttr denseArray(Type element) {
    long[] bits = new long[rnd.nextInt(4)];
    for (int i = 0; i < bits.length; i++) {
      if (element.equals(FloatType.F32)) {
        bits[i] = Float.floatToRawIntBits((rnd.nextInt(2001) - 1000) / 8f) & 0xFFFFFFFFL;
      } else if (element.equals(FloatType.F64)) {
        bits[i] = Double.doubleToRawLongBits((rnd.nextInt(2001) - 1000) / 8.0);
      } else {
        bits[i] = rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(21) - 10;
      }
    }
    return new DenseArrayAttr(element, bits);
  }

  private List<Value> pick(List<Value> scope, int n) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < n && !scope.isEmpty(); i++) {
      out.add(scope.get(rnd.nextInt(scope.size())));
    }
    return out;
  }

  /** A region op whose body uses outer values (and ends in fmt.yield where it must). */
  private Operation regionOp(List<Value> scope, int depth) {
    String[] names = {"region", "format_region_b_op", "format_region_c_op", "format_variadic_region_a_op",
        "format_variadic_region_b_op"};
    String name = names[mlirTestOps ? 1 + rnd.nextInt(names.length - 1) : rnd.nextInt(names.length)];
    OperationState st = state(name);
    int regions = name.contains("variadic") ? rnd.nextInt(3) : 1;
    if (regions == 0 && mlirTestOps) {
      // `$regions attr-dict` with no region and attributes is ambiguous: Dyad prints such an op
      // generically, mlir-opt in a custom form that it cannot read back.
      st.attributes.clear();
    }
    List<Region> rs = new ArrayList<>();
    for (int i = 0; i < regions; i++) {
      rs.add(st.addRegion());
    }
    Operation op = b.create(st);
    for (Region r : rs) {
      // Only fmt.region has no terminator requirement; the others' blocks end in fmt.yield.
      fillRegion(r, scope, depth, name.equals("region") ? rnd.nextBoolean() : true);
    }
    b.setInsertionPointAfter(op);
    return op;
  }

  private void fillRegion(Region r, List<Value> outer, int depth, boolean yield) {
    if (rnd.nextInt(5) == 0) {
      return; // no block at all
    }
    Block blk = r.addBlock();
    int args = rnd.nextInt(3);
    for (int a = 0; a < args; a++) {
      blk.addArgument(leaves.type(1), leaves.loc(1));
    }
    fillBlock(blk, outer, depth + 1);
    if (yield && mlirTestOps) {
      // An unregistered op may be a terminator; mlir-opt has no fmt.yield.
      b.setInsertionPointToEnd(blk);
      b.create(b.state("xx.end", leaves.loc(1)));
    } else if (yield) {
      b.setInsertionPointToEnd(blk);
      List<Value> scope = new ArrayList<>(outer);
      scope.addAll(blk.getArguments());
      OperationState y = state("yield");
      if (rnd.nextBoolean() && !scope.isEmpty()) {
        y.addOperand(scope.get(rnd.nextInt(scope.size())));
      }
      b.create(y);
    }
  }

  /** fmt.isolated: its body sees only its own arguments. */
  private Operation isolatedOp(int depth) {
    OperationState st = state("isolated");
    prop(st, "sym", StringAttr.of("s" + rnd.nextInt(5)));
    Region r = st.addRegion();
    Operation op = b.create(st);
    fillRegion(r, List.of(), depth, false);
    b.setInsertionPointAfter(op);
    return op;
  }
}

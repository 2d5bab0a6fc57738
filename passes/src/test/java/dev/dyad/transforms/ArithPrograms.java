package dev.dyad.transforms;

import dev.dyad.dialect.arith.AddFOp;
import dev.dyad.dialect.arith.AddIOp;
import dev.dyad.dialect.arith.CmpFOp;
import dev.dyad.dialect.arith.CmpFPredicate;
import dev.dyad.dialect.arith.CmpIOp;
import dev.dyad.dialect.arith.CmpIPredicate;
import dev.dyad.dialect.arith.ConstantOp;
import dev.dyad.dialect.arith.DivFOp;
import dev.dyad.dialect.arith.DivSIOp;
import dev.dyad.dialect.arith.ExtUIOp;
import dev.dyad.dialect.arith.FastMathFlagsAttr;
import dev.dyad.dialect.arith.IndexCastOp;
import dev.dyad.dialect.arith.IntegerOverflowFlagsAttr;
import dev.dyad.dialect.arith.MulFOp;
import dev.dyad.dialect.arith.MulIOp;
import dev.dyad.dialect.arith.SelectOp;
import dev.dyad.dialect.arith.SubFOp;
import dev.dyad.dialect.arith.SubIOp;
import dev.dyad.dialect.arith.XOrIOp;
import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.dialect.func.ReturnOp;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random well-typed arith programs: one function whose arguments are random scalars and whose
 * body mixes every op of the subset with interesting constants (0, 1, -1, extremes, NaN, signed
 * zeros), returning every value nothing else uses. Built through the ops' create methods.
 */
final class ArithPrograms {
  /**
   * What may appear. Flags and fast-math change what a program means once it overflows, and
   * narrowing an index loses bits MLIR's index_cast folding assumes kept: value tests leave them
   * out.
   */
  record Options(int ops, boolean flags, boolean narrowIndexCasts) {
    static final Options VALUE_PRESERVING = new Options(40, false, false);
    static final Options EVERYTHING = new Options(40, true, true);
  }

  static final List<Type> INTS = List.of(IntegerType.I1, IntegerType.I8, IntegerType.I16, IntegerType.I32,
      IntegerType.I64, IndexType.INSTANCE);
  static final List<Type> FLOATS = List.of(FloatType.F32, FloatType.F64);

  private final Random random;
  private final Options options;
  private final Builder b;
  private final Location loc;
  private final Map<Type, List<Value>> values = new HashMap<>();

  private ArithPrograms(Context ctx, Random random, Options options) {
    this.random = random;
    this.options = options;
    this.b = new Builder(ctx);
    this.loc = new Location.FileLineCol("random.mlir", 1, 1);
  }

  /** A module holding one random function {@code @f}. */
  static Operation generate(Context ctx, long seed, Options options) {
    return new ArithPrograms(ctx, new Random(seed), options).module();
  }

  private Operation module() {
    ModuleOp module = ModuleOp.create(b.getContext(), loc);
    List<Type> args = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      args.add(anyType());
    }
    FuncOp f = FuncOp.create(b.getContext(), loc, "f", new FunctionType(args, List.of()));
    module.push(f.op());
    b.setInsertionPointToEnd(f.entryBlock());
    f.entryBlock().getArguments().forEach(a -> values.computeIfAbsent(a.getType(), k -> new ArrayList<>()).add(a));
    List<Value> created = new ArrayList<>();
    for (int i = 0; i < options.ops(); i++) {
      Value v = randomOp();
      if (v != null) {
        created.add(v);
      }
    }
    List<Value> results = new ArrayList<>();
    for (Value v : created) {
      if (v.useEmpty()) {
        results.add(v);
      }
    }
    ReturnOp ret = ReturnOp.create(b.getContext(), loc, results);
    b.insert(ret.op());
    List<Type> resultTypes = results.stream().map(Value::getType).toList();
    f.op().setProperty("function_type", new dev.dyad.ir.attr.TypeAttr(new FunctionType(args, resultTypes)));
    return module.op();
  }

  private Type anyType() {
    return random.nextInt(4) == 0 ? pick(FLOATS) : pick(INTS);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private Value operand(Type t) {
    List<Value> known = values.getOrDefault(t, List.of());
    if (known.isEmpty() || random.nextInt(4) == 0) {
      return define(constant(t));
    }
    return known.get(random.nextInt(known.size()));
  }

  private Value define(Value v) {
    values.computeIfAbsent(v.getType(), k -> new ArrayList<>()).add(v);
    return v;
  }

  private Value constant(Type t) {
    Attribute value;
    if (t instanceof FloatType ft) {
      double[] choices = {0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -3.0, 1e30, Double.POSITIVE_INFINITY, Double.NaN};
      double d = choices[random.nextInt(choices.length)];
      value = ft.equals(FloatType.F32) ? FloatAttr.f32((float) d) : FloatAttr.f64(d);
    } else {
      int width = t instanceof IntegerType it ? it.width() : 64;
      long[] choices = {0, 1, -1, 2, 3, -2, 7, 100, (1L << (width - 1)) - 1, 1L << (width - 1),
          random.nextInt(101) - 50};
      value = IntegerAttr.of(choices[random.nextInt(choices.length)], t);
    }
    return ConstantOp.create(b, loc, value).result();
  }

  private Value randomOp() {
    Type t = anyType();
    if (t instanceof FloatType) {
      return define(floatOp(t));
    }
    return intOp(t);
  }

  private Value floatOp(Type t) {
    FastMathFlagsAttr fm = options.flags() && random.nextInt(8) == 0 ? FastMathFlagsAttr.FAST : FastMathFlagsAttr.NONE;
    return switch (random.nextInt(6)) {
      case 0 -> AddFOp.create(b, loc, operand(t), operand(t), fm).result();
      case 1 -> SubFOp.create(b, loc, operand(t), operand(t), fm).result();
      case 2 -> MulFOp.create(b, loc, operand(t), operand(t), fm).result();
      case 3 -> DivFOp.create(b, loc, operand(t), operand(t), fm).result();
      case 4 -> SelectOp.create(b, loc, operand(IntegerType.I1), operand(t), operand(t)).result();
      default -> CmpFOp.create(b, loc, pick(List.of(CmpFPredicate.values())), operand(t), operand(t)).result();
    };
  }

  private Value intOp(Type t) {
    IntegerOverflowFlagsAttr flags = options.flags() && random.nextInt(5) == 0
        ? new IntegerOverflowFlagsAttr(random.nextBoolean(), random.nextBoolean()) : IntegerOverflowFlagsAttr.NONE;
    return switch (random.nextInt(11)) {
      case 0, 1 -> define(AddIOp.create(b, loc, operand(t), operand(t), flags).result());
      case 2, 3 -> define(SubIOp.create(b, loc, operand(t), operand(t), flags).result());
      case 4 -> define(MulIOp.create(b, loc, operand(t), operand(t), flags).result());
      case 5 -> define(DivSIOp.create(b, loc, operand(t), operand(t)).result());
      case 6 -> define(XOrIOp.create(b, loc, operand(t), operand(t)).result());
      case 7 -> define(CmpIOp.create(b, loc, pick(List.of(CmpIPredicate.values())), operand(t), operand(t)).result());
      case 8 -> define(SelectOp.create(b, loc, operand(IntegerType.I1), operand(t), operand(t)).result());
      case 9 -> indexCast(t);
      default -> extend(t);
    };
  }

  private Value indexCast(Type t) {
    if (t instanceof IndexType) {
      Type from = pick(List.of(IntegerType.I8, IntegerType.I16, IntegerType.I32, IntegerType.I64));
      return define(IndexCastOp.create(b, loc, operand(from), t).out());
    }
    boolean lossless = t.equals(IntegerType.I64);
    if (t.equals(IntegerType.I1) || !(lossless || options.narrowIndexCasts())) {
      return null;
    }
    return define(IndexCastOp.create(b, loc, operand(IndexType.INSTANCE), t).out());
  }

  private Value extend(Type t) {
    if (!(t instanceof IntegerType it) || it.width() == 1) {
      return null;
    }
    List<Type> narrower = new ArrayList<>();
    for (Type n : INTS) {
      if (n instanceof IntegerType nt && nt.width() < it.width()) {
        narrower.add(n);
      }
    }
    return define(ExtUIOp.create(b, loc, operand(pick(narrower)), t).out());
  }

  /** Random arguments for {@code f}'s entry block: raw bit patterns, as the evaluator takes them. */
  static List<Long> randomInputs(Operation module, Random random) {
    FuncOp f = new FuncOp(module.getRegion(0).front().front());
    List<Long> out = new ArrayList<>();
    for (Type t : f.functionType().inputs()) {
      long[] interesting = {0, 1, -1, 2, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong(), random.nextInt(200) - 100};
      long v = interesting[random.nextInt(interesting.length)];
      if (t.equals(FloatType.F32)) {
        float[] floats = {0f, -0f, 1f, -2.5f, Float.NaN, Float.POSITIVE_INFINITY, random.nextFloat() * 100};
        v = Float.floatToRawIntBits(floats[random.nextInt(floats.length)]) & 0xFFFF_FFFFL;
      } else if (t.equals(FloatType.F64)) {
        double[] doubles = {0d, -0d, 1d, -2.5d, Double.NaN, Double.NEGATIVE_INFINITY, random.nextDouble() * 100};
        v = Double.doubleToRawLongBits(doubles[random.nextInt(doubles.length)]);
      }
      out.add(v);
    }
    return out;
  }

  /** How many ops (at any depth) {@code root} holds. */
  static int size(Operation root) {
    int[] n = {0};
    root.walk(op -> n[0]++);
    return n[0];
  }
}

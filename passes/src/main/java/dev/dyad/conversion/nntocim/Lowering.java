package dev.dyad.conversion.nntocim;

import dev.dyad.alloc.CimOperator;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.dialect.cim.MmmOp;
import dev.dyad.dialect.cim.VectorOp;
import dev.dyad.dialect.nn.AddOp;
import dev.dyad.dialect.nn.ConcatOp;
import dev.dyad.dialect.nn.ReshapeOp;
import dev.dyad.dialect.nn.SliceOp;
import dev.dyad.dialect.nn.TransposeOp;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What the nn-to-cim patterns of one run share: the chip, the options, the counters behind the
 * pass statistics, and the builders of cim ops — above all {@link #multiply}, which splits a
 * product that needs more arrays than the chip has into pieces that each fit.
 */
final class Lowering {
  final HardwareDescription arch;
  final NnToCimPass.GroupedConv groupedConv;
  final NnToCimPass.Attention attention;
  long products;
  long runtimeProducts;
  long splitOperators;
  long vectorOps;
  long packedGroups;
  /** nn.constant ops whose values the lowering rearranged: erased at the end if no longer used. */
  final Set<Operation> replacedConstants = Collections.newSetFromMap(new IdentityHashMap<>());

  Lowering(HardwareDescription arch, NnToCimPass.GroupedConv groupedConv, NnToCimPass.Attention attention) {
    this.arch = arch;
    this.groupedConv = groupedConv;
    this.attention = attention;
  }

  /** The K×N weight of a product: a constant ({@link ConstantValue}) or a run-time value ({@link RuntimeWeight}). */
  interface Weight {
    long dim(int i);

    /** The block {@code [starts, ends)} of the K×N weight. */
    Weight slice(long[] starts, long[] ends);

    /** The weight as a value at {@code b}'s insertion point. */
    Value materialize(Builder b, Location loc);
  }

  /**
   * A block {@code [starts, ends)} of a K×N activation used as a weight that is written into the
   * arrays at run time; a block other than the whole is cut out by a vector {@code nn.slice}.
   */
  record RuntimeWeight(Lowering lowering, Value value, long[] starts, long[] ends) implements Weight {
    RuntimeWeight(Lowering lowering, Value value) {
      this(lowering, value, new long[] {0, 0}, new long[] {Lowering.dim(value, 0), Lowering.dim(value, 1)});
    }

    @Override
    public long dim(int i) {
      return ends[i] - starts[i];
    }

    @Override
    public RuntimeWeight slice(long[] from, long[] to) {
      return new RuntimeWeight(lowering, value, new long[] {starts[0] + from[0], starts[1] + from[1]},
          new long[] {starts[0] + to[0], starts[1] + to[1]});
    }

    @Override
    public Value materialize(Builder b, Location loc) {
      if (starts[0] == 0 && starts[1] == 0 && ends[0] == Lowering.dim(value, 0) && ends[1] == Lowering.dim(value, 1)) {
        return value;
      }
      return lowering.slice(b, loc, value, starts, ends, new long[] {0, 1});
    }
  }

  /**
   * Whether an M×K×N product of two activations with {@code element} operands goes onto arrays
   * whose weights are written at run time: never for f32 or when the chip cannot hold i8 exactly;
   * always with {@code attention=arrays}; with {@code auto} when writing the K×N operand into its
   * tiles one array after another and streaming the M rows costs fewer cycles than the vector
   * unit's M·K·N MACs: {@code tiles · weight_write_array_cycles + M · mvm_cycles < M·K·N /
   * vector_elements_per_cycle} (docs/lowering.md).
   */
  boolean activationProductOnArrays(Type element, long m, long k, long n) {
    if (attention == NnToCimPass.Attention.VECTOR || !element.equals(IntegerType.I8)
        || precisionProblem(element) != null || m < 1 || k < 1 || n < 1) {
      return false;
    }
    if (attention == NnToCimPass.Attention.ARRAYS) {
      return true;
    }
    long tiles = new CimOperator("", m, k, n).tiles(arch);
    double arrays = (double) tiles * arch.weightWriteArrayCycles() + (double) m * arch.mvmCycles();
    double vector = (double) m * k * n / arch.vectorElementsPerCycle();
    return arrays < vector;
  }

  // ---- products on the arrays ----------------------------------------------------------------

  /**
   * {@code x [M, K]} times the constant {@code w [K, N]} with the given zero points: one
   * {@code cim.mmm} when the weights fit the chip ({@link CimOperator#tiles} ≤ arrays), else
   * greedy pieces — column blocks of N as wide as the arrays allow, or, when even one column
   * block needs more arrays than the chip has, row blocks of K (whose i32 partial sums are added
   * by {@code nn.add}) of one column block each — concatenated back. Returns {@code [M, N]}.
   */
  Value multiply(Builder b, Location loc, Value x, Weight w, long zx, long zw, String source) {
    long m = dim(x, 0);
    long k = w.dim(0);
    long n = w.dim(1);
    if (k == 0 || n == 0 || fits(m, k, n)) {
      return mmm(b, loc, x, w, zx, zw, source);
    }
    splitOperators++;
    CimOperator whole = new CimOperator(source, Math.max(m, 1), k, n);
    long rowTiles = whole.rowTiles(arch);
    List<Value> columns = new ArrayList<>();
    if (rowTiles <= arch.arrays()) {
      long width = arch.arrays() / rowTiles * arch.weightCols();
      for (long n0 = 0; n0 < n; n0 += width) {
        long n1 = Math.min(n, n0 + width);
        columns.add(mmm(b, loc, x, w.slice(new long[] {0, n0}, new long[] {k, n1}), zx, zw, source));
      }
      return concat(b, loc, columns, 1);
    }
    long height = (long) arch.arrays() * arch.rows();
    List<Value> inputs = new ArrayList<>();
    for (long k0 = 0; k0 < k; k0 += height) {
      inputs.add(slice(b, loc, x, new long[] {k0}, new long[] {Math.min(k, k0 + height)}, new long[] {1}));
    }
    for (long n0 = 0; n0 < n; n0 += arch.weightCols()) {
      long n1 = Math.min(n, n0 + arch.weightCols());
      Value sum = null;
      for (int i = 0; i < inputs.size(); i++) {
        long k0 = i * height;
        long k1 = Math.min(k, k0 + height);
        Weight piece = w.slice(new long[] {k0, n0}, new long[] {k1, n1});
        Value partial = mmm(b, loc, inputs.get(i), piece, zx, zw, source);
        sum = sum == null ? partial : add(b, loc, sum, partial);
      }
      columns.add(sum);
    }
    return concat(b, loc, columns, 1);
  }

  /**
   * Why the arrays cannot compute a product of {@code element} operands exactly, or null: i8
   * weights and activations need a chip of at least 8-bit weights and activations. (f32 products
   * are functional experiments; their data counts by size only.)
   */
  String precisionProblem(Type element) {
    if (!element.equals(IntegerType.I8)) {
      return null;
    }
    if (arch.weightBits() < 8) {
      return "its i8 weights do not fit the " + arch.weightBits() + "-bit weights of '" + arch.name() + "'";
    }
    if (arch.activationBits() < 8) {
      return "its i8 activations do not fit the " + arch.activationBits() + "-bit activations of '" + arch.name()
          + "'";
    }
    return null;
  }

  /** Whether an M×K×N product's weights fit the chip's arrays at once. */
  boolean fits(long m, long k, long n) {
    return new CimOperator("", Math.max(m, 1), k, n).tiles(arch) <= arch.arrays();
  }

  private Value mmm(Builder b, Location loc, Value x, Weight w, long zx, long zw, String source) {
    products++;
    boolean runtime = w instanceof RuntimeWeight;
    runtimeProducts += runtime ? 1 : 0;
    Value weight = w.materialize(b, loc);
    return MmmOp.create(b, loc, x, weight, zx, zw, null, source, runtime).output();
  }

  // ---- vector-unit work ------------------------------------------------------------------------

  /** A {@code cim.vector} of kind {@code def.name()}, result types inferred by the nn op's definition. */
  Value vector(Builder b, Location loc, OpDefinition def, DictionaryAttr params, List<? extends Value> operands) {
    List<Type> types = new ArrayList<>();
    for (Value v : operands) {
      types.add(v.getType());
    }
    vectorOps++;
    return VectorOp.create(b, loc, def.name(), params, operands, def.inferResultTypes(types, params)).outputs().get(0);
  }

  /** {@code x} reshaped (row-major) to {@code shape}; {@code x} itself when it has that shape. */
  Value reshape(Builder b, Location loc, Value x, List<Long> shape) {
    RankedTensorType t = (RankedTensorType) x.getType();
    if (t.shape().equals(shape)) {
      return x;
    }
    vectorOps++;
    RankedTensorType result = new RankedTensorType(shape, t.elementType());
    return VectorOp.create(b, loc, ReshapeOp.NAME, DictionaryAttr.EMPTY, List.of(x), List.of(result))
        .outputs().get(0);
  }

  Value reshape(Builder b, Location loc, Value x, long... shape) {
    return reshape(b, loc, x, ConstantValue.longs(shape));
  }

  Value transpose(Builder b, Location loc, Value x, long... perm) {
    return vector(b, loc, TransposeOp.DEFINITION, DictionaryAttr.EMPTY.with(TransposeOp.PERM, i64s(perm)), List.of(x));
  }

  /** Elements {@code starts[i] <= j < ends[i]} along {@code axes[i]}, unit steps. */
  Value slice(Builder b, Location loc, Value x, long[] starts, long[] ends, long[] axes) {
    long[] steps = new long[axes.length];
    Arrays.fill(steps, 1);
    DictionaryAttr params = DictionaryAttr.EMPTY.with(SliceOp.STARTS, i64s(starts)).with(SliceOp.ENDS, i64s(ends))
        .with(SliceOp.AXES, i64s(axes)).with(SliceOp.STEPS, i64s(steps));
    return vector(b, loc, SliceOp.DEFINITION, params, List.of(x));
  }

  /** The values concatenated along {@code axis}; a single value as it is. */
  Value concat(Builder b, Location loc, List<Value> values, long axis) {
    if (values.size() == 1) {
      return values.get(0);
    }
    return vector(b, loc, ConcatOp.DEFINITION, DictionaryAttr.EMPTY.with(ConcatOp.AXIS, IntegerAttr.i64(axis)), values);
  }

  /** {@code nn.add} (numpy broadcasting; integers saturate). */
  Value add(Builder b, Location loc, Value lhs, Value rhs) {
    return vector(b, loc, AddOp.DEFINITION, DictionaryAttr.EMPTY, List.of(lhs, rhs));
  }

  /**
   * {@code bias} seen with {@code shape} (same elements, e.g. [O] as [1, O, 1, 1]): a new
   * constant when a constant defines it, else a vector reshape.
   */
  Value biasView(Builder b, Location loc, Value bias, long... shape) {
    ConstantValue c = ConstantValue.of(bias);
    if (c == null) {
      return reshape(b, loc, bias, shape);
    }
    if (c.shape().equals(ConstantValue.longs(shape))) {
      return bias;
    }
    replacedConstants.add(bias.getDefiningOp());
    return c.reshape(shape).materialize(b, loc);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  static DenseArrayAttr i64s(long... values) {
    return new DenseArrayAttr(IntegerType.I64, values);
  }

  static long dim(Value v, int i) {
    return ((RankedTensorType) v.getType()).shape().get(i);
  }

  static List<Long> shape(Value v) {
    return ((RankedTensorType) v.getType()).shape();
  }

  static long product(List<Long> dims) {
    long p = 1;
    for (long d : dims) {
      p = Math.multiplyExact(p, d);
    }
    return p;
  }
}

package dev.dyad.transforms;

import dev.dyad.dialect.arith.AddFOp;
import dev.dyad.dialect.arith.AddIOp;
import dev.dyad.dialect.arith.CmpFOp;
import dev.dyad.dialect.arith.CmpIOp;
import dev.dyad.dialect.arith.ConstantOp;
import dev.dyad.dialect.arith.DivFOp;
import dev.dyad.dialect.arith.DivSIOp;
import dev.dyad.dialect.arith.ExtUIOp;
import dev.dyad.dialect.arith.IndexCastOp;
import dev.dyad.dialect.arith.IntMath;
import dev.dyad.dialect.arith.IntegerOverflowFlagsAttr;
import dev.dyad.dialect.arith.MulFOp;
import dev.dyad.dialect.arith.MulIOp;
import dev.dyad.dialect.arith.SelectOp;
import dev.dyad.dialect.arith.SubFOp;
import dev.dyad.dialect.arith.SubIOp;
import dev.dyad.dialect.arith.XOrIOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.dialect.func.ReturnOp;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an arith function on concrete arguments, as a machine would: integers wrap at their width
 * (index is 64 bits), floats are IEEE f32/f64. Every value is a bit pattern in a long. Division
 * by zero, {@code MIN / -1} and an overflow an op promised not to have are undefined: the run
 * throws {@link Undefined}, and such inputs say nothing about a transformation.
 */
final class ArithEvaluator {
  /** The program has no defined result on these arguments. */
  static final class Undefined extends RuntimeException {
    Undefined(String why) {
      super(why, null, false, false);
    }
  }

  /** One result: its type and bit pattern; NaNs of a type are all equal. */
  record Result(Type type, long bits) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Result r) || !r.type.equals(type)) {
        return false;
      }
      return bits == r.bits || (isNaN(type, bits) && isNaN(type, r.bits));
    }

    @Override
    public int hashCode() {
      return type.hashCode();
    }

    private static boolean isNaN(Type t, long bits) {
      return t.equals(FloatType.F32) ? Float.isNaN(Float.intBitsToFloat((int) bits))
          : t.equals(FloatType.F64) && Double.isNaN(Double.longBitsToDouble(bits));
    }
  }

  private final Map<Value, Long> env = new IdentityHashMap<>();

  private ArrayList<Result> results;

  /** The results of {@code @f} (the module's first op) on {@code args}. */
  static List<Result> run(Operation module, List<Long> args) {
    return new ArithEvaluator().call(new FuncOp(module.getRegion(0).front().front()), args);
  }

  private List<Result> call(FuncOp f, List<Long> args) {
    for (int i = 0; i < args.size(); i++) {
      Value a = f.entryBlock().getArgument(i);
      env.put(a, normalize(args.get(i), a.getType()));
    }
    for (Operation op : f.entryBlock().getOperations()) {
      step(op);
    }
    return results;
  }

  private long get(Value v) {
    Long bits = env.get(v);
    if (bits == null) {
      throw new IllegalStateException("value used before it is defined");
    }
    return bits;
  }

  private static int width(Type t) {
    int w = IntMath.width(t);
    if (w < 0) {
      throw new IllegalArgumentException("unsupported type " + t);
    }
    return w;
  }

  /** Integers as their zero-extended pattern, f32 as its 32 bits. */
  private static long normalize(long bits, Type t) {
    if (t instanceof FloatType ft) {
      return ft.equals(FloatType.F32) ? bits & 0xFFFF_FFFFL : bits;
    }
    return IntMath.zext(bits, width(t));
  }

  private void set(Operation op, long bits) {
    env.put(op.getResult(0), normalize(bits, op.getResult(0).getType()));
  }

  private void step(Operation op) {
    String name = op.getNameString();
    if (name.equals(ReturnOp.NAME)) {
      results = new ArrayList<>();
      for (Value v : op.getOperands()) {
        results.add(new Result(v.getType(), get(v)));
      }
      return;
    }
    if (name.equals(ConstantOp.NAME)) {
      Attribute a = new ConstantOp(op).value();
      set(op, a instanceof IntegerAttr i ? i.longValue() : ((FloatAttr) a).bits());
      return;
    }
    Type t = op.getResult(0).getType();
    switch (name) {
      case AddIOp.NAME, SubIOp.NAME, MulIOp.NAME -> set(op, integer(op, name));
      case XOrIOp.NAME -> set(op, get(op.getOperand(0)) ^ get(op.getOperand(1)));
      case DivSIOp.NAME -> {
        Long q = IntMath.sdiv(get(op.getOperand(0)), get(op.getOperand(1)), width(t));
        if (q == null) {
          throw new Undefined("division by zero or overflow");
        }
        set(op, q);
      }
      case AddFOp.NAME, SubFOp.NAME, MulFOp.NAME, DivFOp.NAME -> set(op, floating(op, name));
      case CmpIOp.NAME -> {
        Type operandType = op.getOperand(0).getType();
        boolean r = new CmpIOp(op).predicate().apply(get(op.getOperand(0)), get(op.getOperand(1)), width(operandType));
        set(op, r ? 1 : 0);
      }
      case CmpFOp.NAME -> {
        Type ft = op.getOperand(0).getType();
        set(op, new CmpFOp(op).predicate().apply(toDouble(ft, get(op.getOperand(0))),
            toDouble(ft, get(op.getOperand(1)))) ? 1 : 0);
      }
      case SelectOp.NAME -> set(op, get(op.getOperand(0)) != 0 ? get(op.getOperand(1)) : get(op.getOperand(2)));
      case IndexCastOp.NAME -> set(op, IntMath.sextOrTrunc(get(op.getOperand(0)), width(op.getOperand(0).getType()),
          width(t)));
      case ExtUIOp.NAME -> set(op, get(op.getOperand(0)));
      default -> throw new IllegalArgumentException("cannot evaluate " + name);
    }
  }

  /** Wrapping arithmetic; a broken nsw/nuw promise makes the result poison, here undefined. */
  private long integer(Operation op, String name) {
    Type t = op.getResult(0).getType();
    int w = width(t);
    long a = get(op.getOperand(0));
    long b = get(op.getOperand(1));
    BigInteger sa = BigInteger.valueOf(IntMath.sext(a, w));
    BigInteger sb = BigInteger.valueOf(IntMath.sext(b, w));
    BigInteger ua = new BigInteger(Long.toUnsignedString(IntMath.zext(a, w)));
    BigInteger ub = new BigInteger(Long.toUnsignedString(IntMath.zext(b, w)));
    BigInteger exactSigned = switch (name) {
      case AddIOp.NAME -> sa.add(sb);
      case SubIOp.NAME -> sa.subtract(sb);
      default -> sa.multiply(sb);
    };
    BigInteger exactUnsigned = switch (name) {
      case AddIOp.NAME -> ua.add(ub);
      case SubIOp.NAME -> ua.subtract(ub);
      default -> ua.multiply(ub);
    };
    IntegerOverflowFlagsAttr flags = op.getProperty("overflowFlags") instanceof IntegerOverflowFlagsAttr f
        ? f : IntegerOverflowFlagsAttr.NONE;
    BigInteger min = BigInteger.ONE.shiftLeft(w - 1).negate();
    BigInteger max = BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE);
    if (flags.nsw() && (exactSigned.compareTo(min) < 0 || exactSigned.compareTo(max) > 0)) {
      throw new Undefined("signed wrap of an nsw op");
    }
    if (flags.nuw() && (exactUnsigned.signum() < 0 || exactUnsigned.bitLength() > w)) {
      throw new Undefined("unsigned wrap of an nuw op");
    }
    return exactSigned.longValue();
  }

  private long floating(Operation op, String name) {
    Type t = op.getResult(0).getType();
    double a = toDouble(t, get(op.getOperand(0)));
    double b = toDouble(t, get(op.getOperand(1)));
    if (t.equals(FloatType.F32)) {
      float x = (float) a;
      float y = (float) b;
      float r = switch (name) {
        case AddFOp.NAME -> x + y;
        case SubFOp.NAME -> x - y;
        case MulFOp.NAME -> x * y;
        default -> x / y;
      };
      return Float.floatToRawIntBits(r);
    }
    double r = switch (name) {
      case AddFOp.NAME -> a + b;
      case SubFOp.NAME -> a - b;
      case MulFOp.NAME -> a * b;
      default -> a / b;
    };
    return Double.doubleToRawLongBits(r);
  }

  private static double toDouble(Type t, long bits) {
    return t.equals(FloatType.F32) ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
  }
}

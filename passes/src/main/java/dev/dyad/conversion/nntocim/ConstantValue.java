package dev.dyad.conversion.nntocim;

import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.dialect.nn.ConstantViews;
import dev.dyad.dialect.nn.ViewStep;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.type.RankedTensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of an {@code nn.constant} being rearranged into the layout an array needs (OIHW to
 * K×N, transposes, slices of split products, block-diagonal packing): dense values are folded at
 * compile time, file and generator values become {@code #nn.view}s (see {@link ConstantViews}).
 */
record ConstantValue(Attribute value, RankedTensorType type) implements Lowering.Weight {
  /** The value of {@code v} when an {@code nn.constant} defines it, else null. */
  static ConstantValue of(Value v) {
    Operation def = v == null ? null : v.getDefiningOp();
    if (def == null || !ConstantOp.isa(def)) {
      return null;
    }
    return new ConstantValue(new ConstantOp(def).value(), (RankedTensorType) v.getType());
  }

  List<Long> shape() {
    return type.shape();
  }

  @Override
  public long dim(int i) {
    return type.shape().get(i);
  }

  ConstantValue then(ViewStep step) {
    return new ConstantValue(ConstantViews.apply(value, type, step), ConstantViews.resultType(type, step));
  }

  ConstantValue reshape(long... shape) {
    List<Long> s = longs(shape);
    return s.equals(shape()) ? this : then(new ViewStep.Reshape(s));
  }

  /** A transpose; one that only moves dimensions of size 1 is the reshape it amounts to. */
  ConstantValue transpose(long... perm) {
    List<Long> moved = new ArrayList<>();
    List<Long> kept = new ArrayList<>();
    List<Long> shape = new ArrayList<>();
    for (int i = 0; i < perm.length; i++) {
      long size = dim((int) perm[i]);
      shape.add(size);
      if (size != 1) {
        moved.add(perm[i]);
      }
    }
    for (int i = 0; i < perm.length; i++) {
      if (dim(i) != 1) {
        kept.add((long) i);
      }
    }
    if (moved.equals(kept)) {
      return reshape(shape.stream().mapToLong(Long::longValue).toArray());
    }
    return then(new ViewStep.Transpose(longs(perm)));
  }

  @Override
  public ConstantValue slice(long[] starts, long[] ends) {
    boolean whole = true;
    for (int i = 0; i < starts.length; i++) {
      whole &= starts[i] == 0 && ends[i] == dim(i);
    }
    return whole ? this : then(new ViewStep.Slice(longs(starts), longs(ends)));
  }

  ConstantValue pad(long[] pads, long value) {
    return then(new ViewStep.Pad(longs(pads), value));
  }

  /** An {@code nn.constant} holding this value, at {@code b}'s insertion point. */
  @Override
  public Value materialize(Builder b, Location loc) {
    return ConstantOp.create(b, loc, value, type).output();
  }

  static List<Long> longs(long... values) {
    List<Long> out = new ArrayList<>();
    for (long v : values) {
      out.add(v);
    }
    return out;
  }
}

package dev.dyad.dialect.nn;

import static dev.dyad.ir.ods.ValueSpec.variadic;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/** {@code nn.split}: cuts {@code axis} into consecutive parts of the given {@code sizes}, one result each. */
public record SplitOp(Operation op) {
  public static final String NAME = "nn.split";
  public static final String AXIS = "axis";
  public static final String SIZES = "sizes";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("splits one axis into parts of the given sizes")
      .operand(NnOps.INPUT, NnConstraints.ANY_TENSOR)
      .property(AXIS, NnConstraints.i64(), NnOps.i64(0))
      .property(SIZES, NnConstraints.i64Array())
      .result("outputs", variadic(NnConstraints.ANY_TENSOR))
      .trait(Trait.PURE)
      .inferTypes(SplitOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public SplitOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static SplitOp create(Builder b, Location loc, Value input, long axis, long... sizes) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(AXIS, NnOps.i64(axis)).with(SIZES, NnOps.i64s(sizes));
    return new SplitOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public List<OpResult> outputs() {
    return op.getResults();
  }

  /** The axis as written (may be negative). */
  public long axis() {
    return NnOps.i64(DEFINITION, op, AXIS);
  }

  public long[] sizes() {
    return NnOps.ints(DEFINITION, op, SIZES);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shape(NnOps.INPUT);
    int axis = in.axis(AXIS, x.length, 0);
    long[] sizes = in.ints(SIZES);
    if (sizes.length == 0) {
      throw in.fail("'sizes' must not be empty");
    }
    long total = 0;
    List<Type> out = new ArrayList<>();
    for (long s : sizes) {
      if (s < 0) {
        throw in.fail("'sizes' must be non-negative, but is " + Shapes.format(sizes));
      }
      total = in.sum(total, s, "the sum of 'sizes'");
      long[] part = x.clone();
      part[axis] = s;
      out.add(NnInfer.tensorType(part, in.element(NnOps.INPUT)));
    }
    if (total != x[axis]) {
      throw in.fail("'sizes' " + Shapes.format(sizes) + " add up to " + total + ", but dimension " + axis
          + " has size " + x[axis]);
    }
    return out;
  }
}

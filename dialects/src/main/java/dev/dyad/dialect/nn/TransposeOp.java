package dev.dyad.dialect.nn;

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
import java.util.List;

/** {@code nn.transpose}: permutes the dimensions; result dimension i is input dimension {@code perm[i]}. */
public record TransposeOp(Operation op) {
  public static final String NAME = "nn.transpose";
  public static final String PERM = "perm";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("permutes dimensions: output dimension i is input dimension perm[i]")
      .operand(NnOps.INPUT, NnConstraints.ANY_TENSOR)
      .property(PERM, NnConstraints.i64Array())
      .result(NnOps.OUTPUT, NnConstraints.ANY_TENSOR)
      .trait(Trait.PURE)
      .inferTypes(TransposeOp::infer)
      .assemblyFormat(NnOps.OPERANDS_FORMAT)
      .build();

  public TransposeOp {
    NnOps.check(op, NAME);
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static TransposeOp create(Builder b, Location loc, Value input, long... perm) {
    DictionaryAttr props = DictionaryAttr.EMPTY.with(PERM, NnOps.i64s(perm));
    return new TransposeOp(NnOps.create(b, loc, DEFINITION, props, input));
  }

  public Value input() {
    return op.getOperand(0);
  }

  public OpResult output() {
    return op.getResult(0);
  }

  public long[] perm() {
    return NnOps.ints(DEFINITION, op, PERM);
  }

  private static List<Type> infer(OpAdaptor adaptor) {
    NnInfer in = new NnInfer(adaptor);
    long[] x = in.shape(NnOps.INPUT);
    long[] perm = in.ints(PERM);
    if (perm.length != x.length) {
      throw in.fail("'perm' has " + perm.length + " entries, but the input has rank " + x.length);
    }
    boolean[] seen = new boolean[x.length];
    long[] out = new long[x.length];
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] < 0 || perm[i] >= x.length || seen[(int) perm[i]]) {
        throw in.fail("'perm' " + Shapes.format(perm) + " is not a permutation of 0.." + (x.length - 1));
      }
      seen[(int) perm[i]] = true;
      out[i] = x[(int) perm[i]];
    }
    return List.of(NnInfer.tensorType(out, in.element(NnOps.INPUT)));
  }
}

package dev.dyad.dialect.arith;

import static dev.dyad.ir.ods.TypeConstraints.signlessIntegerLike;

import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import java.util.List;

/** {@code arith.index_cast}: between index and a signless integer, sign-extending or truncating. */
public record IndexCastOp(Operation op) {
  public static final String NAME = "arith.index_cast";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("index cast operation")
      .operand("in", signlessIntegerLike())
      .result("out", signlessIntegerLike())
      .trait(Trait.PURE)
      .verify(IndexCastOp::verify)
      .fold(IndexCastOp::fold)
      .build();

  public IndexCastOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static IndexCastOp create(Builder b, Location loc, Value in, Type outType) {
    OperationState st = new OperationState(b.getContext().getOperationName(NAME), loc);
    st.addOperand(in).addType(outType);
    return new IndexCastOp(b.create(st));
  }

  public Value in() {
    return op.getOperand(0);
  }

  public OpResult out() {
    return op.getResult(0);
  }

  /** MLIR's {@code areCastCompatible}: index to a signless integer or back, with the same shape. */
  private static void verify(Operation op, DiagnosticEmitter emitter) {
    Type in = op.getOperand(0).getType();
    Type out = op.getResult(0).getType();
    if (!Casts.sameShape(in, out) || !(isIndexToInt(in, out) || isIndexToInt(out, in))) {
      emitter.emitOpError(op, "operand type " + ArithConstraints.quoted(in) + " and result type "
          + ArithConstraints.quoted(out) + " are cast incompatible");
    }
  }

  private static boolean isIndexToInt(Type from, Type to) {
    Type a = ArithOps.elementTypeOrSelf(from);
    Type b = ArithOps.elementTypeOrSelf(to);
    return a instanceof IndexType && b instanceof IntegerType it && it.isSignless();
  }

  /** A constant casts by sign extension or truncation (index is 64 bits wide). */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    Type outType = op.getResult(0).getType();
    int to = IntMath.width(ArithOps.elementTypeOrSelf(outType));
    Attribute in = operands.get(0);
    if (in instanceof IntegerAttr i && IntMath.width(i.type()) > 0 && to > 0) {
      return FoldResult.of(IntegerAttr.of(IntMath.sextOrTrunc(i.longValue(), IntMath.width(i.type()), to), outType));
    }
    if (in instanceof DenseElementsAttr d && d.isSplat() && outType instanceof ShapedType s && to > 0) {
      int from = IntMath.width(d.type().elementType());
      if (from > 0) {
        return FoldResult.of(DenseElementsAttr.get(s, new long[] {IntMath.sextOrTrunc(d.rawBits(0), from, to)}));
      }
    }
    return FoldResult.failure();
  }
}

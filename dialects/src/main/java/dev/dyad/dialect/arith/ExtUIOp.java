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
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import java.util.List;

/** {@code arith.extui}: zero extension to a wider integer (an i1 becomes 0 or 1). */
public record ExtUIOp(Operation op) {
  public static final String NAME = "arith.extui";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("integer zero extension operation")
      .operand("in", signlessIntegerLike())
      .result("out", signlessIntegerLike())
      .trait(Trait.PURE)
      .verify(ExtUIOp::verify)
      .fold(ExtUIOp::fold)
      .build();

  public ExtUIOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static ExtUIOp create(Builder b, Location loc, Value in, Type outType) {
    OperationState st = new OperationState(b.getContext().getOperationName(NAME), loc);
    st.addOperand(in).addType(outType);
    return new ExtUIOp(b.create(st));
  }

  public Value in() {
    return op.getOperand(0);
  }

  public OpResult out() {
    return op.getResult(0);
  }

  /** Integers of the same shape, the result strictly wider. */
  private static void verify(Operation op, DiagnosticEmitter emitter) {
    Type in = op.getOperand(0).getType();
    Type out = op.getResult(0).getType();
    boolean widens = ArithOps.elementTypeOrSelf(in) instanceof IntegerType a
        && ArithOps.elementTypeOrSelf(out) instanceof IntegerType b && b.width() > a.width();
    if (!Casts.sameShape(in, out) || !widens) {
      emitter.emitOpError(op, "operand type " + ArithConstraints.quoted(in) + " and result type "
          + ArithConstraints.quoted(out) + " are cast incompatible");
    }
  }

  /** extui(extui(x)) extends x directly (in place); constants zero-extend. */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    Operation inner = ArithOps.definedBy(op.getOperand(0), NAME);
    if (inner != null) {
      op.setOperand(0, inner.getOperand(0));
      return FoldResult.inPlace();
    }
    Type outType = op.getResult(0).getType();
    int to = IntMath.width(ArithOps.elementTypeOrSelf(outType));
    Attribute in = operands.get(0);
    if (in instanceof IntegerAttr i && IntMath.width(i.type()) > 0 && to > 0) {
      return FoldResult.of(IntegerAttr.of(IntMath.zext(i.longValue(), IntMath.width(i.type())), outType));
    }
    if (in instanceof DenseElementsAttr d && d.isSplat() && outType instanceof ShapedType s && to > 0) {
      int from = IntMath.width(d.type().elementType());
      if (from > 0) {
        return FoldResult.of(DenseElementsAttr.get(s, new long[] {IntMath.zext(d.rawBits(0), from)}));
      }
    }
    return FoldResult.failure();
  }
}

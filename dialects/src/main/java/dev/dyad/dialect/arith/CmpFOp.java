package dev.dyad.dialect.arith;

import static dev.dyad.ir.ods.TypeConstraints.boolLike;
import static dev.dyad.ir.ods.TypeConstraints.floatLike;

import dev.dyad.ir.Builder;
import dev.dyad.ir.FoldResult;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.ods.OpDefinition;
import java.util.List;

/** {@code arith.cmpf}: floating-point comparison, ordered or unordered. */
public record CmpFOp(Operation op) {
  public static final String NAME = "arith.cmpf";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("floating-point comparison operation")
      .property(ArithOps.PREDICATE, ArithConstraints.i64Enum(CmpFPredicate.values().length))
      .operand("lhs", floatLike())
      .operand("rhs", floatLike())
      .property(ArithOps.FASTMATH, ArithConstraints.fastMathFlags(), FastMathFlagsAttr.NONE)
      .result("result", boolLike())
      .trait(Trait.PURE, ArithConstraints.SAME_TYPE_OPERANDS)
      .verify(CmpIOp::verify)
      .fold(CmpFOp::fold)
      .build();

  public CmpFOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static CmpFOp create(Builder b, Location loc, CmpFPredicate predicate, Value lhs, Value rhs) {
    OperationState st = new OperationState(b.getContext().getOperationName(NAME), loc);
    st.properties = DictionaryAttr.EMPTY.with(ArithOps.FASTMATH, FastMathFlagsAttr.NONE)
        .with(ArithOps.PREDICATE, IntegerAttr.i64(predicate.value()));
    st.addOperand(lhs).addOperand(rhs).addType(ArithOps.i1SameShape(lhs.getType()));
    return new CmpFOp(b.create(st));
  }

  public CmpFPredicate predicate() {
    return CmpFPredicate.of(((IntegerAttr) op.getProperty(ArithOps.PREDICATE)).longValue());
  }

  public Value lhs() {
    return op.getOperand(0);
  }

  public Value rhs() {
    return op.getOperand(1);
  }

  public OpResult result() {
    return op.getResult(0);
  }

  public FastMathFlagsAttr fastmath() {
    return ArithOps.fastMath(op);
  }

  /** Scalar f32/f64 constants compare; a NaN operand decides alone, whatever the other is. */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    FloatAttr lhs = operands.get(0) instanceof FloatAttr f && FloatMath.supported(f.type()) ? f : null;
    FloatAttr rhs = operands.get(1) instanceof FloatAttr f && FloatMath.supported(f.type()) ? f : null;
    if (lhs != null && FloatMath.isNaN(lhs)) {
      rhs = lhs;
    }
    if (rhs != null && FloatMath.isNaN(rhs)) {
      lhs = rhs;
    }
    if (lhs == null || rhs == null) {
      return FoldResult.failure();
    }
    boolean value = new CmpFOp(op).predicate().apply(FloatMath.value(lhs), FloatMath.value(rhs));
    return FoldResult.of(IntegerAttr.bool(value));
  }
}

package dev.dyad.dialect.arith;

import static dev.dyad.ir.ods.TypeConstraints.boolLike;
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
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.List;

/** {@code arith.cmpi}: integer comparison; the predicate is stored as its i64 value. */
public record CmpIOp(Operation op) {
  public static final String NAME = "arith.cmpi";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("integer comparison operation")
      .property(ArithOps.PREDICATE, ArithConstraints.i64Enum(CmpIPredicate.values().length))
      .operand("lhs", signlessIntegerLike())
      .operand("rhs", signlessIntegerLike())
      .result("result", boolLike())
      .trait(Trait.PURE, ArithConstraints.SAME_TYPE_OPERANDS)
      .verify(CmpIOp::verify)
      .fold(CmpIOp::fold)
      .build();

  public CmpIOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static CmpIOp create(Builder b, Location loc, CmpIPredicate predicate, Value lhs, Value rhs) {
    OperationState st = new OperationState(b.getContext().getOperationName(NAME), loc);
    st.properties = DictionaryAttr.EMPTY.with(ArithOps.PREDICATE, IntegerAttr.i64(predicate.value()));
    st.addOperand(lhs).addOperand(rhs).addType(ArithOps.i1SameShape(lhs.getType()));
    return new CmpIOp(b.create(st));
  }

  public CmpIPredicate predicate() {
    return CmpIPredicate.of(((IntegerAttr) op.getProperty(ArithOps.PREDICATE)).longValue());
  }

  public void setPredicate(CmpIPredicate predicate) {
    op.setProperty(ArithOps.PREDICATE, IntegerAttr.i64(predicate.value()));
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

  static void verify(Operation op, DiagnosticEmitter emitter) {
    Type expected = ArithOps.i1SameShape(op.getOperand(0).getType());
    if (!op.getResult(0).getType().equals(expected)) {
      emitter.emitOpError(op, "failed to verify that result type has i1 element type and same shape as operands");
    }
  }

  /**
   * Equal operands decide the predicate; comparisons of an i1 with 0 or 1 are the i1 itself; a
   * constant moves to the right (swapping the predicate, in place); two constants compare.
   */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    CmpIOp cmp = new CmpIOp(op);
    CmpIPredicate pred = cmp.predicate();
    Value lhs = cmp.lhs();
    Attribute lhsConst = operands.get(0);
    Attribute rhsConst = operands.get(1);
    if (lhs == cmp.rhs()) {
      return FoldResult.ofNullable(ArithOps.boolAttr(cmp.result().getType(), pred.onEqualOperands()));
    }
    boolean lhsIsI1 = isI1(ArithOps.elementTypeOrSelf(lhs.getType()));
    if (ConstantValues.isZero(rhsConst) && pred == CmpIPredicate.NE) {
      Operation ext = ArithOps.definedBy(lhs, ExtUIOp.NAME);
      if (ext == null) {
        ext = ArithOps.definedBy(lhs, "arith.extsi");
      }
      if (ext != null && isI1(ArithOps.elementTypeOrSelf(ext.getOperand(0).getType()))) {
        return FoldResult.of(ext.getOperand(0));
      }
      if (lhsIsI1) {
        return FoldResult.of(lhs);
      }
    }
    if (ConstantValues.isOne(rhsConst) && pred == CmpIPredicate.EQ && lhsIsI1) {
      return FoldResult.of(lhs);
    }
    if (lhsConst != null && rhsConst == null) {
      Value rhs = cmp.rhs();
      cmp.setPredicate(pred.swap());
      op.setOperand(0, rhs);
      op.setOperand(1, lhs);
      return FoldResult.inPlace();
    }
    return FoldResult.ofNullable(compareConstants(pred, lhsConst, rhsConst));
  }

  private static Attribute compareConstants(CmpIPredicate pred, Attribute lhs, Attribute rhs) {
    if (lhs instanceof IntegerAttr a && rhs instanceof IntegerAttr b && a.type().equals(b.type())) {
      int width = IntMath.width(a.type());
      return width < 0 ? null : IntegerAttr.bool(pred.apply(a.longValue(), b.longValue(), width));
    }
    if (lhs instanceof DenseElementsAttr a && rhs instanceof DenseElementsAttr b && a.isSplat() && b.isSplat()
        && a.type().equals(b.type())) {
      int width = IntMath.width(a.type().elementType());
      boolean r = width > 0 && pred.apply(a.rawBits(0), b.rawBits(0), width);
      return width < 0 ? null
          : DenseElementsAttr.get((dev.dyad.ir.type.ShapedType) ArithOps.i1SameShape(a.type()), new long[] {r ? 1 : 0});
    }
    return null;
  }

  /** MLIR's {@code isInteger(1)}: a 1-bit integer of any signedness. */
  private static boolean isI1(Type t) {
    return t instanceof IntegerType it && it.width() == 1;
  }
}

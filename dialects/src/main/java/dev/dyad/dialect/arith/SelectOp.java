package dev.dyad.dialect.arith;

import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.TypeConstraints.boolLike;
import static dev.dyad.ir.ods.TypeConstraints.var;

import dev.dyad.ir.AsmPrinter;
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
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.ir.type.UnrankedTensorType;
import dev.dyad.ir.type.VectorType;
import java.util.List;

/** {@code arith.select}: the true or the false value, chosen by an i1 (or an i1 mask). */
public record SelectOp(Operation op) {
  public static final String NAME = "arith.select";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("select operation")
      .operand("condition", boolLike())
      .operand("true_value", var("T", anyType()))
      .operand("false_value", var("T", anyType()))
      .result("result", var("T", anyType()))
      .trait(Trait.PURE)
      .verify(SelectOp::verify)
      .fold(SelectOp::fold)
      .build();

  public SelectOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  public static SelectOp create(Builder b, Location loc, Value condition, Value trueValue, Value falseValue) {
    OperationState st = new OperationState(b.getContext().getOperationName(NAME), loc);
    st.addOperand(condition).addOperand(trueValue).addOperand(falseValue).addType(trueValue.getType());
    return new SelectOp(b.create(st));
  }

  public Value condition() {
    return op.getOperand(0);
  }

  public Value trueValue() {
    return op.getOperand(1);
  }

  public Value falseValue() {
    return op.getOperand(2);
  }

  public OpResult result() {
    return op.getResult(0);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    Type condition = op.getOperand(0).getType();
    if (condition.equals(IntegerType.I1)) {
      return;
    }
    Type result = op.getResult(0).getType();
    boolean shaped = result instanceof VectorType || result instanceof RankedTensorType
        || result instanceof UnrankedTensorType;
    if (!shaped) {
      emitter.emitOpError(op, "expected condition to be a signless i1, but got " + AsmPrinter.toString(condition));
      return;
    }
    Type mask = ArithOps.i1SameShape(result);
    if (!condition.equals(mask)) {
      emitter.emitOpError(op, "expected condition type to have the same shape as the result type, expected "
          + AsmPrinter.toString(mask) + ", but got " + AsmPrinter.toString(condition));
    }
  }

  /**
   * Equal choices, a constant condition, {@code select(c, true, false) = c} and a condition
   * comparing the two choices for (in)equality decide the result.
   */
  private static FoldResult fold(Operation op, List<Attribute> operands) {
    SelectOp select = new SelectOp(op);
    Value t = select.trueValue();
    Value f = select.falseValue();
    if (t == f) {
      return FoldResult.of(t);
    }
    if (ConstantValues.isOne(operands.get(0))) {
      return FoldResult.of(t);
    }
    if (ConstantValues.isZero(operands.get(0))) {
      return FoldResult.of(f);
    }
    if (t.getType().equals(IntegerType.I1) && ConstantValues.isOne(operands.get(1))
        && ConstantValues.isZero(operands.get(2))) {
      return FoldResult.of(select.condition());
    }
    Operation cmp = ArithOps.definedBy(select.condition(), CmpIOp.NAME);
    if (cmp != null) {
      CmpIPredicate pred = new CmpIOp(cmp).predicate();
      boolean sameValues = (cmp.getOperand(0) == t && cmp.getOperand(1) == f)
          || (cmp.getOperand(1) == t && cmp.getOperand(0) == f);
      if ((pred == CmpIPredicate.EQ || pred == CmpIPredicate.NE) && sameValues) {
        return FoldResult.of(pred == CmpIPredicate.NE ? t : f);
      }
    }
    return FoldResult.failure();
  }
}

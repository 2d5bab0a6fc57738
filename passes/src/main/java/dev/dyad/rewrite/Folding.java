package dev.dyad.rewrite;

import dev.dyad.ir.FoldResult;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.OpFoldResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Folds ops as MLIR's {@code Operation::fold} does: constant operands are found through their
 * ConstantLike definitions, the op's fold hook runs, then the folds of its traits (a commutative
 * op moves its constant operands last).
 */
public final class Folding {
  private Folding() {}

  /** The constant {@code v} is known to be (MLIR's {@code m_Constant}), or null. */
  public static Attribute constantValue(Value v) {
    Operation def = v.getDefiningOp();
    if (def == null || !def.hasTrait(Trait.CONSTANT_LIKE)) {
      return null;
    }
    FoldResult r = def.getName().getDef().fold(def, Arrays.asList(new Attribute[def.getNumOperands()]));
    if (!r.succeeded() || r.isInPlace()) {
      return null;
    }
    return r.results().get(0).attribute();
  }

  /** The constant value of each operand of {@code op} (null where unknown). */
  public static List<Attribute> constantOperands(Operation op) {
    List<Attribute> out = new ArrayList<>(op.getNumOperands());
    for (int i = 0; i < op.getNumOperands(); i++) {
      out.add(constantValue(op.getOperand(i)));
    }
    return out;
  }

  /** Folds {@code op}; in-place updates are already applied when this returns. */
  public static FoldResult fold(Operation op) {
    return fold(op, constantOperands(op));
  }

  public static FoldResult fold(Operation op, List<Attribute> operands) {
    OpDef def = op.getName().getDef();
    if (def == null) {
      return FoldResult.failure();
    }
    FoldResult r = def.fold(op, operands);
    boolean toSelf = r.succeeded() && !r.isInPlace() && op.getNumResults() == 1
        && r.results().get(0).isValue() && r.results().get(0).value() == op.getResult(0);
    if (r.succeeded() && !toSelf && !r.isInPlace()) {
      return r;
    }
    if (op.hasTrait(Trait.COMMUTATIVE) && moveConstantsLast(op, operands)) {
      return FoldResult.inPlace();
    }
    return r.failed() ? r : FoldResult.inPlace();
  }

  /** MLIR's {@code foldCommutative}: a stable partition putting constant operands last. */
  private static boolean moveConstantsLast(Operation op, List<Attribute> operands) {
    int n = op.getNumOperands();
    if (n < 2) {
      return false;
    }
    List<Value> values = new ArrayList<>(n);
    List<Value> constants = new ArrayList<>();
    boolean seenConstant = false;
    boolean moved = false;
    for (int i = 0; i < n; i++) {
      if (operands.get(i) != null) {
        constants.add(op.getOperand(i));
        seenConstant = true;
      } else {
        values.add(op.getOperand(i));
        moved |= seenConstant;
      }
    }
    if (!moved) {
      return false;
    }
    values.addAll(constants);
    for (int i = 0; i < n; i++) {
      op.setOperand(i, values.get(i));
    }
    return true;
  }

  /** Whether {@code r} replaces results with {@code value}s only (no constants to build). */
  static boolean onlyValues(FoldResult r) {
    return r.results().stream().allMatch(OpFoldResult::isValue);
  }
}

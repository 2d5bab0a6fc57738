package dev.dyad.dialect.arith.transforms;

import dev.dyad.dialect.arith.AddIOp;
import dev.dyad.dialect.arith.CmpIOp;
import dev.dyad.dialect.arith.ExtUIOp;
import dev.dyad.dialect.arith.IndexCastOp;
import dev.dyad.dialect.arith.IntegerOverflowFlagsAttr;
import dev.dyad.dialect.arith.MulIOp;
import dev.dyad.dialect.arith.SelectOp;
import dev.dyad.dialect.arith.SubIOp;
import dev.dyad.dialect.arith.XOrIOp;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.rewrite.Locations;
import dev.dyad.rewrite.PatternSet;
import dev.dyad.rewrite.RewritePattern;

/**
 * The canonicalization patterns of the arith ops Dyad defines, in MLIR's order, with the benefits
 * MLIR's declarative rules get (one per op of the matched tree, constants aside) and the locations
 * they give new ops. Patterns that need ops Dyad does not define (negf, sitofp, extsi results) are
 * left out.
 */
public final class ArithCanonicalization {
  private ArithCanonicalization() {}

  /** All of them, op by op. */
  public static PatternSet patterns() {
    PatternSet set = new PatternSet();
    set.addAll(addI()).addAll(subI()).addAll(mulI()).addAll(xorI()).addAll(cmpI()).addAll(select())
        .addAll(indexCast());
    return set;
  }

  /** Constant chains fold into one constant: (x + c0) + c1 = x + (c0 + c1), and the like. */
  public static PatternSet addI() {
    return new PatternSet().add(
        RewritePattern.of("AddIAddConstant", AddIOp.NAME, 2, (op, r) -> ConstantChains.rewrite(op, r,
            AddIOp.NAME, ConstantChains.Shape.X_C, ConstantChains.Combine.ADD, ConstantChains.Result.ADD_X_C)),
        RewritePattern.of("AddISubConstantRHS", AddIOp.NAME, 2, (op, r) -> ConstantChains.rewrite(op, r,
            SubIOp.NAME, ConstantChains.Shape.X_C, ConstantChains.Combine.OUTER_MINUS_INNER,
            ConstantChains.Result.ADD_X_C)),
        RewritePattern.of("AddISubConstantLHS", AddIOp.NAME, 2, (op, r) -> ConstantChains.rewrite(op, r,
            SubIOp.NAME, ConstantChains.Shape.C_X, ConstantChains.Combine.ADD, ConstantChains.Result.SUB_C_X)),
        RewritePattern.of("AddIMulNegativeOneRhs", AddIOp.NAME, 2, (op, r) -> NegatedProducts.rewrite(op, r, 1)),
        RewritePattern.of("AddIMulNegativeOneLhs", AddIOp.NAME, 2, (op, r) -> NegatedProducts.rewrite(op, r, 0)));
  }

  public static PatternSet subI() {
    return new PatternSet().add(
        RewritePattern.of("SubIRHSAddConstant", SubIOp.NAME, 2, (op, r) -> ConstantChains.rewrite(op, r,
            AddIOp.NAME, ConstantChains.Shape.X_C, ConstantChains.Combine.INNER_MINUS_OUTER,
            ConstantChains.Result.ADD_X_C_NO_FLAGS)),
        RewritePattern.of("SubILHSAddConstant", SubIOp.NAME, 2, (op, r) -> ConstantChains.rewriteConstantFirst(op,
            r, AddIOp.NAME, ConstantChains.Shape.X_C, ConstantChains.Combine.OUTER_MINUS_INNER,
            ConstantChains.Result.SUB_C_X)),
        RewritePattern.of("SubIRHSSubConstantRHS", SubIOp.NAME, 2, (op, r) -> ConstantChains.rewrite(op, r,
            SubIOp.NAME, ConstantChains.Shape.X_C, ConstantChains.Combine.ADD, ConstantChains.Result.SUB_X_C)),
        RewritePattern.of("SubIRHSSubConstantLHS", SubIOp.NAME, 2, (op, r) -> ConstantChains.rewrite(op, r,
            SubIOp.NAME, ConstantChains.Shape.C_X, ConstantChains.Combine.INNER_MINUS_OUTER,
            ConstantChains.Result.SUB_C_X)),
        RewritePattern.of("SubILHSSubConstantRHS", SubIOp.NAME, 2, (op, r) -> ConstantChains.rewriteConstantFirst(op,
            r, SubIOp.NAME, ConstantChains.Shape.X_C, ConstantChains.Combine.ADD, ConstantChains.Result.SUB_C_X)),
        RewritePattern.of("SubILHSSubConstantLHS", SubIOp.NAME, 2, (op, r) -> ConstantChains.rewriteConstantFirst(op,
            r, SubIOp.NAME, ConstantChains.Shape.C_X, ConstantChains.Combine.OUTER_MINUS_INNER,
            ConstantChains.Result.ADD_X_C)),
        RewritePattern.of("SubISubILHSRHSLHS", SubIOp.NAME, 2, SubtractedTwice::rewrite));
  }

  public static PatternSet mulI() {
    return new PatternSet().add(
        RewritePattern.of("MulIMulIConstant", MulIOp.NAME, 2, (op, r) -> ConstantChains.rewrite(op, r,
            MulIOp.NAME, ConstantChains.Shape.X_C, ConstantChains.Combine.MUL, ConstantChains.Result.MUL_X_C)));
  }

  public static PatternSet xorI() {
    return new PatternSet().add(
        RewritePattern.of("XOrINotCmpI", XOrIOp.NAME, 2, BooleanPatterns::notOfCmpI),
        RewritePattern.of("XOrIOfExtUI", XOrIOp.NAME, 3, BooleanPatterns::xorOfExtUI));
  }

  public static PatternSet cmpI() {
    return new PatternSet().add(
        RewritePattern.of("CmpIExtSI", CmpIOp.NAME, 3, (op, r) -> BooleanPatterns.cmpOfExtensions(op, r,
            "arith.extsi")),
        RewritePattern.of("CmpIExtUI", CmpIOp.NAME, 3, (op, r) -> BooleanPatterns.cmpOfExtensions(op, r,
            ExtUIOp.NAME)));
  }

  public static PatternSet select() {
    return new PatternSet().add(
        RewritePattern.of("RedundantSelectFalse", SelectOp.NAME, 2, (op, r) -> SelectPatterns.redundant(op, r, 2)),
        RewritePattern.of("RedundantSelectTrue", SelectOp.NAME, 2, (op, r) -> SelectPatterns.redundant(op, r, 1)),
        RewritePattern.of("SelectNotCond", SelectOp.NAME, 2, SelectPatterns::notCondition),
        RewritePattern.of("SelectI1ToNot", SelectOp.NAME, 1, SelectPatterns::i1ToNot),
        RewritePattern.of("SelectToExtUI", SelectOp.NAME, 1, SelectPatterns::toExtUI));
  }

  public static PatternSet indexCast() {
    return new PatternSet().add(
        RewritePattern.of("IndexCastOfIndexCast", IndexCastOp.NAME, 2, (op, r) -> {
          Operation inner = Matching.definedBy(op.getOperand(0), IndexCastOp.NAME);
          if (inner == null || !inner.getOperand(0).getType().equals(op.getResult(0).getType())) {
            return false;
          }
          r.replaceOp(op, java.util.List.of(inner.getOperand(0)));
          return true;
        }),
        RewritePattern.of("IndexCastOfExtSI", IndexCastOp.NAME, 2, (op, r) -> {
          Operation ext = Matching.definedBy(op.getOperand(0), "arith.extsi");
          if (ext == null) {
            return false;
          }
          Location loc = Locations.fuse(op.getLoc(), ext.getLoc());
          r.replaceOpWithNewOp(op, () -> IndexCastOp.create(r, loc, ext.getOperand(0), op.getResult(0).getType())
              .op());
          return true;
        }));
  }

  /** The flags of an integer op (none for ops without them). */
  static IntegerOverflowFlagsAttr flags(Operation op) {
    return op.getProperty("overflowFlags") instanceof IntegerOverflowFlagsAttr f ? f : IntegerOverflowFlagsAttr.NONE;
  }
}

package dev.dyad.ir.affine;

import static dev.dyad.ir.affine.AffineExprs.add;
import static dev.dyad.ir.affine.AffineExprs.ceilDiv;
import static dev.dyad.ir.affine.AffineExprs.constant;
import static dev.dyad.ir.affine.AffineExprs.dim;
import static dev.dyad.ir.affine.AffineExprs.floorDiv;
import static dev.dyad.ir.affine.AffineExprs.mod;
import static dev.dyad.ir.affine.AffineExprs.mul;
import static dev.dyad.ir.affine.AffineExprs.neg;
import static dev.dyad.ir.affine.AffineExprs.sub;
import static dev.dyad.ir.affine.AffineExprs.symbol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.affine.AffineExpr.Binary;
import dev.dyad.ir.affine.AffineExpr.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builder API beyond what the parser exercises. Expected strings are mlir-opt-22 output for
 * the equivalent text (the golden files hold the bulk of the evidence).
 */
class AffineExprsTest {
  private static final AffineExpr D0 = dim(0);
  private static final AffineExpr D1 = dim(1);
  private static final AffineExpr S0 = symbol(0);
  private static final AffineExpr S1 = symbol(1);

  private static String print(AffineExpr e) {
    StringBuilder sb = new StringBuilder();
    AffinePrinter.printExpr(sb, e);
    return sb.toString();
  }

  @Test
  void longOverloadsMatchConstantOperands() {
    assertEquals(add(D0, constant(3)), add(D0, 3));
    assertEquals(mul(D0, constant(3)), mul(D0, 3));
    assertEquals(floorDiv(D0, constant(3)), floorDiv(D0, 3));
    assertEquals(ceilDiv(D0, constant(3)), ceilDiv(D0, 3));
    assertEquals(mod(D0, constant(3)), mod(D0, 3));
    assertEquals("d0 - 3", print(sub(D0, 3)));
    // MLIR's `e - v` is `e + (-v)`, and -INT64_MIN wraps to itself.
    assertEquals("d0 - -9223372036854775808", print(sub(D0, Long.MIN_VALUE)));
  }

  @Test
  void subtractionAndNegationAreMultiplicationsByMinusOne() {
    assertEquals("d0 - d1", print(sub(D0, D1)));
    assertEquals(add(D0, mul(D1, -1)), sub(D0, D1));
    assertEquals("-d0", print(neg(D0)));
    assertEquals(D0, neg(neg(D0)));
    assertEquals("-(d0 + 1)", print(neg(add(D0, 1))));
  }

  @Test
  void unfoldableConstantsKeepTheirOperandOrder() {
    AffineExpr min = constant(Long.MIN_VALUE);
    // -x puts the -1 on the right; building -1 * x explicitly keeps it on the left.
    assertEquals("--9223372036854775808", print(neg(min)));
    assertEquals("-1 * -9223372036854775808", print(mul(constant(-1), min)));
    assertEquals("9223372036854775807 + 1", print(add(constant(Long.MAX_VALUE), constant(1))));
    assertEquals("1 + 9223372036854775807", print(add(constant(1), constant(Long.MAX_VALUE))));
    assertEquals("-9223372036854775808 floordiv -1", print(floorDiv(min, -1)));
    assertEquals("-9223372036854775808 ceildiv -1", print(ceilDiv(min, -1)));
    assertEquals("-3074457345618258602", print(ceilDiv(min, 3)));
    assertEquals("-3074457345618258603", print(floorDiv(min, 3)));
  }

  @Test
  void bareDimsAndSymbolsAreOrderedInNewSumsAndProducts() {
    assertEquals(new Binary(Kind.ADD, D0, D1), add(D1, D0));
    assertEquals(new Binary(Kind.MUL, S0, S1), mul(S1, S0));
    assertEquals(new Binary(Kind.ADD, D1, S0), add(D1, S0));
    assertEquals(new Binary(Kind.ADD, D0, S1), add(S1, D0));
    // Only bare operands are reordered.
    assertEquals("d1 + d0 * 2", print(add(D1, mul(D0, 2))));
  }

  @Test
  void divisionsByNonConstantsAreKept() {
    assertEquals("d0 floordiv s0", print(floorDiv(D0, S0)));
    assertEquals("(d0 * s0) floordiv s0", print(floorDiv(mul(D0, S0), S0)));
    assertEquals("s0 mod s0", print(mod(S0, S0)));
    // The C++ API also builds divisions by dimensions; only the parser rejects them.
    assertEquals("d0 ceildiv d1", print(ceilDiv(D0, D1)));
  }

  @Test
  void nonAffineOperationsAreReportedLikeMlirsParser() {
    assertEquals("non-affine expression: at least one of the multiply operands has to be"
        + " either a constant or symbolic", AffineExprs.nonAffineError(Kind.MUL, D0, D1));
    assertEquals("non-affine expression: right operand of floordiv has to be either a constant"
        + " or symbolic", AffineExprs.nonAffineError(Kind.FLOOR_DIV, D0, D1));
    assertEquals("non-affine expression: right operand of ceildiv has to be either a constant"
        + " or symbolic", AffineExprs.nonAffineError(Kind.CEIL_DIV, S0, D1));
    assertEquals("non-affine expression: right operand of mod has to be either a constant or"
        + " symbolic", AffineExprs.nonAffineError(Kind.MOD, D0, add(D1, 1)));
    assertNull(AffineExprs.nonAffineError(Kind.MUL, D0, S0));
    assertNull(AffineExprs.nonAffineError(Kind.MOD, D0, mul(S0, S1)));
    assertNull(AffineExprs.nonAffineError(Kind.ADD, D0, D1));
    // MLIR's operator* would recurse forever here.
    assertThrows(IllegalArgumentException.class, () -> mul(D0, D1));
  }

  @Test
  void semiAffineExpressionsAreNotPureAffine() {
    assertTrue(AffineExprs.isPureAffine(add(mul(D0, 2), floorDiv(D1, 4))));
    assertFalse(AffineExprs.isPureAffine(mul(D0, S0)));
    assertFalse(AffineExprs.isPureAffine(mod(D0, S0)));
    assertTrue(AffineExprs.isSymbolicOrConstant(mul(S0, S1)));
    assertFalse(AffineExprs.isSymbolicOrConstant(add(S0, D0)));
  }

  @Test
  void largestKnownDivisor() {
    assertEquals(1, AffineExprs.largestKnownDivisor(D0));
    assertEquals(6, AffineExprs.largestKnownDivisor(constant(-6)));
    assertEquals(12, AffineExprs.largestKnownDivisor(mul(mul(D0, 4), mul(S0, 3))));
    assertEquals(4, AffineExprs.largestKnownDivisor(mod(mul(D0, 4), 8)));
    assertEquals(2, AffineExprs.largestKnownDivisor(floorDiv(mod(mul(D0, 4), 8), -2)));
    assertEquals(1, AffineExprs.largestKnownDivisor(floorDiv(mod(mul(D0, 4), 8), 3)));
  }

  @Test
  void binaryDispatchesToTheSimplifyingBuilders() {
    assertEquals(add(D1, D0), AffineExprs.binary(Kind.ADD, D1, D0));
    assertEquals(constant(6), AffineExprs.binary(Kind.MUL, constant(2), constant(3)));
    assertEquals(mul(D0, 2), AffineExprs.binary(Kind.FLOOR_DIV, mul(D0, 4), constant(2)));
    assertEquals(mul(D0, 2), AffineExprs.binary(Kind.CEIL_DIV, mul(D0, 4), constant(2)));
    assertEquals(constant(0), AffineExprs.binary(Kind.MOD, mul(D0, 4), constant(2)));
  }

  @Test
  void constraintsAreBuiltLikeMlirsParser() {
    // (d0)[s0] : (d0 <= s0, d0 >= 1, d0 * 2 == s0 + 1)
    IntegerSet set = new IntegerSet(1, 1,
        List.of(AffineExprs.le(D0, S0), AffineExprs.ge(D0, constant(1)),
            AffineExprs.eq(mul(D0, 2), add(S0, 1))),
        List.of(false, false, true));
    assertEquals("(d0)[s0] : (-d0 + s0 >= 0, d0 - 1 >= 0, d0 * 2 - (s0 + 1) == 0)",
        set.toString());
    assertEquals("(d0, d1)[s0] : (0 == 0)", IntegerSet.unconstrained(2, 1).toString());
    assertEquals("(d0) : (1 == 0)", IntegerSet.empty(1, 0).toString());
  }
}

package dev.dyad.dialect.arith;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.TypedAttrs;
import dev.dyad.ir.ods.AttrConstraint;
import dev.dyad.ir.ods.CheckedTrait;
import dev.dyad.ir.type.IntegerType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The constraints of arith's op definitions, with MLIR's descriptions. */
final class ArithConstraints {
  private ArithConstraints() {}

  static AttrConstraint overflowFlags() {
    return AttrConstraint.of("Integer overflow arith flags", IntegerOverflowFlagsAttr.class,
        a -> a instanceof IntegerOverflowFlagsAttr);
  }

  static AttrConstraint fastMathFlags() {
    return AttrConstraint.of("Floating point fast math flags", FastMathFlagsAttr.class,
        a -> a instanceof FastMathFlagsAttr);
  }

  /** MLIR's {@code I64EnumAttr} with cases {@code 0..count-1}; out-of-range values cannot be stored. */
  static AttrConstraint i64Enum(int count) {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cases.add(Integer.toString(i));
    }
    Predicate<Attribute> ok = a -> a instanceof IntegerAttr i && i.type().equals(IntegerType.I64)
        && i.longValue() >= 0 && i.longValue() < count;
    return new AttrConstraint.Described(ok, ok,
        "allowed 64-bit signless integer cases: " + String.join(", ", cases), null);
  }

  /** {@code TypedAttrInterface}: any attribute with a type. */
  static AttrConstraint typedAttr() {
    Predicate<Attribute> typed = a -> TypedAttrs.typeOf(a) != null;
    return new AttrConstraint.Described(typed, typed, "TypedAttr instance", null);
  }

  /** MLIR's {@code SameTypeOperands}. */
  static final CheckedTrait SAME_TYPE_OPERANDS = new CheckedTrait() {
    @Override
    public String name() {
      return "SameTypeOperands";
    }

    @Override
    public void verify(Operation op, DiagnosticEmitter emitter) {
      for (int i = 1; i < op.getNumOperands(); i++) {
        if (!op.getOperand(i).getType().equals(op.getOperand(0).getType())) {
          emitter.emitOpError(op, "requires all operands to have the same type");
          return;
        }
      }
    }
  };

  static String quoted(dev.dyad.ir.type.Type t) {
    return "'" + AsmPrinter.toString(t) + "'";
  }
}

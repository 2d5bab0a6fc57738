package dev.dyad.runtime.cim;

import dev.dyad.dialect.nn.BatchMatmulOp;
import dev.dyad.dialect.nn.Conv2dOp;
import dev.dyad.dialect.nn.LinearOp;
import dev.dyad.dialect.nn.MatmulOp;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.ods.OpAdaptor;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeInferenceException;
import dev.dyad.ir.ods.ValueDef;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.runtime.reference.NnKernels;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code meta.vector} asks of the vector unit, from types alone (so that timing-only runs
 * check and cost it exactly as full runs): the nn op's type rules, and the work of
 * docs/dialects/meta.md (elements, or MACs for products).
 */
final class VectorWork {
  private VectorWork() {}

  /** Checks that the op's operand and result types are what nn op {@code kind} gives for them. */
  static void checkTypes(Operation op, String kind, DictionaryAttr params) throws CimException {
    OpDefinition def = NnKernels.definition(kind);
    if (def == null) {
      throw new CimException(op.getLoc(), "'meta.vector' has kind '" + kind + "', which is not an nn op the vector"
          + " unit runs");
    }
    checkOperands(op, kind, def, params);
    if (!def.infersTypes()) {
      return;
    }
    List<Type> inferred;
    try {
      inferred = def.inferResultTypes(op.getOperandTypes(), params);
    } catch (TypeInferenceException | IllegalArgumentException e) {
      throw new CimException(op.getLoc(), "'meta.vector' (" + kind + "): " + e.getMessage(), e);
    }
    if (!inferred.equals(op.getResultTypes())) {
      throw new CimException(op.getLoc(), "'meta.vector' (" + kind + ") gives results of type "
          + print(inferred) + " for its operands, but the op declares " + print(op.getResultTypes()));
    }
  }

  /** Each operand must satisfy the constraint of its group in the nn op's definition. */
  private static void checkOperands(Operation op, String kind, OpDefinition def, DictionaryAttr params)
      throws CimException {
    OpAdaptor a;
    try {
      a = OpAdaptor.of(def, op.getOperandTypes(), params);
    } catch (IllegalArgumentException e) {
      throw new CimException(op.getLoc(), "'meta.vector' (" + kind + "): " + e.getMessage(), e);
    }
    for (ValueDef group : def.operands()) {
      int first = a.operandIndex(group.name());
      List<Type> types = a.operandGroup(group.name());
      for (int i = 0; i < types.size(); i++) {
        if (!group.constraint().accepts(types.get(i))) {
          throw new CimException(op.getLoc(), "'meta.vector' (" + kind + "): operand #" + (first + i) + " must be "
              + group.constraint().description() + ", but got '" + AsmPrinter.toString(types.get(i)) + "'");
        }
      }
    }
  }

  private static String print(List<Type> types) {
    List<String> out = new ArrayList<>();
    for (Type t : types) {
      out.add(AsmPrinter.toString(t));
    }
    return String.join(", ", out);
  }

  /**
   * The largest element count among operands and results, except for products, which are
   * MAC-bound: matmul and batch_matmul (result elements · K), linear (result elements · input
   * features), conv2d (result elements · C/group · KH · KW).
   */
  static long work(Operation op, String kind, DictionaryAttr params) {
    long result = CimInterpreter.elements((RankedTensorType) op.getResult(0).getType());
    switch (kind) {
      case MatmulOp.NAME, BatchMatmulOp.NAME -> {
        List<Long> a = shape(op.getOperand(0));
        boolean transposeA = flag(kind, op, params, MatmulOp.TRANSPOSE_A);
        return Math.multiplyExact(result, a.get(a.size() - (transposeA ? 2 : 1)));
      }
      case LinearOp.NAME -> {
        List<Long> x = shape(op.getOperand(0));
        return Math.multiplyExact(result, x.get(x.size() - 1));
      }
      case Conv2dOp.NAME -> {
        List<Long> w = shape(op.getOperand(1));
        return Math.multiplyExact(result, w.get(1) * w.get(2) * w.get(3));
      }
      default -> {
        long max = 0;
        List<Value> values = new ArrayList<>(op.getOperands());
        values.addAll(op.getResults());
        for (Value v : values) {
          max = Math.max(max, CimInterpreter.elements((RankedTensorType) v.getType()));
        }
        return max;
      }
    }
  }

  private static List<Long> shape(Value v) {
    return ((RankedTensorType) v.getType()).shape();
  }

  private static boolean flag(String kind, Operation op, DictionaryAttr params, String name) {
    OpAdaptor a = OpAdaptor.of(NnKernels.definition(kind), op.getOperandTypes(), params);
    return a.property(name) instanceof IntegerAttr i && i.longValue() != 0;
  }
}

package dev.dyad.ir.ods;

import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.type.IntegerType;
import java.util.List;

/**
 * Where each operand (or result) group of an op starts: single groups hold one value, a lone
 * variable group takes the rest, and several variable groups are sized by the segment property.
 */
final class ValueLayout {
  private final int[] starts;

  private ValueLayout(int[] starts) {
    this.starts = starts;
  }

  /** Layouts of ops whose groups are all single values (most ops): one value per group, shared. */
  private static final ValueLayout[] ALL_SINGLE = new ValueLayout[8];

  static {
    for (int n = 0; n < ALL_SINGLE.length; n++) {
      int[] starts = new int[n + 1];
      for (int i = 0; i <= n; i++) {
        starts[i] = i;
      }
      ALL_SINGLE[n] = new ValueLayout(starts);
    }
  }

  static ValueLayout operands(OpDefinition def, Operation op) {
    return of(def.operands(), def.variableOperandGroups(), op.getNumOperands(),
        op, OpDefinition.OPERAND_SEGMENT_SIZES);
  }

  static ValueLayout results(OpDefinition def, Operation op) {
    return of(def.results(), def.variableResultGroups(), op.getNumResults(), op, OpDefinition.RESULT_SEGMENT_SIZES);
  }

  /** The layout; throws on IR the verifier would reject (bad counts or segment sizes). */
  private static ValueLayout of(List<ValueDef> groups, int variable, int actual, Operation op, String segmentName) {
    int n = groups.size();
    if (variable == 0 && actual == n && n < ALL_SINGLE.length) {
      return ALL_SINGLE[n];
    }
    int[] sizes = variable > 1
        ? segmentSizes(n, op.getProperty(segmentName), segmentName)
        : inferredSizes(groups, variable, actual);
    int[] starts = new int[groups.size() + 1];
    for (int i = 0; i < sizes.length; i++) {
      starts[i + 1] = starts[i] + sizes[i];
    }
    if (starts[groups.size()] != actual) {
      throw new IllegalStateException("value groups do not add up to " + actual + " values: invalid IR");
    }
    return new ValueLayout(starts);
  }

  private static int[] inferredSizes(List<ValueDef> groups, int variable, int actual) {
    int singles = groups.size() - variable;
    int[] sizes = new int[groups.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = groups.get(i).arity().isVariable() ? actual - singles : 1;
    }
    return sizes;
  }

  /** The segment sizes; a missing property means all zeros, as MLIR's default properties do. */
  static int[] segmentSizes(int groups, Attribute segments, String segmentName) {
    if (segments == null) {
      return new int[groups];
    }
    if (!(segments instanceof DenseArrayAttr d) || !d.elementType().equals(IntegerType.I32) || d.size() != groups) {
      throw new IllegalStateException("malformed '" + segmentName + "': invalid IR");
    }
    int[] sizes = new int[groups];
    for (int i = 0; i < groups; i++) {
      sizes[i] = (int) d.getInt(i);
    }
    return sizes;
  }

  /** {@code [start, end)} of group {@code group}. */
  int[] range(int group) {
    return new int[] {starts[group], starts[group + 1]};
  }

  int start(int group) {
    return starts[group];
  }

  int size(int group) {
    return starts[group + 1] - starts[group];
  }
}

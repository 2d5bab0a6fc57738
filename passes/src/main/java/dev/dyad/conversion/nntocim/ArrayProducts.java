package dev.dyad.conversion.nntocim;

import dev.dyad.dialect.nn.BatchMatmulOp;
import dev.dyad.dialect.nn.Conv2dOp;
import dev.dyad.dialect.nn.LinearOp;
import dev.dyad.dialect.nn.MatmulOp;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;

/** Which nn ops the arrays compute: products whose weight operand an {@code nn.constant} defines. */
final class ArrayProducts {
  private ArrayProducts() {}

  /** The weight operand of a product op (b of the matmuls), or null for other ops. */
  static Value weight(Operation op) {
    return switch (op.getNameString()) {
      case Conv2dOp.NAME -> new Conv2dOp(op).weight();
      case LinearOp.NAME -> new LinearOp(op).weight();
      case MatmulOp.NAME -> new MatmulOp(op).b();
      case BatchMatmulOp.NAME -> new BatchMatmulOp(op).b();
      default -> null;
    };
  }

  /** Whether {@code op} is a product whose weight is a constant: work for the arrays. */
  static boolean onArrays(Operation op) {
    return ConstantValue.of(weight(op)) != null;
  }
}

package dev.dyad.ir.ods;

import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * The result-type inference of an op definition (MLIR's {@code InferTypeOpInterface}): the
 * verifier compares what it infers with the op's result types, and builders create ops from it.
 */
@FunctionalInterface
public interface InferTypesHook {
  /**
   * The result types for the operand types and properties of {@code op}; invalid ones end it
   * with {@code throw op.fail(message)}, whose message the verifier reports after {@code 'name' op}.
   */
  List<Type> infer(OpAdaptor op);
}

package dev.dyad.dialect.cim;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueSpec;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * {@code cim.vector}: work for the digital vector unit, with the semantics of the nn op named by
 * {@code kind} applied to the operands with {@code params} as its properties (e.g. {@code kind =
 * "nn.relu"}, {@code kind = "nn.requantize", params = {scale = ..., zero_point = ...}}).
 */
public record VectorOp(Operation op) {
  public static final String NAME = "cim.vector";

  public static final OpDefinition DEFINITION = VectorKinds.declare(OpDefinition.builder(NAME)
          .summary("vector-unit work with the semantics of the nn op `kind` and its properties `params`")
          .operand("inputs", ValueSpec.variadic(CimSupport.anyStaticTensor())))
      .result("outputs", ValueSpec.variadic(CimSupport.anyStaticTensor()))
      // No nn op a kind can name touches memory. (nn.div is not speculatable, but cim IR has no
      // conditional regions that Pure would let it be hoisted out of.)
      .trait(Trait.PURE)
      .verify(VectorKinds::verify)
      .assemblyFormat(CimSupport.VECTOR_FORMAT)
      .build();

  public VectorOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** Vector work of {@code kind} with {@code params} producing {@code resultTypes}. */
  public static VectorOp create(Builder b, Location loc, String kind, DictionaryAttr params,
      List<? extends Value> inputs, List<? extends Type> resultTypes) {
    OperationState st = b.state(NAME, loc);
    st.addOperands(inputs).addTypes(resultTypes);
    st.properties = DictionaryAttr.EMPTY.with(VectorKinds.KIND, StringAttr.of(kind))
        .with(VectorKinds.PARAMS, params);
    return new VectorOp(b.create(st));
  }

  public String kind() {
    return VectorKinds.kind(op);
  }

  public DictionaryAttr params() {
    return VectorKinds.params(op);
  }

  public List<Value> inputs() {
    return op.getOperands();
  }

  public List<OpResult> outputs() {
    return op.getResults();
  }
}

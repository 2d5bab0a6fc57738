package dev.dyad.dialect.cim;

import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.ValueSpec.variadic;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.ods.OpDefinition;
import java.util.List;

/** {@code cim.yield}: ends a {@code cim.segment}, whose results are the yielded values. */
public record YieldOp(Operation op) {
  public static final String NAME = "cim.yield";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("yields the results of a cim.segment")
      .operand("values", variadic(anyType()))
      .trait(new Trait.HasParent(List.of(SegmentOp.NAME)), Trait.PURE, Trait.RETURN_LIKE, Trait.TERMINATOR)
      .assemblyFormat(CimSupport.YIELD_FORMAT)
      .build();

  public YieldOp {
    if (!op.getNameString().equals(NAME)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static YieldOp create(Builder b, Location loc, List<? extends Value> values) {
    OperationState st = b.state(NAME, loc);
    st.addOperands(values);
    return new YieldOp(b.create(st));
  }

  public List<Value> values() {
    return op.getOperands();
  }
}

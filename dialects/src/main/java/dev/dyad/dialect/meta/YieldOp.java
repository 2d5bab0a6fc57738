package dev.dyad.dialect.meta;

import static dev.dyad.ir.ods.TypeConstraints.anyType;
import static dev.dyad.ir.ods.ValueSpec.variadic;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.ods.OpDefinition;
import java.util.List;

/** {@code meta.yield}: ends a {@code meta.segment}, whose results are the yielded values. */
public record YieldOp(Operation op) {
  public static final String NAME = "meta.yield";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("yields the results of a meta.segment; reads and writes nothing, costs nothing")
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

package dev.dyad.dialect.meta;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.OpDefinition;

/**
 * {@code meta.switch}: CMSwitch's {@code CM.switch(TOM|TOC, arrays)}. The listed arrays change
 * mode; their contents (weights or data) are lost. Arrays switch one after another, so the cost
 * is {@code |arrays|} times the direction's latency, as CMSwitch's T_swc counts it.
 */
public record SwitchOp(Operation op) {
  public static final String NAME = "meta.switch";
  public static final String MEMORY = "memory";
  public static final String COMPUTE = "compute";

  public static final OpDefinition DEFINITION = OpDefinition.builder(NAME)
      .summary("switches `arrays` to memory or compute mode; reads nothing; writes the arrays' mode (contents lost);"
          + " cost |arrays| * switch_to_{memory,compute}_cycles on the switch controller")
      .property(MetaSupport.TO, MetaSupport.stringOneOf(MEMORY, COMPUTE))
      .property(MetaSupport.ARRAYS, CimSupport.i64ArrayAttr())
      .verify(SwitchOp::verify)
      .assemblyFormat("`to` $to $arrays attr-dict")
      .build();

  public SwitchOp {
    if (!isa(op)) {
      throw new IllegalArgumentException("not a " + NAME + ": " + op.getNameString());
    }
  }

  public static boolean isa(Operation op) {
    return op.getNameString().equals(NAME);
  }

  /** Switches {@code arrays} to compute mode when {@code toCompute}, else to memory mode. */
  public static SwitchOp create(Builder b, Location loc, boolean toCompute, long... arrays) {
    OperationState st = b.state(NAME, loc);
    st.properties = DictionaryAttr.EMPTY.with(MetaSupport.TO, StringAttr.of(toCompute ? COMPUTE : MEMORY))
        .with(MetaSupport.ARRAYS, CimSupport.i64Array(arrays));
    return new SwitchOp(b.create(st));
  }

  public boolean toCompute() {
    return ((StringAttr) op.getProperty(MetaSupport.TO)).text().equals(COMPUTE);
  }

  public long[] arrays() {
    return MetaSupport.arrays(DEFINITION, op);
  }

  private static void verify(Operation op, DiagnosticEmitter emitter) {
    MetaSupport.verifyArrays(DEFINITION, op, emitter);
  }
}

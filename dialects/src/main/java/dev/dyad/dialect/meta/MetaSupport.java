package dev.dyad.dialect.meta;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.ir.Builder;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.AttrConstraint;
import dev.dyad.ir.ods.OpDefinition;
import java.util.List;

/** What the meta op definitions share: property names and constraints, array-list and place checks. */
final class MetaSupport {
  private MetaSupport() {}

  static final String ARRAYS = "arrays";
  static final String IN_BUFFER = "in_buffer";
  static final String OUT_BUFFER = "out_buffer";
  static final String FROM = "from";
  static final String TO = "to";

  /**
   * A data movement: one tensor operand and a result of the same type and value (the move is a
   * functional identity; where the data lives is what changes).
   */
  static OpDefinition.Builder movement(String name, String summary) {
    return OpDefinition.builder(name).summary(summary)
        .operand("input", CimSupport.anyStaticTensor())
        .result("output", CimSupport.anyStaticTensor())
        .trait(Trait.SAME_OPERANDS_AND_RESULT_TYPE);
  }

  /** A movement op: {@code input} with {@code properties}, its result of the same type. */
  static Operation createMovement(Builder b, String name, Location loc, Value input, DictionaryAttr properties) {
    OperationState st = b.state(name, loc);
    st.addOperand(input).addType(input.getType());
    st.properties = properties;
    return b.create(st);
  }

  /** {@code #meta.place<...>}. */
  static AttrConstraint placeAttr() {
    return AttrConstraint.of("#meta.place attribute", PlaceAttr.class, a -> a instanceof PlaceAttr);
  }

  /** A string attribute that is one of {@code values} (described as nn's enumerations are). */
  static AttrConstraint stringOneOf(String... values) {
    List<String> allowed = List.of(values);
    return AttrConstraint.of("string attribute \"" + String.join("\" or \"", allowed) + "\"", StringAttr.class,
        a -> a instanceof StringAttr s && allowed.contains(s.text()));
  }

  static long[] arrays(OpDefinition def, Operation op) {
    return CimSupport.ints(def, op, ARRAYS);
  }

  static PlaceAttr place(OpDefinition def, Operation op, String name) {
    return (PlaceAttr) def.attribute(op, name);
  }

  /** Checks the op's {@code arrays} list (non-empty, non-negative, unique); false after reporting. */
  static boolean verifyArrays(OpDefinition def, Operation op, DiagnosticEmitter emitter) {
    return CimSupport.verifyArrayIds(op, ARRAYS, arrays(def, op), emitter);
  }

  /** Checks that place property {@code name} is on the chip; false after reporting. */
  static boolean verifyOnChip(OpDefinition def, Operation op, String name, String hint, DiagnosticEmitter emitter) {
    Attribute place = def.attribute(op, name);
    if (place instanceof PlaceAttr p && p.isExternal()) {
      emitter.emitOpError(op, "'" + name + "' must be on the chip (the buffer or arrays), not external memory"
          + hint);
      return false;
    }
    return true;
  }
}

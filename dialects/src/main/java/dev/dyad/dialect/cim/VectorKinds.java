package dev.dyad.dialect.cim;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Context;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.ods.AttrConstraints;
import dev.dyad.ir.ods.AttrDef;
import dev.dyad.ir.ods.OpDefinition;

/**
 * The {@code kind}/{@code params} convention of {@code cim.vector} and {@code meta.vector}:
 * digital vector-unit work named by the nn op whose semantics it has, with that op's properties,
 * so that the nn reference kernels stay the one definition of what it computes.
 */
public final class VectorKinds {
  public static final String KIND = "kind";
  public static final String PARAMS = "params";
  static final String NN_NAMESPACE = "nn";

  private VectorKinds() {}

  /** Declares {@code kind} (required string) and {@code params} (dictionary, default {@code {}}). */
  public static OpDefinition.Builder declare(OpDefinition.Builder b) {
    return b.property(KIND, AttrConstraints.stringAttr())
        .property(PARAMS, AttrConstraints.dictionaryAttr(), DictionaryAttr.EMPTY);
  }

  public static String kind(Operation op) {
    return ((StringAttr) op.getProperty(KIND)).text();
  }

  public static DictionaryAttr params(Operation op) {
    return op.getProperty(PARAMS) instanceof DictionaryAttr d ? d : DictionaryAttr.EMPTY;
  }

  /**
   * Checks {@code kind} and {@code params}. Without the nn dialect in the op's Context the kind
   * need only be non-empty. With it, the kind must be an nn op other than a constant, and when
   * that op is declaratively defined, {@code params} may only hold its properties, each
   * satisfying its constraint, and must hold the ones it requires.
   */
  public static void verify(Operation op, DiagnosticEmitter emitter) {
    String kind = kind(op);
    if (kind.isEmpty()) {
      emitter.emitOpError(op, "'kind' must name the nn op whose semantics it has, but is empty");
      return;
    }
    if (op.getNumResults() == 0) {
      emitter.emitOpError(op, "must have at least one result");
      return;
    }
    Context ctx = op.getContext();
    if (ctx == null || !ctx.isDialectRegistered(NN_NAMESPACE)) {
      return;
    }
    OpDef def = kind.startsWith(NN_NAMESPACE + ".") ? ctx.lookupOp(kind) : null;
    if (def == null) {
      emitter.emitOpError(op, "'kind' must be the name of an nn op, but '" + kind + "' is not one");
      return;
    }
    if (def.hasTrait(Trait.CONSTANT_LIKE)) {
      emitter.emitOpError(op, "'kind' names a constant ('" + kind + "'), which is not vector-unit work");
      return;
    }
    if (def instanceof OpDefinition od) {
      verifyParams(op, kind, od, params(op), emitter);
    }
  }

  private static void verifyParams(Operation op, String kind, OpDefinition def, DictionaryAttr params,
      DiagnosticEmitter emitter) {
    for (NamedAttribute p : params.entries()) {
      if (p.name().equals(OpDefinition.OPERAND_SEGMENT_SIZES) && def.hasOperandSegments()) {
        continue; // says which optional operands the vector op's operands are
      }
      AttrDef a = def.attributeDef(p.name());
      if (a == null || !a.inherent()) {
        emitter.emitOpError(op, "'params' entry '" + p.name() + "' is not a property of '" + kind + "'");
        return;
      }
      if (!a.constraint().accepts(p.value())) {
        emitter.emitOpError(op, "'params' entry '" + p.name() + "' = " + AsmPrinter.toString(p.value())
            + " of '" + kind + "' failed to satisfy constraint: " + a.constraint().description());
        return;
      }
    }
    for (AttrDef a : def.attributes()) {
      Attribute given = params.get(a.name());
      if (a.inherent() && a.mustBePresent() && given == null) {
        emitter.emitOpError(op, "'params' must hold '" + a.name() + "', which '" + kind + "' requires");
        return;
      }
    }
  }
}

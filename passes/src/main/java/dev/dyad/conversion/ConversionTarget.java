package dev.dyad.conversion;

import dev.dyad.ir.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a conversion must produce (MLIR's {@code ConversionTarget}): ops and dialects declared
 * legal, illegal, or legal when a predicate holds. An op's own rule wins over its dialect's,
 * which wins over the rule for unknown ops; ops no rule covers have unknown legality.
 */
public final class ConversionTarget {
  /** The verdict on one op. */
  public enum Legality { LEGAL, ILLEGAL, UNKNOWN }

  private enum Action { LEGAL, ILLEGAL, DYNAMIC }

  private record Rule(Action action, Predicate<Operation> isLegal) {
    Legality apply(Operation op) {
      return switch (action) {
        case LEGAL -> Legality.LEGAL;
        case ILLEGAL -> Legality.ILLEGAL;
        case DYNAMIC -> isLegal.test(op) ? Legality.LEGAL : Legality.ILLEGAL;
      };
    }
  }

  private final Map<String, Rule> ops = new HashMap<>();
  private final Map<String, Rule> dialects = new HashMap<>();
  private final Map<String, Predicate<Operation>> recursivelyLegal = new HashMap<>();
  private Rule unknownOps;

  public ConversionTarget addLegalOp(String... names) {
    return put(ops, names, new Rule(Action.LEGAL, null));
  }

  public ConversionTarget addIllegalOp(String... names) {
    return put(ops, names, new Rule(Action.ILLEGAL, null));
  }

  /** Ops named {@code name} are legal exactly when {@code isLegal} holds (illegal otherwise). */
  public ConversionTarget addDynamicallyLegalOp(String name, Predicate<Operation> isLegal) {
    return put(ops, new String[] {name}, new Rule(Action.DYNAMIC, isLegal));
  }

  public ConversionTarget addLegalDialect(String... namespaces) {
    return put(dialects, namespaces, new Rule(Action.LEGAL, null));
  }

  public ConversionTarget addIllegalDialect(String... namespaces) {
    return put(dialects, namespaces, new Rule(Action.ILLEGAL, null));
  }

  public ConversionTarget addDynamicallyLegalDialect(String namespace, Predicate<Operation> isLegal) {
    return put(dialects, new String[] {namespace}, new Rule(Action.DYNAMIC, isLegal));
  }

  /** Ops covered by no op or dialect rule are legal exactly when {@code isLegal} holds. */
  public ConversionTarget markUnknownOpDynamicallyLegal(Predicate<Operation> isLegal) {
    unknownOps = new Rule(Action.DYNAMIC, isLegal);
    return this;
  }

  /** When legal, ops named {@code name} make everything nested in them legal too (not converted). */
  public ConversionTarget markOpRecursivelyLegal(String name) {
    return markOpRecursivelyLegal(name, op -> true);
  }

  public ConversionTarget markOpRecursivelyLegal(String name, Predicate<Operation> when) {
    recursivelyLegal.put(name, when);
    return this;
  }

  private ConversionTarget put(Map<String, Rule> map, String[] names, Rule rule) {
    for (String n : names) {
      map.put(n, rule);
    }
    return this;
  }

  public Legality legality(Operation op) {
    Rule rule = ops.get(op.getNameString());
    if (rule == null) {
      rule = dialects.get(op.getName().getDialectNamespace());
    }
    if (rule == null) {
      rule = unknownOps;
    }
    return rule == null ? Legality.UNKNOWN : rule.apply(op);
  }

  public boolean isLegal(Operation op) {
    return legality(op) == Legality.LEGAL;
  }

  /** Explicitly illegal, or dynamically legal with a predicate that does not hold. */
  public boolean isIllegal(Operation op) {
    return legality(op) == Legality.ILLEGAL;
  }

  /** Whether {@code op} is legal and makes the ops nested in it legal as well. */
  public boolean isRecursivelyLegal(Operation op) {
    Predicate<Operation> when = recursivelyLegal.get(op.getNameString());
    return when != null && isLegal(op) && when.test(op);
  }
}

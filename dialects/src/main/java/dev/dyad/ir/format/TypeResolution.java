package dev.dyad.ir.format;

import dev.dyad.ir.Trait;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.TypeConstraint;
import dev.dyad.ir.ods.ValueDef;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each operand and result type of a custom form comes from: printed by a type directive,
 * fixed by its constraint (a buildable type), or equal to a printed one (SameOperandsAndResultType,
 * or a shared constraint variable, MLIR's AllTypesMatch). Groups are numbered operands first,
 * then results.
 */
public final class TypeResolution {
  private final OpDefinition def;
  private final int numOperands;
  private final boolean[] printed;
  private final Type[] buildable;
  /** Equal-type class of each group (the index of its representative). */
  private final int[] classOf;

  TypeResolution(OpDefinition def, boolean[] operandPrinted, boolean[] resultPrinted) {
    this.def = def;
    this.numOperands = def.operands().size();
    int n = numOperands + def.results().size();
    this.printed = new boolean[n];
    this.buildable = new Type[n];
    this.classOf = new int[n];
    for (int g = 0; g < n; g++) {
      printed[g] = g < numOperands ? operandPrinted[g] : resultPrinted[g - numOperands];
      buildable[g] = group(g).constraint().buildableType();
      classOf[g] = g;
    }
    boolean allSame = def.hasTrait(Trait.SAME_OPERANDS_AND_RESULT_TYPE);
    for (int g = 0; g < n; g++) {
      for (int h = 0; h < g; h++) {
        if (allSame || sameVariable(group(g).constraint(), group(h).constraint())) {
          union(g, h);
        }
      }
    }
  }

  private static boolean sameVariable(TypeConstraint a, TypeConstraint b) {
    return a instanceof TypeConstraint.Var va && b instanceof TypeConstraint.Var vb && va.name().equals(vb.name());
  }

  private ValueDef group(int g) {
    return g < numOperands ? def.operands().get(g) : def.results().get(g - numOperands);
  }

  private int find(int g) {
    while (classOf[g] != g) {
      g = classOf[g];
    }
    return g;
  }

  private void union(int a, int b) {
    classOf[find(a)] = find(b);
  }

  public boolean operandTypePrinted(int group) {
    return printed[group];
  }

  public boolean resultTypePrinted(int group) {
    return printed[numOperands + group];
  }

  /** Why some type can be neither printed nor inferred, or null when all can. */
  String unresolved() {
    for (int g = 0; g < printed.length; g++) {
      if (printed[g]) {
        continue;
      }
      boolean result = g >= numOperands;
      String what = (result ? "result #" + (g - numOperands) : "operand #" + g) + ", named '" + group(g).name() + "'";
      if (result && group(g).arity().isVariable()) {
        return "type of " + what + " is not printed, and the number of results of a variadic group cannot be "
            + "inferred: use type($" + group(g).name() + ") or type(results)";
      }
      if (buildable[g] == null && !classHasSource(find(g))) {
        return "type of " + what + ", is not buildable and a buildable type cannot be inferred";
      }
    }
    return null;
  }

  /** A class's type is known when one member has a fixed type or is a single printed value. */
  private boolean classHasSource(int cls) {
    for (int g = 0; g < printed.length; g++) {
      if (find(g) == cls && (buildable[g] != null || printed[g] && !group(g).arity().isVariable())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fills in the types that are not printed. {@code operandTypes} and {@code resultTypes} hold
   * one list per group, null where the format prints none; {@code operandCounts} is the number of
   * values of each operand group. Unprinted result groups are single values.
   */
  public void infer(List<List<Type>> operandTypes, int[] operandCounts, List<List<Type>> resultTypes) {
    List<List<Type>> all = new ArrayList<>(operandTypes);
    all.addAll(resultTypes);
    for (int g = 0; g < all.size(); g++) {
      if (all.get(g) == null && count(g, operandCounts) == 0) {
        all.set(g, List.of());
      } else if (all.get(g) == null && buildable[g] != null) {
        all.set(g, Collections.nCopies(count(g, operandCounts), buildable[g]));
      }
    }
    for (int g = 0; g < all.size(); g++) {
      if (all.get(g) != null) {
        continue;
      }
      Type source = sourceType(find(g), all);
      if (source == null) {
        throw new IllegalStateException(def.name() + ": no type source for group " + group(g).name());
      }
      all.set(g, Collections.nCopies(count(g, operandCounts), source));
    }
    for (int g = 0; g < all.size(); g++) {
      if (g < numOperands) {
        operandTypes.set(g, all.get(g));
      } else {
        resultTypes.set(g - numOperands, all.get(g));
      }
    }
  }

  private int count(int g, int[] operandCounts) {
    return g < numOperands ? operandCounts[g] : 1;
  }

  private Type sourceType(int cls, List<List<Type>> all) {
    for (int g = 0; g < all.size(); g++) {
      if (find(g) == cls && all.get(g) != null && !all.get(g).isEmpty()) {
        return all.get(g).get(0);
      }
    }
    return null;
  }
}

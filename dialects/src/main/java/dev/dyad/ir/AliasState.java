package dev.dyad.ir;

import dev.dyad.ir.attr.AffineMapAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.DistinctAttr;
import dev.dyad.ir.attr.IntegerSetAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.format.AssemblyFormat;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the {@code #map}/{@code #set}/{@code #loc}/{@code #distinct} aliases of a printed
 * module the way MLIR does: collected in a visit of the IR, sorted by nesting depth, name and
 * first visit, numbered per name, and split into definitions printed before the op and
 * location-only ones deferred after it (see docs/mlir-generic-printing.md §12–13).
 */
final class AliasState {
  /** Dialects whose ops mlir-opt registers: their properties are visited like attributes. */
  private static final java.util.Set<String> MLIR_REGISTERED_DIALECTS = java.util.Set.of(
      "builtin", "func", "arith", "scf", "cf", "tensor", "linalg", "memref", "affine", "vector",
      "math", "bufferization", "gpu", "llvm", "index", "complex", "shape", "tosa", "ml_program");

  private static final class Info {
    final int order;
    boolean deferred;
    int depth;
    String name;

    Info(int order, boolean deferred) {
      this.order = order;
      this.deferred = deferred;
    }
  }

  private final Map<Attribute, Info> infos = new HashMap<>();
  /** Distinct attributes are identity-keyed. */
  private final Map<Attribute, Info> distinctInfos = new IdentityHashMap<>();
  private final boolean debugInfo;
  /** Whether every op prints generically (else ops with an assembly format print custom forms). */
  private final boolean generic;
  private int nextOrder;

  private AliasState(boolean debugInfo, boolean generic) {
    this.debugInfo = debugInfo;
    this.generic = generic;
  }

  /** The aliases of {@code root}, in definition order, each with its name and section. */
  record Alias(Attribute attribute, String name, boolean deferred) {}

  static List<Alias> collect(Operation root, boolean debugInfo, boolean generic) {
    AliasState s = new AliasState(debugInfo, generic);
    s.visitOp(root);
    return s.finish();
  }

  /** Whether {@code a} is of a kind that can have an alias (the only ones worth looking up). */
  static boolean isAliasable(Attribute a) {
    return a instanceof AffineMapAttr || a instanceof IntegerSetAttr || a instanceof Location
        || a instanceof DistinctAttr;
  }

  private static String baseName(Attribute a) {
    if (a instanceof AffineMapAttr) {
      return "map";
    }
    if (a instanceof IntegerSetAttr) {
      return "set";
    }
    if (a instanceof Location) {
      return "loc";
    }
    if (a instanceof DistinctAttr d && !(d.referenced() instanceof UnitAttr)) {
      return "distinct";
    }
    return null;
  }

  private Map<Attribute, Info> table(Attribute a) {
    return a instanceof DistinctAttr ? distinctInfos : infos;
  }

  /** Whether mlir-opt would treat {@code op} as registered (affects which attributes it visits). */
  static boolean isRegisteredForPrinting(Operation op) {
    return op.isRegistered() || MLIR_REGISTERED_DIALECTS.contains(op.getName().getDialectNamespace());
  }

  private void visitOp(Operation op) {
    if (debugInfo) {
      visitAttr(op.getLoc(), true);
    }
    AssemblyFormat format = generic ? null : AssemblyFormat.of(op);
    if (format != null && format.canPrint(op)) {
      // Like MLIR, visit what the custom form prints, in the order it prints it.
      format.print(op, new Visitor());
      return;
    }
    for (Region r : op.getRegions()) {
      visitRegion(r);
    }
    for (Value v : op.getOperands()) {
      visitType(v.getType(), false);
    }
    for (Type t : op.getResultTypes()) {
      visitType(t, false);
    }
    DictionaryAttr attrs = op.getAttrDictionary();
    if (op.getProperties() != null && isRegisteredForPrinting(op)) {
      List<NamedAttribute> merged = new ArrayList<>(attrs.entries());
      merged.addAll(op.getPropertiesDictionary().entries());
      merged.sort(NamedAttribute.BY_NAME);
      for (NamedAttribute e : merged) {
        visitAttr(e.value(), false);
      }
      return;
    }
    for (NamedAttribute e : attrs.entries()) {
      visitAttr(e.value(), false);
    }
  }

  private void visitRegion(Region r) {
    for (Block b : r.getBlocks()) {
      for (BlockArgument a : b.getArguments()) {
        visitType(a.getType(), false);
        if (debugInfo) {
          visitAttr(a.getLoc(), false);
        }
      }
      for (Operation nested = b.front(); nested != null; nested = nested.getNextNode()) {
        visitOp(nested);
      }
    }
  }

  /** Stands in for the printer of a custom form: visits what it would print. */
  private final class Visitor implements OpAsmPrinter {
    @Override
    public void print(String text) {}

    @Override
    public void printOperand(Value value) {}

    @Override
    public void printType(Type type) {
      visitType(type, false);
    }

    @Override
    public void printAttribute(Attribute attribute) {
      visitAttr(attribute, false);
    }

    @Override
    public void printAttributeWithoutType(Attribute attribute) {
      visitAttr(attribute, false);
    }

    @Override
    public void printSuccessor(Block block) {}

    @Override
    public void printRegion(Region region) {
      visitRegion(region);
    }

    @Override
    public void printNewline() {}

    @Override
    public void printOptionalAttrDict(List<NamedAttribute> attributes, boolean withKeyword) {
      for (NamedAttribute a : attributes) {
        visitAttr(a.value(), false);
      }
    }
  }

  /**
   * Visits {@code a}; returns its alias depth the way MLIR's AliasInitializer computes it: one
   * more than the deepest element it contains when that is above 0, else 1 for an aliased value
   * and 0 for any other. Values without an alias count as a level too: the fused location in
   * {@code loc(fused<memref<2xf32, #map>>[#loc1])} is at depth 4 (map 1, memref 2, type
   * attribute 3), after {@code loc(callsite(#loc1 at #loc2))} at depth 2.
   */
  private int visitAttr(Attribute a, boolean deferred) {
    String base = baseName(a);
    if (base == null) {
      return depthAbove(visitChildren(a, deferred), 0);
    }
    Map<Attribute, Info> table = table(a);
    Info info = table.get(a);
    if (info != null) {
      if (!deferred && info.deferred) {
        info.deferred = false;
        visitChildren(a, false);
      }
      return info.depth;
    }
    info = new Info(nextOrder++, deferred);
    table.put(a, info);
    info.depth = depthAbove(visitChildren(a, deferred), 1);
    return info.depth;
  }

  private static int depthAbove(int deepestElement, int leafDepth) {
    return deepestElement > 0 ? deepestElement + 1 : leafDepth;
  }

  /** Types are immutable and shared: the alias depth each one contributes, once computed. */
  private final Map<Type, Integer> typeDepths = new HashMap<>();

  private int visitType(Type t, boolean deferred) {
    if (!deferred) {
      Integer known = typeDepths.get(t);
      if (known != null) {
        return known;
      }
      int depth = visitTypeChildren(t, false);
      typeDepths.put(t, depth);
      return depth;
    }
    return visitTypeChildren(t, true);
  }

  private int visitTypeChildren(Type t, boolean deferred) {
    DepthVisitor v = new DepthVisitor(deferred);
    SubElements.forEachChild(t, v);
    return depthAbove(v.max, 0);
  }

  private int visitChildren(Attribute a, boolean deferred) {
    // MLIR visits what the printer prints: a name location's unknown child is not printed.
    if (a instanceof Location.Name n && n.child() instanceof Location.Unknown) {
      return 0;
    }
    if (a instanceof DistinctAttr d && d.referenced() instanceof UnitAttr) {
      return 0;
    }
    DepthVisitor v = new DepthVisitor(deferred);
    SubElements.forEachChild(a, v);
    return v.max;
  }

  /** Visits children, keeping the largest alias depth they contribute. */
  private final class DepthVisitor implements SubElements.Visitor {
    private final boolean deferred;
    int max;

    DepthVisitor(boolean deferred) {
      this.deferred = deferred;
    }

    @Override
    public void attribute(Attribute child) {
      max = Math.max(max, visitAttr(child, deferred));
    }

    @Override
    public void type(Type child) {
      max = Math.max(max, visitType(child, deferred));
    }
  }

  private List<Alias> finish() {
    Map<Attribute, Info> all = new LinkedHashMap<>();
    all.putAll(infos);
    List<Map.Entry<Attribute, Info>> entries = new ArrayList<>(all.entrySet());
    entries.addAll(distinctInfos.entrySet());
    entries.sort(Comparator
        .comparingInt((Map.Entry<Attribute, Info> e) -> e.getValue().depth)
        .thenComparing(e -> baseName(e.getKey()))
        .thenComparingInt(e -> e.getValue().order));
    Map<String, Integer> counts = new HashMap<>();
    List<Alias> out = new ArrayList<>(entries.size());
    for (Map.Entry<Attribute, Info> e : entries) {
      String base = baseName(e.getKey());
      int n = counts.merge(base, 1, Integer::sum) - 1;
      out.add(new Alias(e.getKey(), "#" + base + (n == 0 ? "" : Integer.toString(n)), e.getValue().deferred));
    }
    return out;
  }
}

package dev.dyad.ir;

import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.TypeAttr;
import dev.dyad.ir.type.ComplexType;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.MemRefType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.TupleType;
import dev.dyad.ir.type.Type;
import dev.dyad.ir.type.UnrankedMemRefType;
import dev.dyad.ir.type.UnrankedTensorType;
import dev.dyad.ir.type.VectorType;
import java.util.function.Consumer;

/** Walks the attributes nested in attributes and types (what MLIR's SubElementInterfaces do). */
public final class SubElements {
  private SubElements() {}

  /** Calls {@code visit} on {@code a} and every attribute nested in it, parents first. */
  public static void walk(Attribute a, Consumer<Attribute> visit) {
    visit.accept(a);
    if (a instanceof ArrayAttr arr) {
      arr.elements().forEach(e -> walk(e, visit));
    } else if (a instanceof DictionaryAttr d) {
      for (NamedAttribute e : d.entries()) {
        walk(e.value(), visit);
      }
    } else if (a instanceof TypeAttr t) {
      walk(t.type(), visit);
    } else if (a instanceof IntegerAttr i) {
      walk(i.type(), visit);
    } else if (a instanceof StringAttr s && s.type() != null) {
      walk(s.type(), visit);
    } else if (a instanceof DenseElementsAttr d) {
      walk(d.type(), visit);
    } else if (a instanceof Location.Name n) {
      walk(n.child(), visit);
    } else if (a instanceof Location.CallSite c) {
      walk(c.callee(), visit);
      walk(c.caller(), visit);
    } else if (a instanceof Location.Fused f) {
      if (f.metadata() != null) {
        walk(f.metadata(), visit);
      }
      f.locations().forEach(l -> walk(l, visit));
    }
  }

  /** Calls {@code visit} on every attribute nested in type {@code t}. */
  public static void walk(Type t, Consumer<Attribute> visit) {
    if (t instanceof RankedTensorType r) {
      walk(r.elementType(), visit);
      if (r.encoding() != null) {
        walk(r.encoding(), visit);
      }
    } else if (t instanceof UnrankedTensorType u) {
      walk(u.elementType(), visit);
    } else if (t instanceof VectorType v) {
      walk(v.elementType(), visit);
    } else if (t instanceof MemRefType m) {
      walk(m.elementType(), visit);
      if (m.layout() != null) {
        walk(m.layout(), visit);
      }
      if (m.memorySpace() != null) {
        walk(m.memorySpace(), visit);
      }
    } else if (t instanceof UnrankedMemRefType m) {
      walk(m.elementType(), visit);
      if (m.memorySpace() != null) {
        walk(m.memorySpace(), visit);
      }
    } else if (t instanceof ComplexType c) {
      walk(c.elementType(), visit);
    } else if (t instanceof TupleType tt) {
      tt.types().forEach(e -> walk(e, visit));
    } else if (t instanceof FunctionType f) {
      f.inputs().forEach(e -> walk(e, visit));
      f.results().forEach(e -> walk(e, visit));
    }
  }
}

package dev.dyad.ir;

import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.DistinctAttr;
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

/**
 * The attributes and types directly nested in a builtin attribute or type (MLIR's
 * SubElementInterfaces), in the order MLIR walks them.
 */
public final class SubElements {
  private SubElements() {}

  /** Callbacks for the direct children of an attribute or type. */
  public interface Visitor {
    void attribute(Attribute a);

    void type(Type t);
  }

  public static void forEachChild(Attribute a, Visitor v) {
    if (a instanceof ArrayAttr arr) {
      arr.elements().forEach(v::attribute);
    } else if (a instanceof DictionaryAttr d) {
      for (NamedAttribute e : d.entries()) {
        v.attribute(e.value());
      }
    } else if (a instanceof TypeAttr t) {
      v.type(t.type());
    } else if (a instanceof IntegerAttr i) {
      v.type(i.type());
    } else if (a instanceof StringAttr s && s.type() != null) {
      v.type(s.type());
    } else if (a instanceof DenseElementsAttr d) {
      v.type(d.type());
    } else if (a instanceof DistinctAttr d) {
      v.attribute(d.referenced());
    } else if (a instanceof Location.Name n) {
      v.attribute(n.child());
    } else if (a instanceof Location.CallSite c) {
      v.attribute(c.callee());
      v.attribute(c.caller());
    } else if (a instanceof Location.Fused f) {
      if (f.metadata() != null) {
        v.attribute(f.metadata());
      }
      f.locations().forEach(v::attribute);
    }
  }

  public static void forEachChild(Type t, Visitor v) {
    if (t instanceof RankedTensorType r) {
      v.type(r.elementType());
      if (r.encoding() != null) {
        v.attribute(r.encoding());
      }
    } else if (t instanceof UnrankedTensorType u) {
      v.type(u.elementType());
    } else if (t instanceof VectorType vt) {
      v.type(vt.elementType());
    } else if (t instanceof MemRefType m) {
      v.type(m.elementType());
      if (m.layout() != null) {
        v.attribute(m.layout());
      }
      if (m.memorySpace() != null) {
        v.attribute(m.memorySpace());
      }
    } else if (t instanceof UnrankedMemRefType m) {
      v.type(m.elementType());
      if (m.memorySpace() != null) {
        v.attribute(m.memorySpace());
      }
    } else if (t instanceof ComplexType c) {
      v.type(c.elementType());
    } else if (t instanceof TupleType tt) {
      tt.types().forEach(v::type);
    } else if (t instanceof FunctionType f) {
      f.inputs().forEach(v::type);
      f.results().forEach(v::type);
    }
  }

  /** Calls {@code visit} on {@code a} and every attribute nested in it, parents first. */
  public static void walk(Attribute a, Consumer<Attribute> visit) {
    visit.accept(a);
    forEachChild(a, new Walker(visit));
  }

  /** Calls {@code visit} on every attribute nested in type {@code t}. */
  public static void walk(Type t, Consumer<Attribute> visit) {
    forEachChild(t, new Walker(visit));
  }

  private record Walker(Consumer<Attribute> visit) implements Visitor {
    @Override
    public void attribute(Attribute child) {
      walk(child, visit);
    }

    @Override
    public void type(Type child) {
      walk(child, visit);
    }
  }
}

package dev.dyad.ir.format;

import dev.dyad.ir.Block;
import dev.dyad.ir.OpAsmPrinter;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.format.FormatElement.AllOperands;
import dev.dyad.ir.format.FormatElement.AllRegions;
import dev.dyad.ir.format.FormatElement.AllSuccessors;
import dev.dyad.ir.format.FormatElement.AttrDict;
import dev.dyad.ir.format.FormatElement.AttrVar;
import dev.dyad.ir.format.FormatElement.FunctionalType;
import dev.dyad.ir.format.FormatElement.Literal;
import dev.dyad.ir.format.FormatElement.OperandVar;
import dev.dyad.ir.format.FormatElement.OptionalGroup;
import dev.dyad.ir.format.FormatElement.PropDict;
import dev.dyad.ir.format.FormatElement.RegionVar;
import dev.dyad.ir.format.FormatElement.SuccessorVar;
import dev.dyad.ir.format.FormatElement.TypeArg;
import dev.dyad.ir.format.FormatElement.TypeOf;
import dev.dyad.ir.format.FormatElement.Whitespace;
import dev.dyad.ir.ods.AttrDef;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a format over one op: prints its custom form through an {@link OpAsmPrinter}, or, with
 * no printer, checks that the form describes the op completely. Spacing follows MLIR's
 * generated printers exactly: the space decisions depend on the elements before, in format order,
 * whether or not an optional group was printed (as in the code mlir-tblgen generates).
 */
final class FormatPrinter {
  private final AssemblyFormat format;
  private final OpView view;
  /** Null when only checking. */
  private final OpAsmPrinter p;
  private boolean ok = true;
  private boolean shouldEmitSpace = true;
  private boolean lastWasPunctuation;

  FormatPrinter(AssemblyFormat format, OpView view, OpAsmPrinter p) {
    this.format = format;
    this.view = view;
    this.p = p;
  }

  void print() {
    walk(format.elements(), true, null);
  }

  /** Whether printing would describe the op completely (nothing printed). */
  boolean check() {
    walk(format.elements(), true, null);
    return ok;
  }

  private void emit(boolean active, String text) {
    if (active && p != null) {
      p.print(text);
    }
  }

  private void walk(List<FormatElement> elements, boolean active, FormatElement skip) {
    for (FormatElement e : elements) {
      if (e != skip) {
        element(e, active);
      }
    }
  }

  private void element(FormatElement e, boolean active) {
    if (e instanceof Literal l) {
      literal(l.spelling(), active);
      return;
    }
    if (e instanceof Whitespace w) {
      whitespace(w.value(), active);
      return;
    }
    if (e instanceof OptionalGroup g) {
      group(g, active);
      return;
    }
    if (e instanceof AttrDict d) {
      if (active && p != null) {
        p.printOptionalAttrDict(format.attrDictEntries(view.op()), d.withKeyword());
      }
      lastWasPunctuation = false;
      return;
    }
    if (e instanceof PropDict) {
      emit(active, " ");
      DictionaryAttr props = format.propDictEntries(view.op());
      if (active && p != null && !props.isEmpty()) {
        p.print("<");
        p.printAttribute(props);
        p.print(">");
      }
      lastWasPunctuation = false;
      return;
    }
    if (shouldEmitSpace || !lastWasPunctuation) {
      emit(active, " ");
    }
    lastWasPunctuation = false;
    shouldEmitSpace = true;
    if (!active) {
      requireAbsent(e);
    } else if (p == null) {
      checkVariable(e);
    } else {
      variable(e);
    }
  }

  private void literal(String value, boolean active) {
    if (shouldEmitSpace && spaceBefore(value, lastWasPunctuation)) {
      emit(active, " ");
    }
    emit(active, value);
    char c = value.charAt(0);
    shouldEmitSpace = value.length() != 1 || "<({[".indexOf(c) < 0;
    lastWasPunctuation = c != '_' && !Character.isLetter(c);
  }

  /** MLIR's rule: no space before closing punctuation, commas, or opening brackets after a word. */
  private static boolean spaceBefore(String value, boolean lastWasPunctuation) {
    if (value.length() != 1 && !value.equals("->")) {
      return true;
    }
    if (lastWasPunctuation) {
      return ">)}],".indexOf(value.charAt(0)) < 0;
    }
    return "<>(){}[],".indexOf(value.charAt(0)) < 0;
  }

  private void whitespace(String value, boolean active) {
    if (value.equals("\n")) {
      if (active && p != null) {
        p.printNewline();
      }
      return;
    }
    if (value.equals(" ")) {
      emit(active, " ");
      lastWasPunctuation = false;
    } else {
      lastWasPunctuation = true;
    }
    shouldEmitSpace = false;
  }

  private void group(OptionalGroup g, boolean active) {
    boolean present = anchorPresent(g.anchor());
    if (active && present && p == null && !firstPresent(g.thenElements())) {
      ok = false;
    }
    if (active && present && g.elideAnchor()) {
      Attribute a = view.attribute(((AttrVar) g.anchor()).def());
      ok &= a instanceof UnitAttr;
    }
    walk(g.thenElements(), active && present, g.elideAnchor() ? g.anchor() : null);
    if (active && !present && p == null && !g.elseElements().isEmpty() && !firstPresent(g.elseElements())) {
      ok = false;
    }
    walk(g.elseElements(), active && !present, null);
  }

  private boolean anchorPresent(FormatElement anchor) {
    if (anchor instanceof OperandVar o) {
      return !view.operands().get(o.group()).isEmpty();
    }
    if (anchor instanceof AttrVar a) {
      return AssemblyFormat.present(a.def(), view.attribute(a.def()));
    }
    if (anchor instanceof RegionVar r) {
      List<Region> regions = view.regions().get(r.group());
      boolean variadic = format.definition().regions().get(r.group()).variadic();
      return variadic ? !regions.isEmpty() : !regions.get(0).isEmpty();
    }
    if (anchor instanceof SuccessorVar s) {
      return !view.successors().get(s.group()).isEmpty();
    }
    if (anchor instanceof TypeOf t) {
      return !typesOf(t.arg()).isEmpty();
    }
    throw new IllegalStateException("invalid anchor " + anchor);
  }

  /** Whether the first parsable element prints something the parser will see. */
  private boolean firstPresent(List<FormatElement> elements) {
    for (FormatElement e : elements) {
      if (e instanceof Whitespace) {
        continue;
      }
      if (e instanceof Literal) {
        return true;
      }
      if (e instanceof OperandVar o) {
        return !view.operands().get(o.group()).isEmpty();
      }
      if (e instanceof AttrVar a) {
        return view.attribute(a.def()) != null;
      }
      if (e instanceof RegionVar r) {
        return !view.regions().get(r.group()).isEmpty();
      }
      if (e instanceof SuccessorVar s) {
        return !view.successors().get(s.group()).isEmpty();
      }
      if (e instanceof TypeOf t) {
        return !typesOf(t.arg()).isEmpty();
      }
      return false;
    }
    return false;
  }

  /** An element of a group that is not printed: what it stands for must be absent too. */
  private void requireAbsent(FormatElement e) {
    if (p != null) {
      return;
    }
    boolean absent;
    if (e instanceof OperandVar o) {
      absent = view.operands().get(o.group()).isEmpty();
    } else if (e instanceof AttrVar a) {
      absent = !AssemblyFormat.present(a.def(), view.attribute(a.def()));
    } else if (e instanceof RegionVar r) {
      absent = view.regions().get(r.group()).stream().allMatch(Region::isEmpty);
    } else if (e instanceof SuccessorVar s) {
      absent = view.successors().get(s.group()).isEmpty();
    } else if (e instanceof TypeOf t) {
      absent = typesOf(t.arg()).isEmpty();
    } else if (e instanceof FunctionalType f) {
      absent = typesOf(f.inputs()).isEmpty() && typesOf(f.results()).isEmpty();
    } else {
      absent = false;
    }
    ok &= absent;
  }

  private void checkVariable(FormatElement e) {
    if (e instanceof AttrVar a) {
      AttrDef d = a.def();
      Attribute value = view.attribute(d);
      if (value == null) {
        ok &= !d.mustBePresent();
      } else {
        ok &= AssemblyFormat.printableValue(d, value);
      }
    }
  }

  private void variable(FormatElement e) {
    if (e instanceof OperandVar o) {
      operands(view.operands().get(o.group()));
    } else if (e instanceof AllOperands) {
      operands(view.op().getOperands());
    } else if (e instanceof AttrVar a) {
      Attribute value = view.attribute(a.def());
      if (value == null) {
        return;
      }
      if (a.def().constraint().valueType() != null) {
        p.printAttributeWithoutType(value);
      } else {
        p.printAttribute(value);
      }
    } else if (e instanceof RegionVar r) {
      regions(view.regions().get(r.group()));
    } else if (e instanceof AllRegions) {
      regions(view.op().getRegions());
    } else if (e instanceof SuccessorVar s) {
      successors(view.successors().get(s.group()));
    } else if (e instanceof AllSuccessors) {
      successors(view.op().getSuccessors());
    } else if (e instanceof TypeOf t) {
      typeList(typesOf(t.arg()));
    } else if (e instanceof FunctionalType f) {
      p.print("(");
      typeList(typesOf(f.inputs()));
      p.print(") -> ");
      List<Type> results = typesOf(f.results());
      boolean wrap = results.size() != 1 || results.get(0) instanceof FunctionType;
      if (wrap) {
        p.print("(");
      }
      typeList(results);
      if (wrap) {
        p.print(")");
      }
    } else {
      throw new IllegalStateException("unhandled format element " + e);
    }
  }

  private void operands(List<Value> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        p.print(", ");
      }
      p.printOperand(values.get(i));
    }
  }

  private void regions(List<Region> regions) {
    for (int i = 0; i < regions.size(); i++) {
      if (i > 0) {
        p.print(", ");
      }
      p.printRegion(regions.get(i));
    }
  }

  private void successors(List<Block> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      if (i > 0) {
        p.print(", ");
      }
      p.printSuccessor(blocks.get(i));
    }
  }

  private void typeList(List<Type> types) {
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) {
        p.print(", ");
      }
      p.printType(types.get(i));
    }
  }

  private List<Type> typesOf(TypeArg arg) {
    if (arg instanceof TypeArg.Operand o) {
      return AssemblyFormat.typesOf(view.operands().get(o.group()));
    }
    if (arg instanceof TypeArg.Result r) {
      return AssemblyFormat.typesOf(view.results().get(r.group()));
    }
    if (arg instanceof TypeArg.Operands) {
      return view.op().getOperandTypes();
    }
    return new ArrayList<>(view.op().getResultTypes());
  }
}

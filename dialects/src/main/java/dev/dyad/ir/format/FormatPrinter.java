package dev.dyad.ir.format;

import dev.dyad.ir.Block;
import dev.dyad.ir.OpAsmPrinter;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.OpaqueAttr;
import dev.dyad.ir.attr.StringAttr;
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
import dev.dyad.ir.ods.Arity;
import dev.dyad.ir.ods.AttrDef;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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

  /**
   * Whether printing would describe the op completely and unambiguously (nothing printed): the
   * parser would read back every part, and no absent optional part would take the token after
   * it (a form that prints nothing for an empty variadic group of regions, say, and then a
   * non-empty attribute dictionary).
   */
  boolean check() {
    walk(format.elements(), true, null);
    checkFollowers();
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
    if (active && p == null) {
      track(e);
    }
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
    if (active && p == null && !present) {
      // The parser looks for the group's first element before reading on.
      listen(probe(firstParsable(g.thenElements())));
    }
    if (active && present && p == null && !firstPresent(g.thenElements())) {
      ok = false;
    }
    if (active && present && g.elideAnchor()) {
      Attribute a = view.attribute(((AttrVar) g.anchor()).def());
      ok &= a instanceof UnitAttr;
    }
    FormatElement outerAnchor = groupAnchor;
    groupAnchor = g.anchor();
    walk(g.thenElements(), active && present, g.elideAnchor() ? g.anchor() : null);
    groupAnchor = outerAnchor;
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
        Attribute value = view.attribute(a.def());
        return value != null && Lead.ofValue(a.def(), value).takenBy(a.def());
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

  // ---- what the parser would take: the first token of each printed part ----------------------

  /** A token kind, with the spelling for literals. */
  private record Tok(Lead lead, String literal) {}

  /** Tests of the absent optional parts since the last printed token: would they take the next? */
  private final List<Predicate<Tok>> listeners = new ArrayList<>();

  private void listen(Predicate<Tok> takes) {
    listeners.add(takes);
  }

  /**
   * What the part printed last would go on to read after its own text: the {@code : type} of an
   * untyped string or dialect attribute, the {@code , ...} of a list of any length.
   */
  private String greedyFor;

  /** A part starting with {@code t} is printed: no absent part before it may take {@code t}. */
  private void lead(Tok t) {
    for (Predicate<Tok> takes : listeners) {
      if (takes.test(t)) {
        ok = false;
      }
    }
    listeners.clear();
    if (greedyFor != null && greedyFor.equals(t.literal())) {
      ok = false;
    }
    greedyFor = null;
  }

  private void lead(Lead l) {
    lead(new Tok(l, null));
  }

  private static Predicate<Tok> is(Lead l) {
    return t -> t.lead() == l;
  }

  private static final Predicate<Tok> TYPE_START = t -> t.lead() == Lead.TYPE
      || t.lead() == Lead.LPAREN;

  /** What the parser tests to see whether {@code e}, the first element of a group, is there. */
  private Predicate<Tok> probe(FormatElement e) {
    if (e instanceof Literal l) {
      return t -> l.spelling().equals(t.literal());
    }
    if (e instanceof OperandVar) {
      return is(Lead.VALUE);
    }
    if (e instanceof AttrVar a) {
      return t -> t.lead().takenBy(a.def());
    }
    if (e instanceof RegionVar) {
      return is(Lead.LBRACE);
    }
    if (e instanceof SuccessorVar) {
      return is(Lead.CARET);
    }
    return TYPE_START;
  }

  private static FormatElement firstParsable(List<FormatElement> elements) {
    for (FormatElement e : elements) {
      if (!(e instanceof Whitespace)) {
        return e;
      }
    }
    throw new IllegalStateException("empty optional group");
  }

  /** Records what a printed element starts with, or what an empty optional one would take. */
  private void track(FormatElement e) {
    trackLead(e);
    if (e instanceof AttrVar a && a.def().constraint().valueType() == null) {
      Attribute value = view.attribute(a.def());
      boolean untyped = value instanceof StringAttr str && str.type() == null || value instanceof OpaqueAttr;
      greedyFor = untyped ? ":" : null;
    } else if (e instanceof OperandVar o && format.definition().operands().get(o.group()).arity() == Arity.VARIADIC
        || e instanceof AllOperands || e instanceof AllRegions || e instanceof AllSuccessors
        || e instanceof RegionVar r && format.definition().regions().get(r.group()).variadic()
        || e instanceof SuccessorVar s && format.definition().successors().get(s.group()).variadic()
        || e instanceof TypeOf t && variadic(t.arg())) {
      greedyFor = ",";
    }
  }

  private boolean variadic(TypeArg arg) {
    if (arg instanceof TypeArg.Operand o) {
      return format.definition().operands().get(o.group()).arity() == Arity.VARIADIC;
    }
    if (arg instanceof TypeArg.Result r) {
      return format.definition().results().get(r.group()).arity() == Arity.VARIADIC;
    }
    return true;
  }

  private void trackLead(FormatElement e) {
    if (e instanceof Literal l) {
      lead(new Tok(Lead.ofLiteral(l.spelling()), l.spelling()));
    } else if (e instanceof OperandVar || e instanceof AllOperands) {
      List<Value> values = e instanceof OperandVar o ? view.operands().get(o.group()) : view.op().getOperands();
      leadOrListen(!values.isEmpty(), Lead.VALUE, is(Lead.VALUE));
    } else if (e instanceof AttrVar a) {
      Attribute value = view.attribute(a.def());
      if (value != null) {
        lead(Lead.ofValue(a.def(), value));
      } else {
        listen(t -> t.lead().takenBy(a.def()));
      }
    } else if (e instanceof RegionVar || e instanceof AllRegions) {
      List<Region> regions = e instanceof RegionVar r ? view.regions().get(r.group()) : view.op().getRegions();
      leadOrListen(!regions.isEmpty(), Lead.LBRACE, is(Lead.LBRACE));
    } else if (e instanceof SuccessorVar || e instanceof AllSuccessors) {
      List<Block> blocks = e instanceof SuccessorVar s ? view.successors().get(s.group())
          : view.op().getSuccessors();
      leadOrListen(!blocks.isEmpty(), Lead.CARET, is(Lead.CARET));
    } else if (e instanceof TypeOf t) {
      List<Type> types = typesOf(t.arg());
      if (types.isEmpty()) {
        listen(TYPE_START);
      } else {
        lead(Lead.ofType(types.get(0)));
      }
    } else if (e instanceof FunctionalType) {
      lead(Lead.LPAREN);
    } else if (e instanceof AttrDict d) {
      boolean printed = !format.attrDictEntries(view.op()).isEmpty();
      if (d.withKeyword()) {
        leadOrListen(printed, new Tok(Lead.WORD, "attributes"), t -> "attributes".equals(t.literal()));
      } else {
        leadOrListen(printed, Lead.LBRACE, is(Lead.LBRACE));
      }
    } else if (e instanceof PropDict) {
      leadOrListen(!format.propDictEntries(view.op()).isEmpty(), Lead.LESS, is(Lead.LESS));
    }
  }

  private void leadOrListen(boolean printed, Lead l, Predicate<Tok> takes) {
    leadOrListen(printed, new Tok(l, null), takes);
  }

  private void leadOrListen(boolean printed, Tok t, Predicate<Tok> takes) {
    if (printed) {
      lead(t);
    } else {
      listen(takes);
    }
  }

  /**
   * Absent parts at the end of the form face what follows the op: the next op (its {@code %}
   * results or its quoted generic name) or the next block's label.
   */
  private void checkFollowers() {
    Operation op = view.op();
    if (op.getNextNode() != null) {
      Tok value = new Tok(Lead.VALUE, null);
      Tok string = new Tok(Lead.STRING, null);
      for (Predicate<Tok> takes : listeners) {
        ok &= !takes.test(value) && !takes.test(string);
      }
      return;
    }
    Block block = op.getBlock();
    List<Block> blocks = block == null || block.getParent() == null ? List.of() : block.getParent().getBlocks();
    if (block != null && blocks.indexOf(block) < blocks.size() - 1) {
      Tok caret = new Tok(Lead.CARET, null);
      for (Predicate<Tok> takes : listeners) {
        ok &= !takes.test(caret);
      }
    }
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

  /** The anchor of the optional group being walked, if any. */
  private FormatElement groupAnchor;

  private void checkVariable(FormatElement e) {
    if (e instanceof AttrVar a) {
      AttrDef d = a.def();
      Attribute value = view.attribute(d);
      if (value == null) {
        ok &= !d.mustBePresent();
      } else {
        // The parser reads an optional attribute (other than a printed group's anchor) only if its
        // first token looks like one it can store, and not like the op's trailing location.
        boolean required = d.mustBePresent() || e == groupAnchor;
        ok &= AssemblyFormat.printableValue(d, value) && (required || Lead.ofValue(d, value).takenBy(d));
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
      if (a.def().constraint().arrayElementType() != null) {
        p.print(((DenseArrayAttr) value).toStrippedString());
      } else if (a.def().constraint().valueType() != null) {
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

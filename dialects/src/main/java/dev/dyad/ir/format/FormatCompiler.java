package dev.dyad.ir.format;

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
import dev.dyad.ir.ods.AttrConstraint;
import dev.dyad.ir.ods.AttrDef;
import dev.dyad.ir.ods.OpDefinition;
import dev.dyad.ir.ods.ValueDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an assembly format string against its op definition and checks it the way MLIR's
 * {@code mlir-tblgen} does: every name resolves, every operand, region and successor is bound
 * exactly once, every type is printed or inferable, optional groups are well anchored. A bad
 * format is a programming error: {@link IllegalArgumentException}.
 */
final class FormatCompiler {
  /** MLIR's punctuation literals. */
  private static final Set<String> PUNCTUATION = Set.of(
      "->", "...", ":", ",", "=", "<", ">", "(", ")", "{", "}", "[", "]", "?", "+", "*", "|");
  private static final Pattern KEYWORD = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_$.]*");

  private final OpDefinition def;
  private final String text;
  private int pos;

  // What the elements bind, for the completeness checks.
  private final Set<Integer> boundOperands = new HashSet<>();
  private final Set<Integer> boundRegions = new HashSet<>();
  private final Set<Integer> boundSuccessors = new HashSet<>();
  private final Set<String> boundAttrs = new HashSet<>();
  private final boolean[] operandTypeBound;
  private final boolean[] resultTypeBound;
  private boolean allOperands;
  private boolean allRegions;
  private boolean allSuccessors;
  private boolean allOperandTypes;
  private boolean allResultTypes;
  private boolean attrDict;
  private boolean propDict;

  private FormatCompiler(OpDefinition def, String text) {
    this.def = def;
    this.text = text;
    this.operandTypeBound = new boolean[def.operands().size()];
    this.resultTypeBound = new boolean[def.results().size()];
  }

  static AssemblyFormat compile(String text, OpDefinition def) {
    FormatCompiler c = new FormatCompiler(def, text);
    if (!KEYWORD.matcher(def.name()).matches()) {
      throw c.error("op name '" + def.name() + "' is not a bare identifier and cannot start a custom form");
    }
    List<FormatElement> elements = c.elements(false);
    if (c.pos < text.length()) {
      throw c.error("unexpected '" + text.charAt(c.pos) + "'");
    }
    c.checkComplete();
    TypeResolution types = new TypeResolution(def, c.operandTypeBound, c.resultTypeBound);
    String unresolved = types.unresolved();
    if (unresolved != null) {
      throw c.error(unresolved);
    }
    return new AssemblyFormat(def, text, elements, types, c.allOperands, c.allOperandTypes, c.allResultTypes,
        c.propDict);
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(def.name() + ": invalid assembly format \"" + text + "\": " + message);
  }

  // ---- the element grammar ------------------------------------------------------------------

  /** Elements up to the end of the text or, inside a group, up to its closing parenthesis. */
  private List<FormatElement> elements(boolean inGroup) {
    List<FormatElement> out = new ArrayList<>();
    while (true) {
      skipSpaces();
      if (pos >= text.length() || inGroup && peek() == ')') {
        return out;
      }
      out.add(element(inGroup));
    }
  }

  /** One element; in a group it may carry the anchor mark, reported through {@link #anchorSeen}. */
  private FormatElement element(boolean inGroup) {
    char c = peek();
    FormatElement e;
    if (c == '`') {
      e = literal();
    } else if (c == '$') {
      e = variable(inGroup);
    } else if (c == '(') {
      if (inGroup) {
        throw error("optional groups cannot be nested");
      }
      return optionalGroup();
    } else if (Character.isLetter(c)) {
      e = directive(inGroup);
    } else {
      throw error("unexpected '" + c + "'");
    }
    skipSpaces();
    if (pos < text.length() && peek() == '^') {
      if (!inGroup) {
        throw error("'^' (anchor) is only valid inside an optional group");
      }
      pos++;
      anchorSeen.add(e);
      anchorMarks++;
    }
    return e;
  }

  private final List<FormatElement> anchorSeen = new ArrayList<>();
  private int anchorMarks;

  private FormatElement literal() {
    int start = ++pos;
    int end = text.indexOf('`', start);
    if (end < 0) {
      throw error("expected '`' to end the literal");
    }
    pos = end + 1;
    String value = text.substring(start, end);
    if (value.isEmpty() || value.equals(" ") || value.equals("\\n")) {
      return new Whitespace(value.equals("\\n") ? "\n" : value);
    }
    if (!PUNCTUATION.contains(value) && !KEYWORD.matcher(value).matches()) {
      throw error("'" + value + "' is not a valid literal");
    }
    return new Literal(value);
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private FormatElement variable(boolean inGroup) {
    pos++;
    String name = identifier();
    if (name.isEmpty()) {
      throw error("expected a variable name after '$'");
    }
    int operand = indexOf(def.operands(), name);
    if (operand >= 0) {
      bind(boundOperands.add(operand) && !allOperands, name);
      return new OperandVar(operand);
    }
    if (indexOf(def.results(), name) >= 0) {
      throw error("'$" + name + "': result variables can only be used as a child to a 'type' directive");
    }
    AttrDef attr = def.attributeDef(name);
    if (attr != null) {
      bind(boundAttrs.add(name), name);
      return new AttrVar(attr, isUnit(attr.constraint()));
    }
    for (int i = 0; i < def.regions().size(); i++) {
      if (def.regions().get(i).name().equals(name)) {
        bind(boundRegions.add(i) && !allRegions, name);
        return new RegionVar(i);
      }
    }
    for (int i = 0; i < def.successors().size(); i++) {
      if (def.successors().get(i).name().equals(name)) {
        bind(boundSuccessors.add(i) && !allSuccessors, name);
        return new SuccessorVar(i);
      }
    }
    throw error("unknown variable '$" + name + "': '" + def.name()
        + "' has no operand, result, attribute, region or successor of that name");
  }

  private void bind(boolean fresh, String name) {
    if (!fresh) {
      throw error("'$" + name + "' is already bound");
    }
  }

  /** A unit attribute (a flag): stored as UnitAttr and nothing else. */
  static boolean isUnit(AttrConstraint c) {
    return c.storable(UnitAttr.INSTANCE) && c.accepts(UnitAttr.INSTANCE) && !c.storable(StringAttr.of(""));
  }

  private FormatElement directive(boolean inGroup) {
    String word = identifier();
    switch (word) {
      case "attr-dict", "attr-dict-with-keyword" -> {
        notInGroup(inGroup, word);
        if (attrDict) {
          throw error("'attr-dict' directive has already been seen");
        }
        attrDict = true;
        return new AttrDict(word.equals("attr-dict-with-keyword"));
      }
      case "prop-dict" -> {
        notInGroup(inGroup, word);
        if (propDict) {
          throw error("'prop-dict' directive has already been seen");
        }
        propDict = true;
        return new PropDict();
      }
      case "operands" -> {
        notInGroup(inGroup, word);
        if (allOperands || !boundOperands.isEmpty()) {
          throw error("'operands' directive creates overlap in format");
        }
        allOperands = true;
        return new AllOperands();
      }
      case "regions" -> {
        notInGroup(inGroup, word);
        if (allRegions || !boundRegions.isEmpty()) {
          throw error("'regions' directive creates overlap in format");
        }
        allRegions = true;
        return new AllRegions();
      }
      case "successors" -> {
        notInGroup(inGroup, word);
        if (allSuccessors || !boundSuccessors.isEmpty()) {
          throw error("'successors' directive creates overlap in format");
        }
        allSuccessors = true;
        return new AllSuccessors();
      }
      case "type" -> {
        expect('(');
        TypeArg arg = typeArg();
        expect(')');
        return new TypeOf(arg);
      }
      case "functional-type" -> {
        expect('(');
        TypeArg inputs = typeArg();
        expect(',');
        TypeArg results = typeArg();
        expect(')');
        return new FunctionalType(inputs, results);
      }
      case "custom", "ref", "qualified", "oilist" -> throw error("'" + word + "' directives are not supported");
      case "results" -> throw error("'results' can only be used as a child to a 'type' directive");
      default -> throw error("unknown directive '" + word + "'");
    }
  }

  private void notInGroup(boolean inGroup, String word) {
    if (inGroup) {
      throw error("'" + word + "' cannot be used within an optional group: only literals, types and variables can");
    }
  }

  private TypeArg typeArg() {
    skipSpaces();
    if (pos < text.length() && peek() == '$') {
      pos++;
      String name = identifier();
      int operand = indexOf(def.operands(), name);
      if (operand >= 0) {
        bindType(operandTypeBound, operand, allOperandTypes, name);
        return new TypeArg.Operand(operand);
      }
      int result = indexOf(def.results(), name);
      if (result >= 0) {
        bindType(resultTypeBound, result, allResultTypes, name);
        return new TypeArg.Result(result);
      }
      throw error("'$" + name + "' in a type directive must name an operand or a result of '" + def.name() + "'");
    }
    String word = identifier();
    if (word.equals("operands")) {
      allOperandTypes = bindAll(operandTypeBound, allOperandTypes, "operands");
      return new TypeArg.Operands();
    }
    if (word.equals("results")) {
      allResultTypes = bindAll(resultTypeBound, allResultTypes, "results");
      return new TypeArg.Results();
    }
    throw error("expected '$name', 'operands' or 'results' in a type directive");
  }

  private void bindType(boolean[] bound, int group, boolean all, String name) {
    if (bound[group] || all) {
      throw error("'type($" + name + ")' is already bound");
    }
    bound[group] = true;
  }

  private boolean bindAll(boolean[] bound, boolean all, String what) {
    for (boolean b : bound) {
      if (b || all) {
        throw error("'type(" + what + ")' creates overlap in format");
      }
    }
    java.util.Arrays.fill(bound, true);
    return true;
  }

  private FormatElement optionalGroup() {
    pos++;
    int marksBefore = anchorMarks;
    anchorSeen.clear();
    List<FormatElement> thenElements = elements(true);
    expect(')');
    if (anchorMarks - marksBefore > 1) {
      throw error("only one element of an optional group can be marked as its anchor");
    }
    if (anchorMarks == marksBefore) {
      throw error("optional group has no anchor element (mark one with '^')");
    }
    FormatElement anchor = anchorSeen.get(0);
    int anchorIndex = indexOfIdentity(thenElements, anchor);
    List<FormatElement> elseElements = List.of();
    skipSpaces();
    if (pos < text.length() && peek() == ':') {
      pos++;
      expect('(');
      int marks = anchorMarks;
      elseElements = elements(true);
      expect(')');
      if (anchorMarks != marks) {
        throw error("the else branch of an optional group cannot have an anchor");
      }
    }
    expect('?');
    checkGroup(thenElements, anchor);
    if (!elseElements.isEmpty()) {
      checkFirst(elseElements);
    }
    boolean elide = anchor instanceof AttrVar a && a.unit() && anchorIndex != 0
        && (elseElements.isEmpty() || elseElements.get(0) != anchor);
    return new OptionalGroup(thenElements, elseElements, anchorIndex, elide);
  }

  private static int indexOfIdentity(List<FormatElement> list, FormatElement e) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == e) {
        return i;
      }
    }
    return -1;
  }

  private void checkGroup(List<FormatElement> elements, FormatElement anchor) {
    if (indexOfIdentity(elements, anchor) < 0) {
      throw error("the anchor must be a direct element of its optional group");
    }
    if (!canAnchor(anchor)) {
      throw error("only optional or variadic operands, optional or unit attributes, regions, variadic "
          + "successors and the types of optional or variadic values can anchor an optional group");
    }
    checkFirst(elements);
  }

  /** The first element that is parsed decides whether the group is present: it must be optional. */
  private void checkFirst(List<FormatElement> elements) {
    FormatElement first = null;
    for (FormatElement e : elements) {
      if (!(e instanceof Whitespace)) {
        first = e;
        break;
      }
    }
    if (first == null) {
      throw error("an optional group must contain a parsable element");
    }
    boolean ok = first instanceof Literal
        || first instanceof OperandVar o && def.operands().get(o.group()).arity().isVariable()
        || first instanceof AttrVar a && !a.def().mustBePresent()
        || first instanceof RegionVar
        || first instanceof SuccessorVar s && def.successors().get(s.group()).variadic()
        || first instanceof TypeOf t && variableArity(t.arg());
    if (!ok) {
      throw error("the first element of an optional group must be a literal, an optional or variadic "
          + "operand, an optional attribute, a region, a variadic successor or the type of an optional value");
    }
  }

  private boolean canAnchor(FormatElement e) {
    if (e instanceof OperandVar o) {
      return def.operands().get(o.group()).arity().isVariable();
    }
    if (e instanceof AttrVar a) {
      return !a.def().mustBePresent();
    }
    if (e instanceof RegionVar) {
      return true;
    }
    if (e instanceof SuccessorVar s) {
      return def.successors().get(s.group()).variadic();
    }
    if (e instanceof TypeOf t) {
      return variableArity(t.arg());
    }
    return false;
  }

  private boolean variableArity(TypeArg arg) {
    if (arg instanceof TypeArg.Operand o) {
      return def.operands().get(o.group()).arity().isVariable();
    }
    if (arg instanceof TypeArg.Result r) {
      return def.results().get(r.group()).arity().isVariable();
    }
    return false;
  }

  // ---- completeness ---------------------------------------------------------------------------

  private void checkComplete() {
    if (!attrDict) {
      throw error("'attr-dict' directive not found");
    }
    if (!allOperands) {
      for (int i = 0; i < def.operands().size(); i++) {
        if (!boundOperands.contains(i)) {
          throw error("operand #" + i + ", named '" + def.operands().get(i).name() + "', not found");
        }
      }
    }
    if (!allRegions) {
      for (int i = 0; i < def.regions().size(); i++) {
        if (!boundRegions.contains(i)) {
          throw error("region #" + i + ", named '" + def.regions().get(i).name() + "', not found");
        }
      }
    }
    if (!allSuccessors) {
      for (int i = 0; i < def.successors().size(); i++) {
        if (!boundSuccessors.contains(i)) {
          throw error("successor #" + i + ", named '" + def.successors().get(i).name() + "', not found");
        }
      }
    }
    if (allOperands && def.hasOperandSegments() && !allOperandTypes) {
      throw error("with several variadic operand groups, 'operands' needs 'type(operands)'");
    }
  }

  // ---- lexing helpers -----------------------------------------------------------------------

  private char peek() {
    return text.charAt(pos);
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private void expect(char c) {
    skipSpaces();
    if (pos >= text.length() || peek() != c) {
      String where = pos >= text.length() ? " at the end" : " before '" + text.substring(pos) + "'";
      throw error("expected '" + c + "'" + where);
    }
    pos++;
  }

  private static int indexOf(List<ValueDef> groups, String name) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}

package dev.dyad.parse;

import dev.dyad.grammar.CirParser;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.BlockArgument;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.PropertiesSplit;
import dev.dyad.ir.OperationName;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.Region;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Builds IR from the parse tree of a whole file, with MLIR's name resolution: SSA names scoped
 * per region (isolated regions see nothing from outside), forward references to values and
 * blocks resolved when defined, and trailing location aliases resolved at the end of the file.
 */
final class IrBuilder {
  private static final String FORWARD_REF_OP = "builtin.unrealized_conversion_cast";

  private final Context ctx;
  private final SourceText src;
  private final AttrBuilder attrs;
  private final Deque<IsolatedScope> isolated = new ArrayDeque<>();
  /** Placeholder values standing for forward references, with where they were first used. */
  private final Map<Value, Token> forwardRefs = new IdentityHashMap<>();
  private final List<PendingLoc> pendingLocations = new ArrayList<>();

  private record PendingLoc(Object target, String alias, Token at) {}

  /** A definition of an SSA name: its values (several for {@code %x:2}) and where it was defined. */
  private static final class Definition {
    final List<Value> values = new ArrayList<>();
    Token definedAt;
  }

  /** Names visible inside one isolated-from-above region tree; regions inside it stack up. */
  private static final class IsolatedScope {
    final Map<String, Definition> values = new HashMap<>();
    final Deque<List<String>> definedPerRegion = new ArrayDeque<>();
  }

  IrBuilder(Context ctx, SourceText src) {
    this.ctx = ctx;
    this.src = src;
    this.attrs = new AttrBuilder(src);
  }

  /** Builds the top-level module; {@code implicitModuleLoc} locates a module the parser creates. */
  Operation build(CirParser.ToplevelContext tree, Location implicitModuleLoc) {
    List<Operation> ops = new ArrayList<>();
    IsolatedScope top = new IsolatedScope();
    isolated.push(top);
    top.definedPerRegion.push(new ArrayList<>());
    Block topBlock = new Block();
    for (int i = 0; i < tree.getChildCount(); i++) {
      Object child = tree.getChild(i);
      if (child instanceof CirParser.OperationContext op) {
        Operation built = operation(op);
        topBlock.append(built);
        ops.add(built);
      } else if (child instanceof CirParser.AttributeAliasDefContext def) {
        defineAttributeAlias(def);
      } else if (child instanceof CirParser.TypeAliasDefContext def) {
        defineTypeAlias(def);
      } else if (child instanceof CirParser.FileMetadataContext meta) {
        throw src.error(meta, "file metadata (dialect resources) is not supported");
      }
    }
    finishScope(top, true);
    resolvePendingLocations();
    if (ops.size() == 1 && ops.get(0).getNameString().equals("builtin.module")) {
      Operation module = ops.get(0);
      module.remove();
      return module;
    }
    OperationState st = new OperationState(ctx.getOperationName("builtin.module"), implicitModuleLoc);
    Region body = st.addRegion();
    Operation module = Operation.create(st);
    body.push(topBlock);
    return module;
  }

  private void defineAttributeAlias(CirParser.AttributeAliasDefContext def) {
    String name = def.name.getText().substring(1);
    if (attrs.attributeAliases.containsKey(name)) {
      throw src.error(def.name, "redefinition of attribute alias id '" + name + "'");
    }
    if (name.contains(".")) {
      throw src.error(def.name, "attribute names with a '.' are reserved for dialect-defined names");
    }
    attrs.attributeAliases.put(name, attrs.attribute(def.attribute()));
  }

  private void defineTypeAlias(CirParser.TypeAliasDefContext def) {
    String name = def.TYPE_ALIAS_ID().getText().substring(1);
    if (attrs.typeAliases.containsKey(name)) {
      throw src.error(def, "redefinition of type alias id '" + name + "'");
    }
    attrs.typeAliases.put(name, attrs.type(def.type()));
  }

  // ---- operations -----------------------------------------------------------------------------

  private Operation operation(CirParser.OperationContext opCtx) {
    CirParser.GenericOperationContext g = opCtx.genericOperation();
    Token nameTok = g.name;
    String name = attrs.string(nameTok);
    if (name.isEmpty()) {
      throw src.error(nameTok, "empty operation name is invalid");
    }
    OperationName opName = ctx.getOperationName(name);
    checkDialect(opName, g);
    OpDef def = opName.getDef();

    Location loc = src.at(nameTok);
    OperationState st = new OperationState(opName, loc);

    // Results to bind.
    List<ResultBinding> bindings = resultBindings(opCtx.opResultList());
    int declaredResults = 0;
    for (ResultBinding b : bindings) {
      declaredResults += b.count;
    }

    List<CirParser.ValueUseContext> uses = g.valueUseList() == null ? List.of() : g.valueUseList().valueUse();

    if (g.successorList() != null) {
      for (var succ : g.successorList().CARET_ID()) {
        st.addSuccessor(blockRef(succ.getSymbol()));
      }
    }
    if (g.properties() != null) {
      Attribute props = attrs.attribute(g.properties().attribute());
      if (def != null && !(props instanceof DictionaryAttr)) {
        throw src.error(g.properties(), "expected a dictionary of properties, got '" + AsmPrinter.toString(props) + "'");
      }
      st.properties = props;
    }
    boolean isolatedRegions = def != null && def.hasTrait(Trait.ISOLATED_FROM_ABOVE);
    if (g.regionList() != null) {
      for (CirParser.RegionContext r : g.regionList().region()) {
        st.addRegion(region(r, isolatedRegions));
      }
    }
    if (g.dictionary() != null) {
      st.attributes.addAll(attrs.dictionary(g.dictionary()).entries());
    }
    FunctionType fnType = attrs.functionType(g.functionType());
    if (fnType.inputs().size() != uses.size()) {
      int n = uses.size();
      // MLIR's wording, including its double space.
      throw src.error(g.functionType(), "expected " + n + " operand type" + (n == 1 ? "" : "s") + "  but had "
          + fnType.inputs().size());
    }
    for (int i = 0; i < uses.size(); i++) {
      st.addOperand(resolveUse(uses.get(i), fnType.inputs().get(i)));
    }
    st.addTypes(fnType.results());
    if (!bindings.isEmpty() && fnType.results().isEmpty()) {
      throw src.error(opCtx.getStart(), "cannot name an operation with no results");
    }
    if (!bindings.isEmpty() && declaredResults != fnType.results().size()) {
      throw src.error(opCtx.getStart(), "operation defines " + fnType.results().size()
          + " results but was provided " + declaredResults + " to bind");
    }
    if (def != null) {
      // Inherent attributes written in the attribute dictionary become properties, as in MLIR.
      PropertiesSplit split = def.splitProperties((DictionaryAttr) st.properties, new DictionaryAttr(st.attributes));
      if (split.failed()) {
        throw new ParseError(loc, split.error());
      }
      st.properties = split.properties();
      st.attributes.clear();
      st.attributes.addAll(split.attributes().entries());
    }
    Operation op = Operation.create(st);
    if (opCtx.trailingLocation() != null) {
      setLocation(op, opCtx.trailingLocation());
    }
    int next = 0;
    for (ResultBinding b : bindings) {
      List<Value> vals = new ArrayList<>(op.getResults().subList(next, next + b.count));
      next += b.count;
      define(b.name, b.token, vals);
    }
    return op;
  }

  private void checkDialect(OperationName name, CirParser.GenericOperationContext g) {
    if (name.isRegistered() || ctx.allowsUnregisteredDialects()) {
      return;
    }
    if (ctx.isDialectRegistered(name.getDialectNamespace())) {
      return; // the verifier reports unknown ops of registered dialects
    }
    // MLIR points just past the op name.
    throw new ParseError(src.after(g.name), "operation being parsed with an unregistered dialect. If this is "
        + "intended, please use -allow-unregistered-dialect with the MLIR tool used");
  }

  private record ResultBinding(String name, Token token, int count) {}

  private List<ResultBinding> resultBindings(CirParser.OpResultListContext list) {
    if (list == null) {
      return List.of();
    }
    List<ResultBinding> out = new ArrayList<>();
    for (CirParser.OpResultContext r : list.opResult()) {
      int count = 1;
      if (r.count != null) {
        try {
          count = Integer.parseInt(r.count.getText());
        } catch (NumberFormatException e) {
          count = -1;
        }
        if (count < 1) {
          throw src.error(r.count, "expected named operation to have at least 1 result");
        }
      }
      out.add(new ResultBinding(r.VALUE_ID().getText(), r.VALUE_ID().getSymbol(), count));
    }
    return out;
  }

  private void setLocation(Object target, CirParser.TrailingLocationContext t) {
    try {
      Location loc = attrs.location(t.location(), true);
      applyLocation(target, loc);
    } catch (AttrBuilder.ForwardLocation fwd) {
      pendingLocations.add(new PendingLoc(target, fwd.alias, fwd.at));
    }
  }

  private static void applyLocation(Object target, Location loc) {
    if (target instanceof Operation op) {
      op.setLoc(loc);
    } else {
      ((BlockArgument) target).setLoc(loc);
    }
  }

  private void resolvePendingLocations() {
    for (PendingLoc p : pendingLocations) {
      Attribute a = attrs.attributeAliases.get(p.alias());
      if (a == null) {
        throw src.error(p.at(), "operation location alias was never defined");
      }
      if (!(a instanceof Location loc)) {
        throw src.error(p.at(), "expected location, but found '" + AsmPrinter.toString(a) + "'");
      }
      applyLocation(p.target(), loc);
    }
  }

  // ---- regions and blocks ---------------------------------------------------------------------

  /** Block names of the region being built (MLIR scopes them per region). */
  private final Deque<Map<String, BlockInfo>> blockScopes = new ArrayDeque<>();

  private static final class BlockInfo {
    final Block block;
    Token firstUse;
    boolean defined;

    BlockInfo(Block block) {
      this.block = block;
    }
  }

  private Region region(CirParser.RegionContext r, boolean isolatedFromAbove) {
    IsolatedScope scope;
    if (isolatedFromAbove) {
      scope = new IsolatedScope();
      isolated.push(scope);
    } else {
      scope = isolated.peek();
    }
    scope.definedPerRegion.push(new ArrayList<>());
    blockScopes.push(new LinkedHashMap<>());
    Region region = new Region();
    if (r.entryBlock() != null) {
      Block entry = region.addBlock();
      for (CirParser.OperationContext op : r.entryBlock().operation()) {
        entry.append(operation(op));
      }
    }
    for (CirParser.BlockContext b : r.block()) {
      block(b, region);
    }
    for (Map.Entry<String, BlockInfo> e : blockScopes.peek().entrySet()) {
      if (!e.getValue().defined) {
        throw src.error(e.getValue().firstUse, "reference to an undefined block");
      }
    }
    blockScopes.pop();
    finishScope(scope, isolatedFromAbove);
    if (isolatedFromAbove) {
      isolated.pop();
    }
    return region;
  }

  private void block(CirParser.BlockContext b, Region region) {
    CirParser.BlockLabelContext label = b.blockLabel();
    Token nameTok = label.CARET_ID().getSymbol();
    String name = nameTok.getText();
    Map<String, BlockInfo> blocks = blockScopes.peek();
    BlockInfo info = blocks.get(name);
    if (info == null) {
      info = new BlockInfo(new Block());
      blocks.put(name, info);
    } else if (info.defined) {
      throw src.error(nameTok, "redefinition of block '" + name + "'");
    }
    info.defined = true;
    Block block = info.block;
    region.push(block);
    if (label.blockArgList() != null) {
      for (CirParser.BlockArgContext arg : label.blockArgList().blockArg()) {
        Type t = attrs.type(arg.type());
        BlockArgument a = block.addArgument(t, src.at(arg.VALUE_ID()));
        if (arg.trailingLocation() != null) {
          setLocation(a, arg.trailingLocation());
        }
        define(arg.VALUE_ID().getText(), arg.VALUE_ID().getSymbol(), List.of(a));
      }
    }
    for (CirParser.OperationContext op : b.operation()) {
      block.append(operation(op));
    }
  }

  private Block blockRef(Token t) {
    Map<String, BlockInfo> blocks = blockScopes.peek();
    if (blocks == null) {
      throw src.error(t, "successors are only allowed inside a region");
    }
    BlockInfo info = blocks.computeIfAbsent(t.getText(), k -> new BlockInfo(new Block()));
    if (info.firstUse == null) {
      info.firstUse = t;
    }
    return info.block;
  }

  // ---- SSA values -----------------------------------------------------------------------------

  private void define(String name, Token at, List<Value> values) {
    IsolatedScope scope = isolated.peek();
    Definition existing = scope.values.get(name);
    if (existing != null && existing.definedAt != null) {
      throw src.error(at, "redefinition of SSA value '" + name + "'")
          .note(src.at(existing.definedAt), "previously defined here");
    }
    if (existing != null) {
      // Forward references: check their types, then point their uses at the definitions.
      for (int i = 0; i < existing.values.size(); i++) {
        Value placeholder = existing.values.get(i);
        if (placeholder == null) {
          continue;
        }
        if (i >= values.size()) {
          throw src.error(forwardRefs.get(placeholder), "reference to invalid result number");
        }
        Value real = values.get(i);
        if (!placeholder.getType().equals(real.getType())) {
          throw src.error(at, "definition of SSA value '" + name + "#" + i + "' has type '"
              + AsmPrinter.toString(real.getType()) + "'")
              .note(src.at(forwardRefs.get(placeholder)), "previously used here with type '"
                  + AsmPrinter.toString(placeholder.getType()) + "'");
        }
        placeholder.replaceAllUsesWith(real);
        forwardRefs.remove(placeholder);
        placeholder.getDefiningOp().erase();
      }
      existing.values.clear();
    }
    Definition d = existing != null ? existing : new Definition();
    d.values.addAll(values);
    d.definedAt = at;
    scope.values.put(name, d);
    scope.definedPerRegion.peek().add(name);
  }

  private Value resolveUse(CirParser.ValueUseContext use, Type type) {
    Token tok = use.VALUE_ID().getSymbol();
    String name = tok.getText();
    int index = 0;
    if (use.HASH_NUM() != null) {
      try {
        index = Integer.parseInt(use.HASH_NUM().getText().substring(1));
      } catch (NumberFormatException e) {
        throw src.error(use.HASH_NUM(), "invalid SSA value result number");
      }
    }
    IsolatedScope scope = isolated.peek();
    Definition d = scope.values.get(name);
    if (d != null && d.definedAt != null) {
      if (index >= d.values.size()) {
        throw src.error(tok, "reference to invalid result number");
      }
      Value v = d.values.get(index);
      if (!v.getType().equals(type)) {
        throw src.error(tok, "use of value '" + name + "' expects different type than prior uses: '"
            + AsmPrinter.toString(type) + "' vs '" + AsmPrinter.toString(v.getType()) + "'")
            .note(src.at(d.definedAt), "prior use here");
      }
      return v;
    }
    if (d == null) {
      d = new Definition();
      scope.values.put(name, d);
    }
    while (d.values.size() <= index) {
      d.values.add(null);
    }
    Value placeholder = d.values.get(index);
    if (placeholder != null) {
      if (!placeholder.getType().equals(type)) {
        throw src.error(tok, "use of value '" + name + "' expects different type than prior uses: '"
            + AsmPrinter.toString(type) + "' vs '" + AsmPrinter.toString(placeholder.getType()) + "'")
            .note(src.at(forwardRefs.get(placeholder)), "prior use here");
      }
      return placeholder;
    }
    OperationState st = new OperationState(ctx.getOperationName(FORWARD_REF_OP), src.at(tok));
    st.addType(type);
    Value v = Operation.create(st).getResult(0);
    d.values.set(index, v);
    forwardRefs.put(v, tok);
    return v;
  }

  /**
   * Ends a region's name scope: its definitions disappear; at the end of an isolated scope, any
   * forward reference still unresolved is an error.
   */
  private void finishScope(IsolatedScope scope, boolean isolatedEnd) {
    for (String name : scope.definedPerRegion.pop()) {
      scope.values.remove(name);
    }
    if (!isolatedEnd) {
      return;
    }
    Token first = null;
    for (Definition d : scope.values.values()) {
      for (Value v : d.values) {
        Token t = v == null ? null : forwardRefs.get(v);
        if (t != null && (first == null || t.getStartIndex() < first.getStartIndex())) {
          first = t;
        }
      }
    }
    if (first != null) {
      throw src.error(first, "use of undeclared SSA value name");
    }
  }
}

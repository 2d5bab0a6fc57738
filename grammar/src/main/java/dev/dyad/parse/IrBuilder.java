package dev.dyad.parse;

import dev.dyad.grammar.CirBaseListener;
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
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Builds IR while the parser runs (a parse listener), with MLIR's name resolution: SSA names
 * scoped per region (in the generic form even isolated regions see outer names, as in MLIR's
 * parser: the verifier rejects such uses), forward references to values
 * and blocks resolved when defined, and trailing location aliases resolved at the end of the
 * file. Each operation is built when its rule ends and its parse subtree is then dropped, so
 * memory holds the IR, not the parse tree. Custom op forms are read by their assembly format
 * ({@link CustomOpParser}) when the parser enters their (empty) body rule.
 */
final class IrBuilder extends CirBaseListener {
  private static final String FORWARD_REF_OP = "builtin.unrealized_conversion_cast";

  private final Context ctx;
  private final SourceText src;
  private final AttrBuilder attrs;
  /** The names in scope; replaced by a fresh scope inside a custom op's isolated region. */
  private NameScope names = new NameScope();
  /** Parsers for the parts of custom op bodies, configured like the main parser; idle ones for reuse. */
  private Supplier<CirParser> parserFactory;
  private TokenStream tokens;
  private final ArrayDeque<CirParser> idleParsers = new ArrayDeque<>();
  /** Whether the next region entered belongs to a custom op that is isolated from above. */
  private boolean isolateNextRegion;
  /** Placeholder values standing for forward references, with where they were first used. */
  private final Map<Value, Token> forwardRefs = new IdentityHashMap<>();
  private final List<PendingLoc> pendingLocations = new ArrayList<>();

  private record PendingLoc(Object target, String alias, Token at) {}

  /** A definition of an SSA name: its values (several for {@code %x:2}) and where it was defined. */
  private static final class Definition {
    final List<Value> values = new ArrayList<>(1);
    /** Where the name was defined (not the token itself: tokens are garbage after parsing). */
    Location definedAt;
  }

  /** The SSA names in scope; each region being parsed records the names it defines. */
  private static final class NameScope {
    final Map<String, Definition> values = new HashMap<>();
    final Deque<List<String>> definedPerRegion = new ArrayDeque<>();
  }

  IrBuilder(Context ctx, SourceText src) {
    this.ctx = ctx;
    this.src = src;
    this.attrs = new AttrBuilder(src, ctx);
  }

  /**
   * Lets custom op bodies be read: {@code parsers} makes parsers over the main parser's token
   * stream, with its prediction mode and error handling, this builder listening.
   */
  void readCustomBodiesWith(TokenStream tokens, Supplier<CirParser> parsers) {
    this.tokens = tokens;
    this.parserFactory = parsers;
  }

  /** The token stream the parsers read. */
  TokenStream tokens() {
    return tokens;
  }

  Context context() {
    return ctx;
  }

  SourceText source() {
    return src;
  }

  AttrBuilder attrs() {
    return attrs;
  }

  /** A parser for part of a custom op body, positioned at the stream's next token. */
  CirParser acquireParser() {
    CirParser p = idleParsers.poll();
    return p != null ? p : parserFactory.get();
  }

  void releaseParser(CirParser p) {
    idleParsers.push(p);
  }

  /** An operation whose rule is being parsed: the regions finished so far. */
  private static final class OpFrame {
    final CirParser.OperationContext ctx;
    final List<Region> regions = new ArrayList<>();
    /** A custom op, once its body has been read. */
    OperationState custom;

    OpFrame(CirParser.OperationContext ctx) {
      this.ctx = ctx;
    }
  }

  /** A region being parsed: the region, its block names, and the block ops go to. */
  private static final class RegionFrame {
    final Region region = new Region();
    final Map<String, BlockInfo> blocks = new LinkedHashMap<>();
    Block current;
    /** The enclosing name scope, when this region has an isolated one of its own. */
    NameScope outerNames;
  }

  private final Deque<OpFrame> opFrames = new ArrayDeque<>();
  private final Deque<RegionFrame> regionFrames = new ArrayDeque<>();
  private final Block topBlock = new Block();
  private final List<Operation> topOps = new ArrayList<>();
  private ParseError error;
  private RuntimeException internalFailure;

  /** Thrown to stop the parser after the first error; the error itself is kept by the builder. */
  static final class Aborted extends RuntimeException {
    Aborted() {
      super(null, null, false, false);
    }
  }

  ParseError error() {
    return error;
  }

  /** Rethrows a bug met while building, if any. */
  void rethrowInternalFailure() {
    if (internalFailure != null) {
      throw internalFailure;
    }
  }

  /** Runs {@code step}; the first error is kept and stops the parse (later events are ignored). */
  private void guarded(Runnable step) {
    if (error != null || internalFailure != null) {
      throw new Aborted();
    }
    try {
      step.run();
    } catch (ParseError e) {
      error = e;
      throw new Aborted();
    } catch (Aborted | ParseCancellationException e) {
      // Already handled by a nested step (an op in a region of a custom op), or a syntax error of
      // a nested parser that the caller reports.
      throw e;
    } catch (RuntimeException e) {
      // A bug, not a user error: stop the parse cleanly and let the caller rethrow it.
      internalFailure = e;
      throw new Aborted();
    }
  }

  @Override
  public void enterToplevel(CirParser.ToplevelContext ctx) {
    names.definedPerRegion.push(new ArrayList<>());
  }

  @Override
  public void enterOperation(CirParser.OperationContext ctx) {
    if (error == null) {
      opFrames.push(new OpFrame(ctx));
    }
  }

  @Override
  public void exitOperation(CirParser.OperationContext ctx) {
    // When the parser gives up, ANTLR may report the exit of a rule twice while unwinding.
    if (opFrames.isEmpty() || opFrames.peek().ctx != ctx || ctx.exception != null || !complete(ctx)) {
      // Unwinding after an error (a syntax error, or a stack overflow in the parser): the op is
      // incomplete and must not be built.
      return;
    }
    guarded(() -> {
      OpFrame frame = opFrames.pop();
      Operation op = frame.custom != null ? customOperation(ctx, frame.custom) : operation(ctx, frame.regions);
      RegionFrame r = regionFrames.peek();
      if (r == null) {
        topBlock.append(op);
        topOps.add(op);
      } else {
        r.current.append(op);
      }
      dropSubtree(ctx);
    });
  }

  private boolean complete(CirParser.OperationContext ctx) {
    if (ctx.customOperation() != null) {
      return opFrames.peek().custom != null;
    }
    return ctx.genericOperation() != null && ctx.genericOperation().functionType() != null;
  }

  /**
   * A custom op's body: read by its assembly format, right where the parser stands (after the
   * op name), consuming exactly the body's tokens.
   */
  @Override
  public void enterCustomBody(CirParser.CustomBodyContext body) {
    try {
      guarded(() -> {
        CirParser.CustomOperationContext c = (CirParser.CustomOperationContext) body.getParent();
        OpFrame frame = opFrames.peek();
        frame.custom = new CustomOpParser(this, c.name, frame.regions).parse();
      });
    } catch (ParseCancellationException syntaxError) {
      // A nested parser met a syntax error: unwind like ANTLR's bail-out strategy, marking every
      // enclosing rule as failed so that no listener builds from it.
      RecognitionException failed = new RecognitionException(null, null, body);
      for (ParserRuleContext r = body; r != null; r = r.getParent()) {
        r.exception = failed;
      }
      throw syntaxError;
    }
  }

  /**
   * Makes the next region entered isolated from above: names from outside do not resolve in it
   * (MLIR's custom form; the generic form scopes such regions like any other).
   */
  void isolateNextRegion() {
    isolateNextRegion = true;
  }

  /** The op is built: its parse subtree is garbage from now on. */
  private static void dropSubtree(org.antlr.v4.runtime.ParserRuleContext ctx) {
    if (ctx.parent instanceof org.antlr.v4.runtime.ParserRuleContext parent && parent.children != null
        && !parent.children.isEmpty() && parent.children.get(parent.children.size() - 1) == ctx) {
      parent.removeLastChild();
    }
  }

  @Override
  public void exitAttributeAliasDef(CirParser.AttributeAliasDefContext ctx) {
    if (ctx.exception != null) {
      return; // the parser is unwinding after a syntax error
    }
    guarded(() -> {
      defineAttributeAlias(ctx);
      dropSubtree(ctx);
    });
  }

  @Override
  public void exitTypeAliasDef(CirParser.TypeAliasDefContext ctx) {
    if (ctx.exception != null) {
      return; // the parser is unwinding after a syntax error
    }
    guarded(() -> {
      defineTypeAlias(ctx);
      dropSubtree(ctx);
    });
  }

  @Override
  public void exitFileMetadata(CirParser.FileMetadataContext ctx) {
    if (ctx.exception != null) {
      return; // the parser is unwinding after a syntax error
    }
    guarded(() -> {
      throw src.error(ctx, "file metadata (dialect resources) is not supported");
    });
  }

  @Override
  public void enterRegion(CirParser.RegionContext ctx) {
    guarded(() -> {
      // MLIR's generic syntax gives even isolated-from-above regions no name scope of their own:
      // outer names resolve, and the verifier then reports the isolation violation. A custom
      // form's isolated region starts a fresh scope.
      RegionFrame frame = new RegionFrame();
      if (isolateNextRegion) {
        isolateNextRegion = false;
        frame.outerNames = names;
        names = new NameScope();
      }
      names.definedPerRegion.push(new ArrayList<>());
      regionFrames.push(frame);
    });
  }

  @Override
  public void enterEntryBlock(CirParser.EntryBlockContext ctx) {
    guarded(() -> {
      RegionFrame r = regionFrames.peek();
      r.current = r.region.addBlock();
    });
  }

  @Override
  public void exitBlockLabel(CirParser.BlockLabelContext ctx) {
    if (ctx.exception != null) {
      return; // the parser is unwinding after a syntax error
    }
    guarded(() -> blockLabel(ctx, regionFrames.peek()));
  }

  @Override
  public void exitRegion(CirParser.RegionContext ctx) {
    if (ctx.exception != null) {
      return; // the parser is unwinding after a syntax error
    }
    guarded(() -> {
      RegionFrame r = regionFrames.pop();
      for (BlockInfo info : r.blocks.values()) {
        if (!info.defined) {
          throw src.error(info.firstUse, "reference to an undefined block");
        }
      }
      finishScope(false);
      if (r.outerNames != null) {
        names = r.outerNames;
      }
      opFrames.peek().regions.add(r.region);
    });
  }

  /** Finishes the file: checks forward references and wraps the ops in a module if needed. */
  Operation finish(Location implicitModuleLoc) {
    finishScope(true);
    resolvePendingLocations();
    if (topOps.size() == 1 && topOps.get(0).getNameString().equals("builtin.module")) {
      Operation module = topOps.get(0);
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

  private Operation operation(CirParser.OperationContext opCtx, List<Region> regions) {
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
        String what = def.propertyNames().isEmpty() ? "this operation does not support properties"
            : "expected DictionaryAttr to set properties";
        throw src.error(nameTok, "invalid properties " + AsmPrinter.toString(props) + " for op " + name + ": " + what);
      }
      st.properties = props;
    }
    for (Region r : regions) {
      st.addRegion(r);
    }
    if (g.dictionary() != null) {
      st.attributes.addAll(attrs.dictionary(g.dictionary()).entries());
    }
    FunctionType fnType = attrs.functionType(g.functionType());
    if (fnType.inputs().size() != uses.size()) {
      int n = uses.size();
      // MLIR's wording, quirk included: the plural 's' is a NUL character when n == 1.
      throw src.error(g.functionType(), "expected " + n + " operand type" + (n == 1 ? "\0" : "s") + " but had "
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
    return finishOperation(opCtx, st, bindings);
  }

  /** Creates the op, sets its trailing location and binds its result names. */
  private Operation finishOperation(CirParser.OperationContext opCtx, OperationState st, List<ResultBinding> bindings) {
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

  /** A custom op whose body has been read into {@code st}. */
  private Operation customOperation(CirParser.OperationContext opCtx, OperationState st) {
    List<ResultBinding> bindings = resultBindings(opCtx.opResultList());
    int declared = 0;
    for (ResultBinding b : bindings) {
      declared += b.count;
    }
    if (!bindings.isEmpty() && st.resultTypes.isEmpty()) {
      throw src.error(opCtx.getStart(), "cannot name an operation with no results");
    }
    if (!bindings.isEmpty() && declared != st.resultTypes.size()) {
      throw src.error(opCtx.getStart(), "operation defines " + st.resultTypes.size()
          + " results but was provided " + declared + " to bind");
    }
    return finishOperation(opCtx, st, bindings);
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

  private static final class BlockInfo {
    final Block block;
    Token firstUse;
    boolean defined;

    BlockInfo(Block block) {
      this.block = block;
    }
  }

  /** A block label: defines (or completes a forward reference to) the block and its arguments. */
  private void blockLabel(CirParser.BlockLabelContext label, RegionFrame r) {
    Token nameTok = label.CARET_ID().getSymbol();
    String name = nameTok.getText();
    BlockInfo info = r.blocks.get(name);
    if (info == null) {
      info = new BlockInfo(new Block());
      r.blocks.put(name, info);
    } else if (info.defined) {
      throw src.error(nameTok, "redefinition of block '" + name + "'");
    }
    info.defined = true;
    Block block = info.block;
    r.region.push(block);
    r.current = block;
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
  }

  Block blockRef(Token t) {
    RegionFrame r = regionFrames.peek();
    Map<String, BlockInfo> blocks = r == null ? null : r.blocks;
    if (blocks == null) {
      throw src.error(t, "reference to an undefined block");
    }
    BlockInfo info = blocks.computeIfAbsent(t.getText(), k -> new BlockInfo(new Block()));
    if (info.firstUse == null) {
      info.firstUse = t;
    }
    return info.block;
  }

  // ---- SSA values -----------------------------------------------------------------------------

  private void define(String name, Token at, List<Value> values) {
    NameScope scope = names;
    Definition existing = scope.values.get(name);
    if (existing != null && existing.definedAt != null) {
      throw src.error(at, "redefinition of SSA value '" + name + "'")
          .note(existing.definedAt, "previously defined here");
    }
    if (existing != null) {
      // Forward references: check their types, then point their uses at the definitions.
      for (int i = 0; i < existing.values.size(); i++) {
        Value placeholder = existing.values.get(i);
        if (placeholder == null) {
          continue;
        }
        if (i >= values.size()) {
          // No such result: the use stays unresolved and is reported as undeclared at the end.
          continue;
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
    d.definedAt = src.at(at);
    scope.values.put(name, d);
    scope.definedPerRegion.peek().add(name);
  }

  private Value resolveUse(CirParser.ValueUseContext use, Type type) {
    return resolveUse(use.VALUE_ID().getSymbol(), use.HASH_NUM() == null ? null : use.HASH_NUM().getSymbol(), type);
  }

  /** The value {@code %name} or {@code %name#n} ({@code hash} null for the former) of type {@code type}. */
  Value resolveUse(Token tok, Token hash, Type type) {
    String name = tok.getText();
    int index = 0;
    if (hash != null) {
      try {
        index = Integer.parseInt(hash.getText().substring(1));
      } catch (NumberFormatException e) {
        throw src.error(hash, "invalid SSA value result number");
      }
    }
    NameScope scope = names;
    Definition d = scope.values.get(name);
    if (d != null && d.definedAt != null) {
      if (index >= d.values.size()) {
        throw src.error(tok, "reference to invalid result number");
      }
      Value v = d.values.get(index);
      if (!v.getType().equals(type)) {
        throw src.error(tok, "use of value '" + name + "' expects different type than prior uses: '"
            + AsmPrinter.toString(type) + "' vs '" + AsmPrinter.toString(v.getType()) + "'")
            .note(d.definedAt, "prior use here");
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
   * Ends a region's name scope: its definitions disappear; at the end of the file, any
   * forward reference still unresolved is an error.
   */
  private void finishScope(boolean endOfFile) {
    for (String name : names.definedPerRegion.pop()) {
      names.values.remove(name);
    }
    if (!endOfFile) {
      return;
    }
    // Like MLIR, report every name still undefined, in source order.
    List<Token> undefined = new ArrayList<>(forwardRefs.values());
    if (undefined.isEmpty()) {
      return;
    }
    undefined.sort(java.util.Comparator.comparingInt(Token::getStartIndex));
    ParseError error = src.error(undefined.get(0), "use of undeclared SSA value name");
    for (Token t : undefined.subList(1, undefined.size())) {
      error.also(src.error(t, "use of undeclared SSA value name").diagnostic());
    }
    throw error;
  }
}

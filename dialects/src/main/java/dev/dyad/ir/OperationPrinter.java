package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DistinctAttr;
import dev.dyad.ir.attr.FloatAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.format.AssemblyFormat;
import dev.dyad.ir.text.StringEscapes;
import dev.dyad.ir.type.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints operations in MLIR's generic form, byte-identical to {@code mlir-opt
 * --mlir-print-op-generic}: value and block numbering, block headers with predecessor comments,
 * {@code #map}/{@code #set} alias definitions, and trailing locations with debug info. Ops that
 * declare an assembly format print in their custom form unless {@link PrintOptions#generic()}.
 */
public final class OperationPrinter implements OpAsmPrinter {
  private static final int INDENT_WIDTH = 2;

  private final StringBuilder out;
  private final PrintOptions options;
  private final AsmPrinter asm;
  /** Value ids: >= 0 is {@code %N}; < 0 encodes entry-block argument {@code %arg(-id-1)}. */
  private final IdentityHashMap<Value, Integer> valueIds = new IdentityHashMap<>();
  private final IdentityHashMap<Block, Integer> blockIds = new IdentityHashMap<>();
  private int indent;
  /** Where full buffers go when printing to a stream (null: everything stays in {@code out}). */
  private java.io.Writer sink;
  private static final int FLUSH_THRESHOLD = 1 << 16;

  private OperationPrinter(StringBuilder out, PrintOptions options, Map<Attribute, String> aliases) {
    this.out = out;
    this.options = options;
    this.asm = new AsmPrinter(out, aliases);
  }

  /**
   * Prints {@code op} as a whole output file the way mlir-opt writes it: alias definitions, the
   * op, a newline, the deferred (location) aliases, and a final newline unless in local scope.
   */
  public static void printTopLevel(Operation op, PrintOptions options, StringBuilder out) {
    printTopLevel(op, options, out, null);
  }

  private static void printTopLevel(Operation op, PrintOptions options, StringBuilder out, java.io.Writer sink) {
    List<AliasState.Alias> aliases = options.localScope() ? List.of()
        : AliasState.collect(op, options.debugInfo(), options.generic());
    Map<Attribute, String> names = new IdentityHashMap<>();
    Map<Attribute, String> byValue = new HashMap<>();
    for (AliasState.Alias a : aliases) {
      if (a.attribute() instanceof DistinctAttr) {
        names.put(a.attribute(), a.name());
      } else {
        byValue.put(a.attribute(), a.name());
      }
    }
    Map<Attribute, String> lookup = new AliasLookup(byValue, names);
    OperationPrinter p = new OperationPrinter(out, options, lookup);
    p.sink = sink;
    for (AliasState.Alias a : aliases) {
      if (!a.deferred()) {
        p.printAliasDefinition(a);
      }
    }
    p.number(rootOf(op));
    p.printOp(op);
    if (options.localScope()) {
      out.append('\n');
      return;
    }
    out.append('\n');
    for (AliasState.Alias a : aliases) {
      if (a.deferred()) {
        p.printAliasDefinition(a);
      }
    }
    out.append('\n');
  }

  private void printAliasDefinition(AliasState.Alias a) {
    out.append(a.name()).append(" = ");
    asm.printAliasDefinition(a.attribute());
    out.append('\n');
  }

  /** Alias names by value, except for distinct attributes, which are identities. */
  private static final class AliasLookup extends java.util.AbstractMap<Attribute, String> {
    private final Map<Attribute, String> byValue;
    private final Map<Attribute, String> byIdentity;

    AliasLookup(Map<Attribute, String> byValue, Map<Attribute, String> byIdentity) {
      this.byValue = byValue;
      this.byIdentity = byIdentity;
    }

    @Override
    public String get(Object key) {
      return key instanceof DistinctAttr ? byIdentity.get(key) : byValue.get(key);
    }

    @Override
    public java.util.Set<Entry<Attribute, String>> entrySet() {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * Prints {@code op} as a whole output file to {@code writer}, streaming: memory holds a small
   * buffer, not the whole text.
   */
  public static void printTopLevel(Operation op, PrintOptions options, java.io.Writer writer) throws java.io.IOException {
    StringBuilder buf = new StringBuilder(FLUSH_THRESHOLD * 2);
    try {
      printTopLevel(op, options, buf, writer);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    writer.append(buf);
  }

  private void maybeFlush() {
    if (sink == null || out.length() < FLUSH_THRESHOLD) {
      return;
    }
    try {
      sink.append(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    out.setLength(0);
  }

  public static String printTopLevel(Operation op, PrintOptions options) {
    StringBuilder sb = new StringBuilder();
    printTopLevel(op, options, sb);
    return sb.toString();
  }

  /**
   * One op in generic form, no aliases, numbered as in a print of its outermost ancestor or, with
   * {@link PrintOptions#localScope()}, of its closest isolated-from-above ancestor (itself
   * included) like MLIR's local scope: diagnostics print ops that way.
   */
  public static String print(Operation op, PrintOptions options) {
    StringBuilder sb = new StringBuilder();
    OperationPrinter p = new OperationPrinter(sb, options, Map.of());
    p.number(options.localScope() ? localRootOf(op) : rootOf(op));
    p.printOp(op);
    return sb.toString();
  }

  private static Operation localRootOf(Operation op) {
    Operation root = op;
    while (!root.hasTrait(Trait.ISOLATED_FROM_ABOVE) && root.getParentOp() != null) {
      root = root.getParentOp();
    }
    return root;
  }

  private static Operation rootOf(Operation op) {
    Operation root = op;
    while (root.getParentOp() != null) {
      root = root.getParentOp();
    }
    return root;
  }

  // ---- numbering (MLIR's SSANameState) -------------------------------------------------------

  private int nextValueId;
  private int nextArgId;

  /**
   * Numbers values like MLIR's generic printer: one counter for {@code %N} and one for
   * {@code %argN}, never reset; regions come off a LIFO stack, each numbered block by block
   * (arguments, then op results), after which the regions of its ops are pushed in order.
   */
  private void number(Operation root) {
    numberResults(root);
    Deque<Region> work = new ArrayDeque<>();
    for (Region r : root.getRegions()) {
      work.push(r);
    }
    while (!work.isEmpty()) {
      Region region = work.pop();
      numberRegion(region);
      for (Block b : region.getBlocks()) {
        for (Operation op = b.front(); op != null; op = op.getNextNode()) {
          for (Region nested : op.getRegions()) {
            work.push(nested);
          }
        }
      }
    }
  }

  private void numberRegion(Region region) {
    int blockId = 0;
    for (Block b : region.getBlocks()) {
      blockIds.put(b, blockId++);
      boolean entry = b.isEntryBlock();
      for (BlockArgument a : b.getArguments()) {
        valueIds.put(a, entry ? -(nextArgId++) - 1 : nextValueId++);
      }
      for (Operation op = b.front(); op != null; op = op.getNextNode()) {
        numberResults(op);
      }
    }
  }

  private void numberResults(Operation op) {
    if (op.getNumResults() > 0) {
      valueIds.put(op.getResult(0), nextValueId++);
    }
  }

  // ---- printing -------------------------------------------------------------------------------

  private void printIndent() {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }

  private void printValueId(Value v) {
    // Results of multi-result ops always carry their number, #0 included.
    if (v instanceof OpResult r && r.getOwner().getNumResults() > 1) {
      Integer id = valueIds.get(r.getOwner().getResult(0));
      if (id == null) {
        out.append("<<UNKNOWN SSA VALUE>>");
        return;
      }
      out.append('%').append(id.intValue()).append('#').append(r.getIndex());
      return;
    }
    Integer id = valueIds.get(v);
    if (id == null) {
      out.append("<<UNKNOWN SSA VALUE>>");
      return;
    }
    if (id < 0) {
      out.append("%arg").append(-id - 1);
    } else {
      out.append('%').append(id.intValue());
    }
  }

  private void printBlockName(Block b) {
    Integer id = blockIds.get(b);
    if (id == null) {
      out.append("<<UNKNOWN SSA VALUE>>");
      return;
    }
    out.append("^bb").append(id.intValue());
  }

  private void printOp(Operation op) {
    printIndent();
    int numResults = op.getNumResults();
    if (numResults > 0) {
      out.append('%').append(valueIds.get(op.getResult(0)).intValue());
      if (numResults > 1) {
        out.append(':').append(numResults);
      }
      out.append(" = ");
    }
    AssemblyFormat format = options.generic() ? null : AssemblyFormat.of(op);
    if (format != null && format.canPrint(op)) {
      out.append(op.getNameString());
      format.print(op, this);
    } else {
      printGenericBody(op);
    }
    if (options.debugInfo()) {
      out.append(' ');
      asm.printLocation(op.getLoc());
    }
  }

  /** Everything of the generic form after the results: {@code "name"(...) ... : (...) -> ...}. */
  private void printGenericBody(Operation op) {
    out.append('"');
    StringEscapes.appendEscaped(op.getNameString(), out);
    out.append("\"(");
    for (int i = 0; i < op.getNumOperands(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      printValueId(op.getOperand(i));
    }
    out.append(')');
    if (op.getNumSuccessors() > 0) {
      out.append('[');
      for (int i = 0; i < op.getNumSuccessors(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        printBlockName(op.getSuccessor(i));
      }
      out.append(']');
    }
    if (op.getProperties() != null) {
      out.append(" <");
      asm.printAttribute(op.getProperties());
      out.append('>');
    }
    if (op.getNumRegions() > 0) {
      out.append(" (");
      for (int i = 0; i < op.getNumRegions(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        printRegion(op.getRegion(i));
      }
      out.append(')');
    }
    if (!op.getAttrDictionary().isEmpty()) {
      out.append(" {");
      asm.printDictionaryEntries(op.getAttrDictionary().entries());
      out.append('}');
    }
    out.append(" : (");
    for (int i = 0; i < op.getNumOperands(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      asm.printType(op.getOperand(i).getType());
    }
    out.append(") -> ");
    asm.printFunctionResults(op.getResultTypes());
  }

  // ---- OpAsmPrinter: what custom forms print through ------------------------------------------

  @Override
  public void print(String text) {
    out.append(text);
  }

  @Override
  public void printOperand(Value value) {
    printValueId(value);
  }

  @Override
  public void printType(Type type) {
    asm.printType(type);
  }

  @Override
  public void printAttribute(Attribute attribute) {
    asm.printAttribute(attribute);
  }

  @Override
  public void printAttributeWithoutType(Attribute attribute) {
    if (attribute instanceof IntegerAttr i) {
      out.append(i.isBool() ? (i.value().signum() != 0 ? "true" : "false") : i.value().toString());
    } else if (attribute instanceof FloatAttr f) {
      if (f.wideBits() != null) {
        asm.printWideFloat(f.wideBits(), f.type());
      } else {
        asm.printFloat(f.bits(), f.type());
      }
    } else {
      asm.printAttribute(attribute);
    }
  }

  @Override
  public void printSuccessor(Block block) {
    printBlockName(block);
  }

  @Override
  public void printNewline() {
    out.append('\n');
    printIndent();
  }

  @Override
  public void printOptionalAttrDict(List<NamedAttribute> attributes, boolean withKeyword) {
    if (attributes.isEmpty()) {
      return;
    }
    out.append(withKeyword ? " attributes {" : " {");
    asm.printDictionaryEntries(attributes);
    out.append('}');
  }

  @Override
  public void printRegion(Region region) {
    out.append("{\n");
    List<Block> blocks = region.getBlocks();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      boolean header = i > 0 || b.isEmpty() || b.getNumArguments() > 0;
      printBlock(b, header);
    }
    printIndent();
    out.append('}');
  }

  private void printBlock(Block block, boolean header) {
    if (header) {
      printIndent();
      printBlockName(block);
      if (block.getNumArguments() > 0) {
        out.append('(');
        for (int i = 0; i < block.getNumArguments(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          BlockArgument a = block.getArgument(i);
          printValueId(a);
          out.append(": ");
          asm.printType(a.getType());
          if (options.debugInfo()) {
            // MLIR spells out a block argument's own location even when it has an alias.
            out.append(' ');
            asm.printLocationInline(a.getLoc());
          }
        }
        out.append(')');
      }
      out.append(':');
      printPredecessors(block);
      out.append('\n');
    }
    indent += INDENT_WIDTH;
    for (Operation op = block.front(); op != null; op = op.getNextNode()) {
      printOp(op);
      out.append('\n');
      maybeFlush();
    }
    indent -= INDENT_WIDTH;
  }

  private void printPredecessors(Block block) {
    List<Block> preds = block.getPredecessors();
    if (preds.isEmpty()) {
      if (!block.isEntryBlock()) {
        out.append("  // no predecessors");
      }
      return;
    }
    if (preds.size() == 1) {
      out.append("  // pred: ");
      printBlockName(preds.get(0));
      return;
    }
    List<Block> sorted = new ArrayList<>(preds);
    sorted.sort((a, b) -> Integer.compare(blockIds.getOrDefault(a, -1), blockIds.getOrDefault(b, -1)));
    out.append("  // ").append(sorted.size()).append(" preds: ");
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      printBlockName(sorted.get(i));
    }
  }
}
